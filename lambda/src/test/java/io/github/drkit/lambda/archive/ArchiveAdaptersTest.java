package io.github.drkit.lambda.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.drkit.runtime.archive.ArchiveFixture;
import io.github.drkit.runtime.archive.ArchiveIndexer;
import io.github.drkit.testing.MotoServer;
import io.github.drkit.testing.MotoServerExtension;

import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.StorageClass;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** The Lambda handlers and the CLI command over the archive runtime, against moto. */
@ExtendWith(MotoServerExtension.class)
class ArchiveAdaptersTest {

    private static JsonNode invoke(com.amazonaws.services.lambda.runtime.RequestStreamHandler handler, String json) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), out, null);
        return ArchiveJson.MAPPER.readTree(out.toByteArray());
    }

    /** Runs the command; returns {exit code, stdout, stderr}. */
    private static Object[] cli(ArchiveFixture f, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new ArchiveCommand(f.dynamo, f.s3, Map.of(ArchiveIndexerHandler.TABLE_ENV, ArchiveFixture.TABLE))
                .run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Object[] {code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    private static byte[] archiveAndIndex(ArchiveFixture f, String key) throws Exception {
        byte[] body = new byte[50_000];
        new Random(7).nextBytes(body);
        f.archive(key, body, StorageClass.STANDARD, Map.of("case-id", "C-9"), Map.of("dept", "legal"));
        JsonNode report = invoke(new ArchiveIndexerHandler(new ArchiveIndexer(f.index, f.s3)),
                ArchiveFixture.event("ObjectCreated:Put", key, null));
        assertEquals(1, report.get("records").asInt());
        assertEquals(1, report.get("outcomes").get("INDEXED").asInt());
        f.transition(key, StorageClass.GLACIER);
        invoke(new ArchiveIndexerHandler(new ArchiveIndexer(f.index, f.s3)), ArchiveFixture.event("LifecycleTransition", key, null));
        return body;
    }

    @Test
    void indexerHandler_whenRecordFails_failsTheInvocationAfterTheOthers(MotoServer moto) throws Exception {
        try (ArchiveFixture f = ArchiveFixture.unversioned(moto)) {
            f.archive("a/ok.txt", "ok", StorageClass.STANDARD);
            String two = ArchiveFixture.event("ObjectCreated:Put", "a/ok.txt", null)
                    .replace("}}}]}", "}}},{\"eventSource\":\"aws:s3\",\"eventName\":\"ObjectCreated:Put\",\"eventTime\":\"2026-11-25T10:00:00Z\","
                            + "\"s3\":{\"bucket\":{\"name\":\"no-such-bucket\"},\"object\":{\"key\":\"b\"}}}]}");
            ArchiveIndexerHandler handler = new ArchiveIndexerHandler(new ArchiveIndexer(f.index, f.s3));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            // A missing bucket answers 404 to HeadObject (GONE); a missing table is a real failure.
            f.dynamo.deleteTable(b -> b.tableName(ArchiveFixture.TABLE));
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> handler.handleRequest(new ByteArrayInputStream(two.getBytes(StandardCharsets.UTF_8)), out, null));
            assertTrue(e.getMessage().startsWith("archive indexer: 1 of 2 records failed, first: ObjectCreated:Put a/ok.txt: "), e.getMessage());
        }
    }

    @Test
    void requestHandler_whenSearchRestoreFetch_answersJsonAndAWorkingPresignedRange(MotoServer moto) throws Exception {
        try (ArchiveFixture f = ArchiveFixture.unversioned(moto);
             S3Presigner presigner = S3Presigner.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                     .credentialsProvider(moto.credentials())
                     .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()).build()) {
            byte[] body = archiveAndIndex(f, "legal/case 9/brief.pdf");
            ArchiveRequestHandler handler = new ArchiveRequestHandler(f.index, f.s3, presigner);

            JsonNode found = invoke(handler, "{\"action\":\"search\",\"metadata\":{\"case-id\":\"C-9\"},\"archivedFrom\":\"2020-01-01\"}");
            assertTrue(found.get("ok").asBoolean());
            assertEquals(1, found.get("count").asInt());
            assertEquals("legal/case 9/brief.pdf", found.get("entries").get(0).get("key").asText());
            assertEquals("GLACIER", found.get("entries").get(0).get("storageClass").asText());
            assertFalse(found.get("entries").get(0).get("readable").asBoolean());

            JsonNode notYet = invoke(handler, "{\"action\":\"fetch\",\"key\":\"legal/case 9/brief.pdf\",\"range\":\"0-9\"}");
            assertEquals("NOT_READABLE", notYet.get("error").get("reason").asText());

            JsonNode restored = invoke(handler, "{\"action\":\"restore\",\"key\":\"legal/case 9/brief.pdf\",\"tier\":\"bulk\",\"days\":3}");
            assertEquals("AVAILABLE", restored.get("entry").get("restore").get("status").asText());
            assertEquals("BULK", restored.get("entry").get("restore").get("tier").asText());
            JsonNode status = invoke(handler, "{\"action\":\"status\",\"key\":\"legal/case 9/brief.pdf\"}");
            assertTrue(status.get("entry").get("readable").asBoolean());

            JsonNode signed = invoke(handler, "{\"action\":\"fetch\",\"key\":\"legal/case 9/brief.pdf\",\"range\":\"1000-1999\",\"expiresInSeconds\":60}");
            assertEquals("bytes=1000-1999", signed.get("headers").get("range").asText());
            HttpResponse<byte[]> got = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(signed.get("url").asText()))
                    .header("Range", signed.get("headers").get("range").asText()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(206, got.statusCode());
            assertArrayEquals(Arrays.copyOfRange(body, 1000, 2000), got.body());
        }
    }

    @Test
    void requestHandler_whenBadRequest_answersReasonAndMessage(MotoServer moto) throws Exception {
        try (ArchiveFixture f = ArchiveFixture.unversioned(moto);
             S3Presigner presigner = S3Presigner.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                     .credentialsProvider(moto.credentials()).build()) {
            ArchiveRequestHandler handler = new ArchiveRequestHandler(f.index, f.s3, presigner);
            assertEquals("action must be one of search, restore, status, fetch (got 'delete')",
                    invoke(handler, "{\"action\":\"delete\"}").get("error").get("message").asText());
            assertEquals("action is required: one of search, restore, status, fetch",
                    invoke(handler, "{}").get("error").get("message").asText());
            assertTrue(invoke(handler, "{not json").get("error").get("message").asText().startsWith("request must be a JSON object ("));
            assertEquals("restore: days is required (how long to keep the restored copy)",
                    invoke(handler, "{\"action\":\"restore\",\"key\":\"k\",\"tier\":\"bulk\"}").get("error").get("message").asText());
            assertEquals("archivedFrom must be a date (2019-12-31) or an instant (2019-12-31T23:00:00Z) (got 'last year')",
                    invoke(handler, "{\"action\":\"search\",\"archivedFrom\":\"last year\"}").get("error").get("message").asText());
            assertEquals("tags must be an object of name: value (got ARRAY)",
                    invoke(handler, "{\"action\":\"search\",\"tags\":[\"a\"]}").get("error").get("message").asText());
            assertEquals("minSize must be a whole number (got 'big')",
                    invoke(handler, "{\"action\":\"search\",\"minSize\":\"big\"}").get("error").get("message").asText());
            assertEquals("restoreStatus must be one of NONE, IN_PROGRESS, AVAILABLE (got 'done')",
                    invoke(handler, "{\"action\":\"search\",\"restoreStatus\":\"done\"}").get("error").get("message").asText());
            assertEquals("fetch: expiresInSeconds must be between 1 and 43200 (got 0)",
                    invoke(handler, "{\"action\":\"fetch\",\"key\":\"k\",\"expiresInSeconds\":0}").get("error").get("message").asText());
            assertEquals("NOT_FOUND", invoke(handler, "{\"action\":\"status\",\"key\":\"nope\"}").get("error").get("reason").asText());
        }
    }

    @Test
    void command_whenSearchRestoreFetch_printsJsonAndWritesTheRange(MotoServer moto, @TempDir Path dir) throws Exception {
        try (ArchiveFixture f = ArchiveFixture.unversioned(moto)) {
            byte[] body = archiveAndIndex(f, "legal/case 9/brief.pdf");

            Object[] search = cli(f, "search", "--prefix", "legal/", "--tag", "dept=legal", "--min-size", "40K", "--to", "2999-12-31");
            assertEquals(0, search[0], (String) search[2]);
            JsonNode page = ArchiveJson.MAPPER.readTree((String) search[1]);
            assertEquals(1, page.get("count").asInt());
            assertEquals("query ByAttribute [tag:dept=legal]", page.get("plan").asText());

            Object[] cold = cli(f, "fetch", "--key", "legal/case 9/brief.pdf", "--range", "0-9", "--out", dir.resolve("x").toString());
            assertEquals(5, cold[0]);
            assertTrue(((String) cold[2]).contains("has no restored copy"), (String) cold[2]);
            assertFalse(Files.exists(dir.resolve("x")));
            assertFalse(Files.exists(dir.resolve("x.part")));

            Object[] restore = cli(f, "restore", "--key", "legal/case 9/brief.pdf", "--tier", "standard", "--days", "5");
            assertEquals(0, restore[0], (String) restore[2]);
            Path part = dir.resolve("part.bin");
            Object[] fetch = cli(f, "fetch", "--key", "legal/case 9/brief.pdf", "--range", "49990-", "--out", part.toString());
            assertEquals(0, fetch[0], (String) fetch[2]);
            assertArrayEquals(Arrays.copyOfRange(body, 49_990, 50_000), Files.readAllBytes(part));
            assertEquals(10, ArchiveJson.MAPPER.readTree((String) fetch[1]).get("bytes").asInt());

            Object[] all = cli(f, "search", "--all-pages", "--page-size", "1", "--storage-class", "glacier");
            assertEquals(1, ArchiveJson.MAPPER.readTree((String) all[1]).get("count").asInt());
        }
    }

    @Test
    void command_whenBadInput_exitsWithReasonCodeAndMessage(MotoServer moto) {
        try (ArchiveFixture f = ArchiveFixture.unversioned(moto)) {
            Object[] unknown = cli(f, "search", "--prefx", "a/");
            assertEquals(2, unknown[0]);
            assertTrue(((String) unknown[2]).startsWith("error: archive search: unknown option --prefx; it takes --all-pages, "), (String) unknown[2]);
            Object[] missing = cli(f, "restore", "--key", "k", "--days", "3");
            assertEquals(2, missing[0]);
            assertTrue(((String) missing[2]).startsWith("error: archive: --tier is required"), (String) missing[2]);
            Object[] size = cli(f, "search", "--min-size", "lots");
            assertTrue(((String) size[2]).startsWith("error: --min-size must be a number of bytes, optionally with K, M, G or T (got 'lots')"), (String) size[2]);
            Object[] notFound = cli(f, "status", "--key", "nope");
            assertEquals(3, notFound[0]);
            Object[] badTag = cli(f, "search", "--tag", "dept");
            assertTrue(((String) badTag[2]).startsWith("error: --tag must be name=value (got 'dept')"), (String) badTag[2]);
            Object[] inventory = cli(f, "backfill", "--inventory", "bucket/manifest.json");
            assertTrue(((String) inventory[2]).startsWith("error: backfill: --inventory must be s3://BUCKET/path/manifest.json (got 'bucket/manifest.json')"),
                    (String) inventory[2]);
            Object[] command = cli(f, "purge");
            assertTrue(((String) command[2]).startsWith("error: archive: unknown command 'purge'; expected search, restore, status, fetch, backfill or create-table"));
            assertEquals(2, cli(f)[0]);
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int noTable = new ArchiveCommand(f.dynamo, f.s3, Map.of()).run(new String[] {"search"}, new PrintStream(new ByteArrayOutputStream()),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(2, noTable);
            assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("error: archive: --table is required (or set DRKIT_ARCHIVE_TABLE)"));
            assertEquals(1024L * 1024 * 3, ArchiveCommand.size("3M", "--max-size"));
            assertTrue(((String) cli(f, "status", "--key")[2]).startsWith("error: archive: option --key needs a value"));
            assertTrue(((String) cli(f, "status", "key")[2]).startsWith("error: archive: expected an option --name, got 'key'"));
            assertTrue(((String) cli(f, "restore", "--key", "k", "--tier", "bulk", "--days", "99999999999")[2])
                    .startsWith("error: restore: --days is out of range (got 99999999999)"));
            assertEquals("DRKIT_NO_SUCH_VARIABLE is not set: it must name the archive catalog's DynamoDB table",
                    assertThrows(IllegalStateException.class, () -> ArchiveIndexerHandler.requiredEnv("DRKIT_NO_SUCH_VARIABLE")).getMessage());
        }
    }

    @Test
    void command_whenBackfillAndCreateTable_runsAgainstTheEmulator(MotoServer moto) throws Exception {
        try (ArchiveFixture f = ArchiveFixture.unversioned(moto)) {
            f.archive("pre/a.txt", "a", StorageClass.GLACIER_IR);
            Object[] backfill = cli(f, "backfill", "--bucket", ArchiveFixture.BUCKET, "--current-only");
            assertEquals(0, backfill[0], (String) backfill[2]);
            assertEquals(1, ArchiveJson.MAPPER.readTree((String) backfill[1]).get("indexed").asInt());
            Object[] created = cli(f, "create-table", "--table", "second-catalog");
            assertEquals(0, created[0], (String) created[2]);
            assertTrue(f.dynamo.listTables().tableNames().contains("second-catalog"));
        }
    }
}
