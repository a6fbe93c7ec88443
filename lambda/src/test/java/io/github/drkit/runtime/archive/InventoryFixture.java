package io.github.drkit.runtime.archive;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;


import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.drkit.runtime.aws.AwsClients;
import io.github.drkit.testing.MotoServer;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The inventory side of an archive in the emulator, as {@code ArchiveCatalog}'s inventory option deploys it: a bucket
 * with S3 Inventory's {@code hive/dt=.../symlink.txt} folders, the Glue database and table over them, the Athena
 * workgroup. moto runs no SQL: a test queues the rows Athena answers ({@link #answer}), and reads back the query moto
 * was sent.
 */
public final class InventoryFixture implements AutoCloseable {
    public static final String INVENTORY_BUCKET = "records-inventory";
    public static final String LOCATION = "s3://" + INVENTORY_BUCKET + "/inventory/records-archive/catalog/hive/";
    public static final String DATABASE = "records_inventory";
    public static final String TABLE = "archive";
    public static final String WORKGROUP = "records-search";
    public static final String REGION = "us-east-1";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MotoServer moto;
    public final AthenaClient athena;
    public final GlueClient glue;
    public final AwsClients aws;

    public InventoryFixture(MotoServer moto, S3Client s3, String... snapshots) {
        this.moto = moto;
        athena = AthenaClient.builder().endpointOverride(moto.endpoint()).region(Region.of(REGION)).credentialsProvider(moto.credentials())
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        glue = GlueClient.builder().endpointOverride(moto.endpoint()).region(Region.of(REGION)).credentialsProvider(moto.credentials())
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        aws = AwsClients.builder().region(Region.of(REGION)).endpoint(moto.endpoint()).credentials(moto.credentials()).maxAttempts(1).build();
        s3.createBucket(b -> b.bucket(INVENTORY_BUCKET));
        for (String dt : snapshots) {
            s3.putObject(b -> b.bucket(INVENTORY_BUCKET).key("inventory/records-archive/catalog/hive/dt=" + dt + "/symlink.txt"),
                    RequestBody.fromString("s3://" + INVENTORY_BUCKET + "/inventory/records-archive/catalog/data/" + dt + ".parquet\n"));
        }
        glue.createDatabase(b -> b.databaseInput(d -> d.name(DATABASE)));
        List<Column> columns = new ArrayList<>();
        for (String name : List.of("bucket", "key", "version_id", "is_latest", "is_delete_marker", "size", "last_modified_date", "e_tag",
                "storage_class", "intelligent_tiering_access_tier")) {
            columns.add(Column.builder().name(name).type("string").build());
        }
        glue.createTable(b -> b.databaseName(DATABASE).tableInput(t -> t.name(TABLE).tableType("EXTERNAL_TABLE")
                .partitionKeys(Column.builder().name("dt").type("string").build())
                .storageDescriptor(sd -> sd.location(LOCATION).columns(columns))));
        athena.createWorkGroup(b -> b.name(WORKGROUP).configuration(c -> c.bytesScannedCutoffPerQuery(10_000_000L)
                .enforceWorkGroupConfiguration(true)));
    }

    public InventoryTable table(String snapshot) {
        return new InventoryTable(REGION, WORKGROUP, DATABASE, TABLE, snapshot);
    }

    /** Queues the rows the next Athena query answers, after the header row Athena puts first, in the search's columns. */
    public void answer(List<List<String>> rows) {
        ObjectNode body = JSON.createObjectNode().put("region", REGION);
        ObjectNode result = body.putArray("results").addObject();
        ArrayNode out = result.putArray("rows");
        List<List<String>> all = new ArrayList<>();
        all.add(InventorySql.COLUMNS);
        all.addAll(rows);
        for (List<String> row : all) {
            ArrayNode data = out.addObject().putArray("Data");
            row.forEach(v -> {
                ObjectNode datum = data.addObject();
                if (v != null) {
                    datum.put("VarCharValue", v);
                }
            });
        }
        ArrayNode info = result.putArray("column_info");
        InventorySql.COLUMNS.forEach(c -> info.addObject().put("Name", c).put("Label", c).put("Type", "varchar"));
        post("/moto-api/static/athena/query-results", body.toString());
    }

    /** A row in the search's columns. */
    public static List<String> row(String key, String versionId, long size, String storageClass, String lastModified, String deletedAt) {
        List<String> row = new ArrayList<>();
        row.add(ArchiveFixture.BUCKET);
        row.add(key);
        row.add(versionId);
        row.add(Long.toString(size));
        row.add(storageClass);
        row.add("9b2cf535f27731c974343645a3985328");
        row.add(lastModified);
        row.add(deletedAt);
        return row;
    }

    /** Holds Athena's queries QUEUED (null: back to moto's default, which finishes them as they are polled). */
    public void holdQueries(boolean hold) {
        post("/moto-api/state-manager/" + (hold ? "set" : "unset") + "-transition", hold
                ? "{\"model_name\":\"athena::execution\",\"transition\":{\"progression\":\"manual\",\"times\":1000000}}"
                : "{\"model_name\":\"athena::execution\"}");
    }

    private void post(String path, String body) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(moto.endpoint() + path))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 300) {
                throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The SQL text of every query Athena was sent, oldest first. */
    public List<String> queriesSent() {
        List<String> out = new ArrayList<>();
        for (String id : athena.listQueryExecutions(b -> b.workGroup(WORKGROUP)).queryExecutionIds()) {
            out.add(athena.getQueryExecution(b -> b.queryExecutionId(id)).queryExecution().query());
        }
        return out;
    }

    public String state(String queryId) {
        return athena.getQueryExecution(b -> b.queryExecutionId(queryId)).queryExecution().status().stateAsString();
    }

    @Override
    public void close() {
        holdQueries(false);
        athena.close();
        glue.close();
        aws.close();
    }

}
