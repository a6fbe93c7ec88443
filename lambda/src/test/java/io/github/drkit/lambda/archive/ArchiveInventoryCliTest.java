package io.github.drkit.lambda.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.drkit.runtime.archive.ArchiveFixture;
import io.github.drkit.runtime.archive.ArchiveIndexer;
import io.github.drkit.runtime.archive.InventoryFixture;
import io.github.drkit.runtime.archive.S3EventRecord;
import io.github.drkit.testing.MotoServer;
import io.github.drkit.testing.MotoServerExtension;

import software.amazon.awssdk.services.s3.model.StorageClass;

/** {@code archive search --engine athena} and restore and fetch from its results, against moto. */
@ExtendWith(MotoServerExtension.class)
class ArchiveInventoryCliTest {
    private static final String SNAPSHOT = "2026-11-24-01-00";

    /** Runs the command; returns {exit code, stdout, stderr}. */
    private static Object[] cli(ArchiveFixture f, InventoryFixture inv, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> env = Map.of(ArchiveIndexerHandler.TABLE_ENV, ArchiveFixture.TABLE,
                ArchiveCommand.WORKGROUP_ENV, InventoryFixture.WORKGROUP, ArchiveCommand.DATABASE_ENV, InventoryFixture.DATABASE,
                ArchiveCommand.INVENTORY_TABLE_ENV, InventoryFixture.TABLE);
        int code = new ArchiveCommand(f.dynamo, f.s3, env, () -> inv.aws)
                .run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Object[] {code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    @Test
    void searchAthena_thenRestoreAndFetchFromItsResults_workForKeysTheCatalogDoesNotHold(MotoServer moto, @TempDir Path dir)
            throws Exception {
        try (ArchiveFixture f = ArchiveFixture.unversioned(moto); InventoryFixture inv = new InventoryFixture(moto, f.s3, SNAPSHOT)) {
            // One object indexed by the catalog (for the format to compare with), one only in the bucket and its inventory.
            f.archive("contracts/indexed.pdf", "indexed", StorageClass.STANDARD);
            new ArchiveIndexer(f.index, f.s3).apply(new S3EventRecord("ObjectCreated:Put", java.time.Instant.now(), ArchiveFixture.BUCKET,
                    "contracts/indexed.pdf", null));
            byte[] body = new byte[20_000];
            new Random(3).nextBytes(body);
            f.archive("contracts/2019/acme supply.pdf", body, StorageClass.STANDARD, Map.of(), Map.of());
            f.transition("contracts/2019/acme supply.pdf", StorageClass.GLACIER);
            inv.answer(List.of(InventoryFixture.row("contracts/2019/acme supply.pdf", "null", body.length, "GLACIER",
                    "2019-06-01 10:00:00.000", null)));

            Object[] search = cli(f, inv, "search", "--engine", "athena", "--prefix", "contracts/2019/", "--deadline", "60");

            assertEquals(0, search[0], (String) search[2]);
            JsonNode page = ArchiveJson.MAPPER.readTree((String) search[1]);
            JsonNode catalogPage = ArchiveJson.MAPPER.readTree((String) cli(f, inv, "search", "--prefix", "contracts/")[1]);
            assertEquals(fields(catalogPage), fields(page), "the same answer's fields as the catalog's search");
            assertEquals(fields(catalogPage.get("entries").get(0)), fields(page.get("entries").get(0)), "the same entry fields");
            assertEquals(1, page.get("count").asInt());
            JsonNode found = page.get("entries").get(0);
            assertEquals("contracts/2019/acme supply.pdf", found.get("key").asText());
            assertEquals("GLACIER", found.get("storageClass").asText());
            assertEquals(false, found.get("readable").asBoolean());
            assertTrue(page.get("plan").asText().startsWith("athena records-search [records_inventory.archive dt=" + SNAPSHOT + "]"),
                    page.get("plan").asText());

            Object[] restore = cli(f, inv, "restore", "--bucket", found.get("bucket").asText(), "--key", found.get("key").asText(),
                    "--version-id", found.get("versionId").asText(), "--tier", "standard", "--days", "3");

            assertEquals(0, restore[0], (String) restore[2]);
            JsonNode restored = ArchiveJson.MAPPER.readTree((String) restore[1]).get("entry");
            assertTrue(List.of("IN_PROGRESS", "AVAILABLE").contains(restored.get("restore").get("status").asText()), restored.toString());
            assertTrue(f.index.get("contracts/2019/acme supply.pdf", null).isPresent(), "indexed on first use");

            Path out = dir.resolve("acme.pdf");
            Object[] fetch = cli(f, inv, "fetch", "--bucket", ArchiveFixture.BUCKET, "--key", "contracts/2019/acme supply.pdf",
                    "--out", out.toString());

            assertEquals(0, fetch[0], (String) fetch[2]);
            assertArrayEquals(body, Files.readAllBytes(out));
        }
    }

    @Test
    void restore_whenKeyNeitherInCatalogNorBucket_failsNotFoundNamingBoth(MotoServer moto) {
        try (ArchiveFixture f = ArchiveFixture.unversioned(moto); InventoryFixture inv = new InventoryFixture(moto, f.s3, SNAPSHOT)) {
            Object[] r = cli(f, inv, "restore", "--bucket", ArchiveFixture.BUCKET, "--key", "gone/a.pdf", "--tier", "bulk", "--days", "1");

            assertEquals(3, r[0]);
            assertTrue(((String) r[2]).startsWith("error: restore: key 'gone/a.pdf' is neither in the catalog nor in bucket records-archive; "
                    + "an inventory report lists what the bucket held when it was taken, search again for its current keys"), (String) r[2]);
        }
    }

    @Test
    void searchAthena_whenTagAsked_exits2NamingIt(MotoServer moto) {
        try (ArchiveFixture f = ArchiveFixture.unversioned(moto); InventoryFixture inv = new InventoryFixture(moto, f.s3, SNAPSHOT)) {
            Object[] r = cli(f, inv, "search", "--engine", "athena", "--tag", "department=legal");

            assertEquals(2, r[0]);
            assertTrue(((String) r[2]).startsWith("error: search: the S3 Inventory report does not carry object tags (got tag department=legal)"),
                    (String) r[2]);
        }
    }

    @Test
    void search_whenAthenaOptionWithoutAthenaEngine_exits2NamingIt(MotoServer moto) {
        try (ArchiveFixture f = ArchiveFixture.unversioned(moto); InventoryFixture inv = new InventoryFixture(moto, f.s3, SNAPSHOT)) {
            Object[] r = cli(f, inv, "search", "--workgroup", "other", "--prefix", "a/");

            assertEquals(2, r[0]);
            assertTrue(((String) r[2]).startsWith("error: search: --workgroup applies to --engine athena only (got 'other')"), (String) r[2]);
        }
    }

    @Test
    void search_whenEngineUnknown_exits2NamingIt(MotoServer moto) {
        try (ArchiveFixture f = ArchiveFixture.unversioned(moto); InventoryFixture inv = new InventoryFixture(moto, f.s3, SNAPSHOT)) {
            Object[] r = cli(f, inv, "search", "--engine", "redshift");

            assertEquals(2, r[0]);
            assertTrue(((String) r[2]).startsWith("error: search: --engine must be catalog or athena (got 'redshift')"), (String) r[2]);
        }
    }

    @Test
    void searchAthena_whenDeadlineOutOfRange_exits2NamingIt(MotoServer moto) {
        try (ArchiveFixture f = ArchiveFixture.unversioned(moto); InventoryFixture inv = new InventoryFixture(moto, f.s3, SNAPSHOT)) {
            Object[] r = cli(f, inv, "search", "--engine", "athena", "--deadline", "0");

            assertEquals(2, r[0]);
            assertTrue(((String) r[2]).startsWith("error: search: --deadline must be between 1 and 86400 seconds (got 0)"), (String) r[2]);
        }
    }

    @Test
    void searchAthena_whenQueryOutlivesDeadline_exits1SayingWhatItWaitedOn(MotoServer moto) {
        try (ArchiveFixture f = ArchiveFixture.unversioned(moto); InventoryFixture inv = new InventoryFixture(moto, f.s3, SNAPSHOT)) {
            inv.holdQueries(true);

            Object[] r = cli(f, inv, "search", "--engine", "athena", "--prefix", "a/", "--deadline", "1");

            assertEquals(1, r[0]);
            String err = (String) r[2];
            assertTrue(err.contains("error: search: deadline of 1 s reached waiting for Athena query "), err);
            assertTrue(err.contains("the query was stopped"), err);
        }
    }

    @Test
    void searchAthena_whenWorkgroupNamedNowhere_exits2NamingIt(MotoServer moto) {
        try (ArchiveFixture f = ArchiveFixture.unversioned(moto); InventoryFixture inv = new InventoryFixture(moto, f.s3, SNAPSHOT)) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = new ArchiveCommand(f.dynamo, f.s3, Map.of(), () -> inv.aws).run(new String[] {"search", "--engine", "athena"},
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

            assertEquals(2, code);
            assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("error: search: --workgroup is required with --engine athena (or set DRKIT_ARCHIVE_WORKGROUP)"),
                    err.toString(StandardCharsets.UTF_8));
        }
    }
}
