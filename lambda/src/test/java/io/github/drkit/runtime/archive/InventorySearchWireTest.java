package io.github.drkit.runtime.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.drkit.runtime.aws.AwsClients;
import io.github.drkit.runtime.aws.Deadline;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The inventory search at the wire level, for what the emulator does not serve: Athena's bytes-scanned limit ending a
 * query, a failed query, and results in several pages (moto answers all rows at once).
 */
class InventorySearchWireTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));
    private static final String TABLE = """
            {"Table": {"Name": "archive", "DatabaseName": "records_inventory",
              "StorageDescriptor": {"Location": "s3://records-inventory/inventory/records-archive/catalog/hive/", "Columns": []},
              "PartitionKeys": [{"Name": "dt", "Type": "string"}]}}""";
    private static final String HEADER = "{\"Data\": [" + String.join(", ", InventorySql.COLUMNS.stream()
            .map(c -> "{\"VarCharValue\": \"" + c + "\"}").toList()) + "]}";
    private static final String COLUMN_INFO = "\"ResultSetMetadata\": {\"ColumnInfo\": [" + String.join(", ", InventorySql.COLUMNS.stream()
            .map(c -> "{\"Name\": \"" + c + "\", \"Type\": \"varchar\"}").toList()) + "]}";

    private ScriptedJsonServer server;
    private AwsClients aws;
    private S3Client s3;

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedJsonServer();
        aws = AwsClients.builder().region(Region.US_EAST_1).endpoint(server.endpoint()).credentials(CREDENTIALS).maxAttempts(1).build();
        // Never called: the tests name the snapshot, so no listing of the report's folders.
        s3 = S3Client.builder().region(Region.US_EAST_1).endpointOverride(server.endpoint()).credentialsProvider(CREDENTIALS)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    @AfterEach
    void stop() {
        s3.close();
        aws.close();
        server.close();
    }

    private InventorySearch search() {
        return new InventorySearch(aws.athena(), aws.glue(), s3,
                new InventoryTable("us-east-1", "records-search", "records_inventory", "archive", "2026-11-24-01-00"), line -> { });
    }

    private static String execution(String state, String reason, long scanned) {
        return """
                {"QueryExecution": {"QueryExecutionId": "q-1", "Status": {"State": "%s"%s}, "Statistics": {"DataScannedInBytes": %d}}}"""
                .formatted(state, reason == null ? "" : ", \"StateChangeReason\": \"" + reason + "\"", scanned);
    }

    private static String row(String key) {
        return "{\"Data\": [{\"VarCharValue\": \"records-archive\"}, {\"VarCharValue\": \"" + key + "\"}, {\"VarCharValue\": \"null\"}, "
                + "{\"VarCharValue\": \"10\"}, {\"VarCharValue\": \"GLACIER\"}, {\"VarCharValue\": \"e1\"}, "
                + "{\"VarCharValue\": \"2019-06-01 10:00:00.000\"}, {}]}";
    }

    @Test
    void search_whenWorkgroupLimitEndsTheQuery_failsSayingHowMuchItScannedAndWhatToDo() {
        server.answer("GetTable", TABLE).answer("StartQueryExecution", "{\"QueryExecutionId\": \"q-1\"}")
                .answer("GetQueryExecution", execution("CANCELLED", "Query cancelled! : Bytes scanned limit was exceeded", 10_485_760));

        ArchiveException e = assertThrows(ArchiveException.class,
                () -> search().search(SearchCriteria.builder().minSize(1L).build(), Deadline.after(Duration.ofSeconds(30))));

        assertEquals(ArchiveException.Reason.INVALID_REQUEST, e.reason());
        assertEquals("search: Athena stopped query q-1 after it scanned 10485760 bytes: the workgroup records-search allows less per "
                + "query (BytesScannedCutoffPerQuery). Narrow the search with --prefix or --key, or raise the limit (ArchiveCatalog "
                + "inventorySearch bytesScannedCutoff)", e.getMessage());
        assertEquals(List.of("GetTable", "StartQueryExecution", "GetQueryExecution"),
                server.requests().stream().map(ScriptedJsonServer.Request::operation).toList());
    }

    @Test
    void search_whenQueryFails_failsWithAthenasReason() {
        server.answer("GetTable", TABLE).answer("StartQueryExecution", "{\"QueryExecutionId\": \"q-1\"}")
                .answer("GetQueryExecution", execution("FAILED", "HIVE_BAD_DATA: Field size's type INT64 in parquet is incompatible", 0));

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> search().search(SearchCriteria.builder().build(), Deadline.after(Duration.ofSeconds(30))));

        assertEquals("search: Athena query q-1 in workgroup records-search ended FAILED: HIVE_BAD_DATA: Field size's type INT64 in "
                + "parquet is incompatible", e.getMessage());
    }

    @Test
    void search_whenResultsSpanPages_nextPageReadsTheSameQueryWithoutRunningItAgain() throws Exception {
        server.answer("GetTable", TABLE).answer("StartQueryExecution", "{\"QueryExecutionId\": \"q-1\"}")
                .answer("GetQueryExecution", execution("RUNNING", null, 1_000))
                .answer("GetQueryExecution", execution("SUCCEEDED", null, 123_456_789))
                .answer("GetQueryResults", "{\"NextToken\": \"athena-2\", \"ResultSet\": {\"Rows\": [" + HEADER + ", " + row("a/1.txt") + ", "
                        + row("a/2.txt") + "], " + COLUMN_INFO + "}}")
                .answer("GetQueryResults", "{\"ResultSet\": {\"Rows\": [" + row("a/3.txt") + "], " + COLUMN_INFO + "}}");
        SearchCriteria criteria = SearchCriteria.builder().prefix("a/").pageSize(2).build();

        SearchPage first = search().search(criteria, Deadline.after(Duration.ofSeconds(30)));

        assertEquals(List.of("a/1.txt", "a/2.txt"), first.entries().stream().map(ArchiveEntry::key).toList());
        assertEquals(123_456_789, first.scanned());
        assertEquals(5, first.requests());
        assertNotNull(first.nextToken());
        JsonNode firstResults = JSON.readTree(server.requests().get(4).body());
        assertEquals(3, firstResults.get("MaxResults").asInt(), "the page and Athena's header row");
        server.clear();

        SearchPage second = search().search(criteria.toBuilder().pageToken(first.nextToken()).build(), Deadline.after(Duration.ofSeconds(30)));

        assertEquals(List.of("a/3.txt"), second.entries().stream().map(ArchiveEntry::key).toList());
        assertNull(second.nextToken());
        assertEquals(0, second.scanned());
        assertEquals(first.plan(), second.plan());
        assertEquals(List.of("GetQueryResults"), server.requests().stream().map(ScriptedJsonServer.Request::operation).toList());
        JsonNode next = JSON.readTree(server.requests().get(0).body());
        assertEquals("q-1", next.get("QueryExecutionId").asText());
        assertEquals("athena-2", next.get("NextToken").asText());
        assertEquals(2, next.get("MaxResults").asInt());
    }

    @Test
    void search_whenDeadlineComesAndStoppingFails_stillReportsTheDeadlineAndWhatIsLeftRunning() {
        server.answer("GetTable", TABLE).answer("StartQueryExecution", "{\"QueryExecutionId\": \"q-1\"}");
        for (int i = 0; i < 20; i++) {
            server.answer("GetQueryExecution", execution("RUNNING", null, 5_000));
        }
        // No scripted answer for StopQueryExecution: the server refuses it.

        io.github.drkit.runtime.aws.DeadlineExceededException e = assertThrows(io.github.drkit.runtime.aws.DeadlineExceededException.class,
                () -> search().search(SearchCriteria.builder().build(), Deadline.after(Duration.ofSeconds(1))));

        assertTrue(e.getMessage().startsWith("search: deadline of 1 s reached waiting for Athena query q-1 in workgroup records-search "
                + "(RUNNING, 5000 bytes scanned so far); stopping it failed ("), e.getMessage());
        assertTrue(e.getMessage().endsWith("so it may run on up to the workgroup's bytes-scanned limit. Give the search more time "
                + "(--deadline) or narrow it"), e.getMessage());
        assertEquals("StopQueryExecution", server.requests().get(server.requests().size() - 1).operation());
    }

    @Test
    void search_whenTokenFromAnotherSearch_isRefusedWithoutACall() {
        String token = new InventorySearch.Token(ArchiveSearch.fingerprint(SearchCriteria.builder().prefix("a/").build()), "q-1",
                "athena-2", "athena").encode();

        ArchiveException e = assertThrows(ArchiveException.class, () -> search().search(SearchCriteria.builder().prefix("b/")
                .pageToken(token).build(), Deadline.after(Duration.ofSeconds(30))));

        assertEquals("search: pageToken was issued for a different search; repeat the same criteria with it, or drop it to start again",
                e.getMessage());
        assertEquals(List.of(), server.requests());
    }

    @Test
    void search_whenTokenFromTheCatalogSearch_isRefusedNamingTheEngine() {
        SearchCriteria criteria = SearchCriteria.builder().prefix("a/").build();
        String catalogToken = new ArchiveSearch.Token(ArchiveSearch.fingerprint(criteria), 0, null).encode();

        ArchiveException e = assertThrows(ArchiveException.class, () -> search().search(criteria.toBuilder().pageToken(catalogToken).build(),
                Deadline.after(Duration.ofSeconds(30))));

        assertEquals("search: pageToken was issued by the catalog's search, not the inventory's; repeat it without --engine athena, "
                + "or drop it to start again", e.getMessage());
    }
}
