package io.github.drkit.runtime.aws.api;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.drkit.runtime.aws.JsonProtocol;

/** The AWS Glue operation of the archive catalog's inventory search: reading where a table's files are. */
public final class GlueApi {
    private final JsonProtocol json;

    public GlueApi(JsonProtocol json) {
        this.json = json;
    }

    /** A table of the account's Data Catalog; an unknown table or database fails with {@code EntityNotFoundException}. */
    public GlueTable table(String region, String database, String name) {
        JsonNode table = json.call(region, "GetTable", JsonProtocol.object().put("DatabaseName", database).put("Name", name))
                .path("Table");
        List<String> columns = new ArrayList<>();
        table.path("StorageDescriptor").path("Columns").forEach(c -> columns.add(c.path("Name").asText()));
        List<String> partitionKeys = new ArrayList<>();
        table.path("PartitionKeys").forEach(c -> partitionKeys.add(c.path("Name").asText()));
        return new GlueTable(table.path("DatabaseName").asText(database), table.path("Name").asText(name),
                table.path("StorageDescriptor").path("Location").asText(null), columns, partitionKeys);
    }
}
