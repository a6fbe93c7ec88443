package io.github.drkit.lambda.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;


import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.drkit.runtime.archive.ArchiveFixture;
import io.github.drkit.runtime.archive.InventoryFixture;
import io.github.drkit.runtime.archive.InventorySearch;
import io.github.drkit.testing.MotoServer;
import io.github.drkit.testing.MotoServerExtension;

import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.StorageClass;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** The request function's {@code "engine": "athena"} search and its {@code bucket} for what it found, against moto. */
@ExtendWith(MotoServerExtension.class)
class ArchiveInventoryHandlerTest {
    private static final String SNAPSHOT = "2026-11-24-01-00";

    private static JsonNode invoke(ArchiveRequestHandler handler, String json) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), out, null);
        return ArchiveJson.MAPPER.readTree(out.toByteArray());
    }

    private static S3Presigner presigner(MotoServer moto) {
        return S3Presigner.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1).credentialsProvider(moto.credentials())
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()).build();
    }

    @Test
    void search_whenEngineAthena_answersTheCatalogsFormatAndRestoreTakesItsBucket(MotoServer moto) throws Exception {
        try (ArchiveFixture f = ArchiveFixture.unversioned(moto); InventoryFixture inv = new InventoryFixture(moto, f.s3, SNAPSHOT);
             S3Presigner presigner = presigner(moto)) {
            f.archive("contracts/2019/acme supply.pdf", "acme", StorageClass.STANDARD);
            f.transition("contracts/2019/acme supply.pdf", StorageClass.GLACIER);
            inv.answer(List.of(InventoryFixture.row("contracts/2019/acme supply.pdf", "null", 4, "GLACIER", "2019-06-01 10:00:00.000", null)));
            ArchiveRequestHandler handler = new ArchiveRequestHandler(f.index, f.s3, presigner,
                    new InventorySearch(inv.aws.athena(), inv.aws.glue(), f.s3, inv.table(null), line -> { }));

            JsonNode found = invoke(handler, "{\"action\":\"search\",\"engine\":\"athena\",\"prefix\":\"contracts/\"}");

            assertTrue(found.get("ok").asBoolean(), found.toString());
            assertEquals(1, found.get("count").asInt());
            assertTrue(found.get("plan").asText().startsWith("athena records-search"), found.toString());
            JsonNode entry = found.get("entries").get(0);

            JsonNode restored = invoke(handler, "{\"action\":\"restore\",\"bucket\":\"" + entry.get("bucket").asText() + "\",\"key\":\""
                    + entry.get("key").asText() + "\",\"tier\":\"bulk\",\"days\":2}");

            assertTrue(restored.get("ok").asBoolean(), restored.toString());
            assertEquals("contracts/2019/acme supply.pdf", restored.get("entry").get("key").asText());
            assertTrue(f.index.get("contracts/2019/acme supply.pdf", null).isPresent(), "indexed on first use");
        }
    }

    @Test
    void search_whenEngineAthenaWithoutInventory_answersInvalidRequestSayingWhatIsMissing(MotoServer moto) throws Exception {
        try (ArchiveFixture f = ArchiveFixture.unversioned(moto); S3Presigner presigner = presigner(moto)) {
            JsonNode answer = invoke(new ArchiveRequestHandler(f.index, f.s3, presigner), "{\"action\":\"search\",\"engine\":\"athena\"}");

            assertFalse(answer.get("ok").asBoolean());
            assertEquals("INVALID_REQUEST", answer.get("error").get("reason").asText());
            assertEquals("search: engine athena needs the catalog's inventory search (ArchiveCatalogProps inventorySearch); this "
                    + "function has no workgroup configured", answer.get("error").get("message").asText());
        }
    }

    @Test
    void search_whenEngineUnknown_answersInvalidRequest(MotoServer moto) throws Exception {
        try (ArchiveFixture f = ArchiveFixture.unversioned(moto); S3Presigner presigner = presigner(moto)) {
            JsonNode answer = invoke(new ArchiveRequestHandler(f.index, f.s3, presigner), "{\"action\":\"search\",\"engine\":\"redshift\"}");

            assertEquals("search: engine must be catalog or athena (got 'redshift')", answer.get("error").get("message").asText());
        }
    }

    @Test
    void search_whenQueryOutlivesTheInvocation_answersDeadlineWithTheQueryStopped(MotoServer moto) throws Exception {
        try (ArchiveFixture f = ArchiveFixture.unversioned(moto); InventoryFixture inv = new InventoryFixture(moto, f.s3, SNAPSHOT);
             S3Presigner presigner = presigner(moto)) {
            inv.holdQueries(true);
            ArchiveRequestHandler handler = new ArchiveRequestHandler(f.index, f.s3, presigner,
                    new InventorySearch(inv.aws.athena(), inv.aws.glue(), f.s3, inv.table(null), line -> { }));
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            handler.handleRequest(new ByteArrayInputStream("{\"action\":\"search\",\"engine\":\"athena\"}".getBytes(StandardCharsets.UTF_8)),
                    out, new RemainingTime(12_000));

            JsonNode answer = ArchiveJson.MAPPER.readTree(out.toByteArray());
            assertEquals("DEADLINE", answer.get("error").get("reason").asText(), answer.toString());
            assertTrue(answer.get("error").get("message").asText().startsWith("search: deadline of 2 s reached waiting for Athena query "),
                    answer.toString());
            assertTrue(answer.get("error").get("message").asText().contains("the query was stopped"), answer.toString());
        }
    }

    /** A Lambda context that only knows the time left, as the handler reads it. */
    private record RemainingTime(int millis) implements com.amazonaws.services.lambda.runtime.Context {
        @Override public String getAwsRequestId() { return "test"; }
        @Override public String getLogGroupName() { return null; }
        @Override public String getLogStreamName() { return null; }
        @Override public String getFunctionName() { return "requests"; }
        @Override public String getFunctionVersion() { return "$LATEST"; }
        @Override public String getInvokedFunctionArn() { return null; }
        @Override public com.amazonaws.services.lambda.runtime.CognitoIdentity getIdentity() { return null; }
        @Override public com.amazonaws.services.lambda.runtime.ClientContext getClientContext() { return null; }
        @Override public int getRemainingTimeInMillis() { return millis; }
        @Override public int getMemoryLimitInMB() { return 1024; }
        @Override public com.amazonaws.services.lambda.runtime.LambdaLogger getLogger() { return null; }
    }
}
