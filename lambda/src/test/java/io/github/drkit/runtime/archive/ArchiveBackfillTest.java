package io.github.drkit.runtime.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.drkit.testing.MotoServer;
import io.github.drkit.testing.MotoServerExtension;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.StorageClass;

@ExtendWith(MotoServerExtension.class)
class ArchiveBackfillTest {

    private static List<String> keys(ArchiveIndex index, SearchCriteria c) {
        return new ArchiveSearch(index).search(c).entries().stream().map(ArchiveEntry::key).toList();
    }

    @Test
    void fromListing_whenObjectsPredateCatalog_indexesThemOnceWithTags(MotoServer moto) {
        try (ArchiveFixture f = ArchiveFixture.versioned(moto)) {
            f.archive("old/a.pdf", "a".getBytes(), StorageClass.GLACIER_IR, Map.of("owner", "ops"), Map.of("year", "2012"));
            f.archive("old/a.pdf", "a2".getBytes(), StorageClass.GLACIER_IR, Map.of("owner", "ops"), Map.of("year", "2013"));
            f.archive("old/b.pdf", "b".getBytes(), StorageClass.STANDARD, Map.of(), Map.of("year", "2012"));
            f.s3.deleteObject(b -> b.bucket(ArchiveFixture.BUCKET).key("old/b.pdf"));
            ArchiveBackfill backfill = new ArchiveBackfill(f.index, f.s3);

            BackfillReport report = backfill.fromListing(ArchiveFixture.BUCKET, "old/", ArchiveBackfill.Options.defaults());
            assertEquals(new BackfillReport(3, 3, 0, 0, 1, false), report);
            assertEquals(List.of("old/a.pdf"), keys(f.index, SearchCriteria.builder().tag("year", "2012").build()));
            assertEquals(List.of("old/a.pdf", "old/b.pdf"),
                    keys(f.index, SearchCriteria.builder().tag("year", "2012").includeDeleted(true).build()));

            // Twice is the same as once.
            backfill.fromListing(ArchiveFixture.BUCKET, "old/", ArchiveBackfill.Options.defaults());
            assertEquals(2, f.index.versions("old/a.pdf").size());
            assertEquals(3, new ArchiveSearch(f.index).search(SearchCriteria.builder().includeDeleted(true).build()).entries().size());
        }
    }

    @Test
    void fromListing_whenNotInspecting_keepsWhatTheCatalogKnows(MotoServer moto) {
        try (ArchiveFixture f = ArchiveFixture.unversioned(moto)) {
            f.archive("x/tagged.txt", "t".getBytes(), StorageClass.STANDARD, Map.of(), Map.of("keep", "me"));
            new ArchiveIndexer(f.index, f.s3).apply(new S3EventRecord("ObjectCreated:Put", java.time.Instant.now(),
                    ArchiveFixture.BUCKET, "x/tagged.txt", null));
            for (int i = 0; i < 150; i++) {
                f.archive("x/plain-" + i + ".txt", "p", StorageClass.STANDARD);
            }
            BackfillReport report = new ArchiveBackfill(f.index, f.s3).fromListing(ArchiveFixture.BUCKET, null,
                    new ArchiveBackfill.Options(false, false, Long.MAX_VALUE));
            assertEquals(151, report.listed());
            assertEquals(150, report.indexed());
            assertEquals(1, report.alreadyIndexed());
            assertEquals(List.of("x/tagged.txt"), keys(f.index, SearchCriteria.builder().tag("keep", "me").build()));
            assertEquals(1, new ArchiveSearch(f.index).search(SearchCriteria.builder().key("x/plain-42.txt").build()).entries().size());

            BackfillReport limited = new ArchiveBackfill(f.index, f.s3).fromListing(ArchiveFixture.BUCKET, null,
                    new ArchiveBackfill.Options(false, false, 10));
            assertEquals(10, limited.listed());
            assertTrue(limited.truncated());
        }
    }

    @Test
    void fromEntries_whenLegacyExportCarriesTags_makesThemSearchable(MotoServer moto) {
        try (ArchiveFixture f = ArchiveFixture.unversioned(moto)) {
            List<ArchiveEntry> export = List.of(
                    new ArchiveEntry(ArchiveFixture.BUCKET, "legacy/box-1.tif", null, 10, "DEEP_ARCHIVE", "e1", null,
                            Map.of("box", "1"), Map.of("series", "minutes"), java.time.Instant.parse("2004-02-01T00:00:00Z"),
                            null, null, null, null, null),
                    new ArchiveEntry(ArchiveFixture.BUCKET, "legacy/box-2.tif", null, 20, "DEEP_ARCHIVE", "e2", null,
                            Map.of("box", "2"), Map.of("series", "ledgers"), java.time.Instant.parse("2005-02-01T00:00:00Z"),
                            null, null, null, null, null));
            BackfillReport report = new ArchiveBackfill(f.index, f.s3).fromEntries(export, new ArchiveBackfill.Options(false, true, 100));
            assertEquals(new BackfillReport(2, 2, 0, 0, 0, false), report);
            assertEquals(List.of("legacy/box-2.tif"), keys(f.index, SearchCriteria.builder().tag("series", "ledgers").build()));
            assertEquals(List.of("legacy/box-1.tif"), keys(f.index, SearchCriteria.builder().metadata("box", "1").build()));
        }
    }

    @Test
    void fromInventory_whenCsvReport_indexesRowsWithDecodedKeys(MotoServer moto) throws Exception {
        try (ArchiveFixture f = ArchiveFixture.unversioned(moto)) {
            f.s3.createBucket(b -> b.bucket("inventory-reports"));
            String csv = String.join("\n",
                    "\"records-archive\",\"scans/2011/box+12%2Fa.tif\",\"v1\",\"true\",\"false\",\"5000\",\"2011-04-01T10:00:00.000Z\",\"e1\",\"DEEP_ARCHIVE\"",
                    "\"records-archive\",\"scans/2011/box+13.tif\",\"v2\",\"false\",\"false\",\"7000\",\"2011-05-01T10:00:00.000Z\",\"e2\",\"GLACIER\"",
                    "\"records-archive\",\"scans/2011/box+13.tif\",\"v3\",\"true\",\"true\",\"\",\"2015-01-01T00:00:00.000Z\",\"\",\"\"",
                    "");
            ByteArrayOutputStream gz = new ByteArrayOutputStream();
            try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
                out.write(csv.getBytes(StandardCharsets.UTF_8));
            }
            f.s3.putObject(b -> b.bucket("inventory-reports").key("records-archive/weekly/data/part-0.csv.gz"), RequestBody.fromBytes(gz.toByteArray()));
            String manifest = """
                    {"sourceBucket":"records-archive","destinationBucket":"arn:aws:s3:::inventory-reports","version":"2016-11-30",
                     "fileFormat":"CSV","fileSchema":"Bucket, Key, VersionId, IsLatest, IsDeleteMarker, Size, LastModifiedDate, ETag, StorageClass",
                     "files":[{"key":"records-archive/weekly/data/part-0.csv.gz","size":1,"MD5checksum":"x"}]}
                    """;
            f.s3.putObject(b -> b.bucket("inventory-reports").key("records-archive/weekly/2026-11-24T00-00Z/manifest.json"),
                    RequestBody.fromString(manifest));

            BackfillReport report = new ArchiveBackfill(f.index, f.s3).fromInventory("inventory-reports",
                    "records-archive/weekly/2026-11-24T00-00Z/manifest.json", new ArchiveBackfill.Options(false, true, Long.MAX_VALUE));
            assertEquals(new BackfillReport(2, 2, 0, 0, 1, false), report);
            ArchiveEntry a = f.index.get("scans/2011/box 12/a.tif", "v1").orElseThrow();
            assertEquals(5000, a.size());
            assertEquals("DEEP_ARCHIVE", a.storageClass());
            assertEquals(java.time.Instant.parse("2011-04-01T10:00:00Z"), a.archivedAt());
            assertEquals(List.of("scans/2011/box 12/a.tif"), keys(f.index, SearchCriteria.builder().prefix("scans/")
                    .archivedFrom(java.time.Instant.parse("2011-01-01T00:00:00Z")).archivedTo(java.time.Instant.parse("2011-12-31T00:00:00Z")).build()));
            // The newest row of box 13 is a delete marker: the key is hidden, its version kept.
            assertEquals(1, new ArchiveSearch(f.index).search(SearchCriteria.builder().key("scans/2011/box 13.tif").includeDeleted(true).build()).entries().size());
        }
    }

    private static void putInventory(ArchiveFixture f, String manifestKey, String csv) {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(csv.getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        f.s3.putObject(b -> b.bucket("inventory-reports").key("part-bad.csv.gz"), RequestBody.fromBytes(gz.toByteArray()));
        f.s3.putObject(b -> b.bucket("inventory-reports").key(manifestKey), RequestBody.fromString(
                "{\"fileFormat\":\"CSV\",\"fileSchema\":\"Bucket, Key, LastModifiedDate\",\"files\":[{\"key\":\"part-bad.csv.gz\"}]}"));
    }

    @Test
    void fromInventory_whenNotCsvOrMissing_failsClearly(MotoServer moto) {
        try (ArchiveFixture f = ArchiveFixture.unversioned(moto)) {
            f.s3.createBucket(b -> b.bucket("inventory-reports"));
            f.s3.putObject(b -> b.bucket("inventory-reports").key("m.json"),
                    RequestBody.fromString("{\"fileFormat\":\"Parquet\",\"fileSchema\":\"message s3.inventory {}\",\"files\":[]}"));
            ArchiveBackfill backfill = new ArchiveBackfill(f.index, f.s3);
            ArchiveBackfill.Options options = new ArchiveBackfill.Options(false, true, 10);
            assertEquals("backfill: inventory fileFormat must be CSV (got 'Parquet'); configure the inventory report as CSV, "
                    + "or query ORC and Parquet reports with Athena",
                    assertThrows(ArchiveException.class, () -> backfill.fromInventory("inventory-reports", "m.json", options)).getMessage());
            f.s3.putObject(b -> b.bucket("inventory-reports").key("n.json"),
                    RequestBody.fromString("{\"fileFormat\":\"CSV\",\"fileSchema\":\"Bucket, Size\",\"files\":[]}"));
            assertEquals("backfill: inventory fileSchema must include Bucket and Key (got 'Bucket, Size')",
                    assertThrows(ArchiveException.class, () -> backfill.fromInventory("inventory-reports", "n.json", options)).getMessage());
            assertEquals("backfill: inventory manifest s3://inventory-reports/none.json does not exist",
                    assertThrows(ArchiveException.class, () -> backfill.fromInventory("inventory-reports", "none.json", options)).getMessage());
            putInventory(f, "bad.json", "\"records-archive\",\"k\"\n");
            assertEquals("backfill: inventory file part-bad.csv.gz line 1 has 2 fields, the fileSchema 3",
                    assertThrows(ArchiveException.class, () -> backfill.fromInventory("inventory-reports", "bad.json", options)).getMessage());
            putInventory(f, "time.json", "\"records-archive\",\"k\",\"last tuesday\"\n");
            assertEquals("backfill: inventory file part-bad.csv.gz line 1: LastModifiedDate must be ISO-8601 (got 'last tuesday')",
                    assertThrows(ArchiveException.class, () -> backfill.fromInventory("inventory-reports", "time.json", options)).getMessage());
            assertEquals("backfill: maxObjects must be at least 1 (got 0)",
                    assertThrows(ArchiveException.class, () -> new ArchiveBackfill.Options(true, true, 0)).getMessage());
            assertEquals("backfill: bucket is required",
                    assertThrows(ArchiveException.class, () -> backfill.fromListing(" ", null, options)).getMessage());
        }
    }
}
