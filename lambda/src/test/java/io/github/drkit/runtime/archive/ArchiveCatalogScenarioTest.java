package io.github.drkit.runtime.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.drkit.testing.MotoServer;
import io.github.drkit.testing.MotoServerExtension;

import software.amazon.awssdk.services.s3.model.StorageClass;

/** A records manager's day: archive, index from S3 events, search, restore, fetch a part of a file. */
@ExtendWith(MotoServerExtension.class)
class ArchiveCatalogScenarioTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void archiveIndexSearchRestoreFetch_whenGlacierObject_returnsExactBytesOfRange(MotoServer moto) throws Exception {
        try (ArchiveFixture f = ArchiveFixture.versioned(moto)) {
            byte[] contract = new byte[300_000];
            new Random(42).nextBytes(contract);
            String key = "contracts/2019/acme supply+renewal.pdf";
            f.archive(key, contract, StorageClass.STANDARD,
                    Map.of("case-id", "C-1042", "owner", "legal"), Map.of("retention", "10y", "department", "legal"));
            f.archive("contracts/2019/other.pdf", "other".getBytes(StandardCharsets.UTF_8), StorageClass.STANDARD,
                    Map.of("case-id", "C-7"), Map.of("department", "sales"));
            f.archive("invoices/2019/0001.pdf", "invoice", StorageClass.STANDARD);

            // Written online, then moved by lifecycle rules: each step arrives as an S3 event.
            ArchiveIndexer indexer = new ArchiveIndexer(f.index, f.s3);
            for (String k : List.of(key, "contracts/2019/other.pdf", "invoices/2019/0001.pdf")) {
                apply(indexer, ArchiveFixture.event("ObjectCreated:Put", k, null), ArchiveIndexer.Outcome.INDEXED);
            }
            f.transition(key, StorageClass.GLACIER);
            f.transition("contracts/2019/other.pdf", StorageClass.GLACIER);
            f.transition("invoices/2019/0001.pdf", StorageClass.DEEP_ARCHIVE);
            for (String k : List.of(key, "contracts/2019/other.pdf", "invoices/2019/0001.pdf")) {
                apply(indexer, ArchiveFixture.event("LifecycleTransition", k, null), ArchiveIndexer.Outcome.INDEXED);
            }
            String version = ArchiveEntry.NULL_VERSION;

            ArchiveSearch search = new ArchiveSearch(f.index);
            SearchPage byMeta = search.search(SearchCriteria.builder().metadata("case-id", "C-1042").build());
            assertEquals(List.of(key), byMeta.entries().stream().map(ArchiveEntry::key).toList());
            assertTrue(byMeta.plan().startsWith("query ByAttribute"), byMeta.plan());
            ArchiveEntry found = byMeta.entries().get(0);
            assertEquals(version, found.versionId());
            assertEquals(300_000L, found.size());
            assertEquals("GLACIER", found.storageClass());
            assertEquals(Map.of("retention", "10y", "department", "legal"), found.tags());
            assertEquals("legal", found.metadata().get("owner"));
            assertNotNull(found.checksum());
            assertTrue(found.checksum().startsWith("SHA256:"), found.checksum());
            assertFalse(found.readable());

            SearchPage byTagAndPrefix = search.search(SearchCriteria.builder().tag("department", "legal").prefix("contracts/").build());
            assertEquals(List.of(key), byTagAndPrefix.entries().stream().map(ArchiveEntry::key).toList());
            SearchPage byPrefixAndSize = search.search(SearchCriteria.builder().prefix("contracts/2019/").minSize(1000L).build());
            assertEquals(List.of(key), byPrefixAndSize.entries().stream().map(ArchiveEntry::key).toList());
            SearchPage deep = search.search(SearchCriteria.builder().storageClass("deep_archive").build());
            assertEquals(List.of("invoices/2019/0001.pdf"), deep.entries().stream().map(ArchiveEntry::key).toList());

            RestoreResult restore = new ArchiveRestore(f.index, f.s3).start(key, null, RestoreTier.STANDARD, 7);
            assertFalse(restore.extended());
            // The emulator completes restores at once: the catalog shows the copy as readable, with the tier used.
            ArchiveEntry indexed = f.index.get(key, version).orElseThrow();
            assertEquals(RestoreStatus.AVAILABLE, indexed.restoreStatus());
            assertEquals(RestoreTier.STANDARD, indexed.restoreTier());
            assertNotNull(indexed.restoreRequestedAt());
            assertNotNull(indexed.restoreExpiresAt());
            assertEquals(1, search.search(SearchCriteria.builder().restoreStatus(RestoreStatus.AVAILABLE).build()).entries().size());

            ByteArrayOutputStream part = new ByteArrayOutputStream();
            FetchResult fetched = new ArchiveFetch(f.index, f.s3).fetch(key, null, ByteRange.parse("100000-100999"), part);
            assertEquals(1000, fetched.bytes());
            assertArrayEquals(Arrays.copyOfRange(contract, 100_000, 101_000), part.toByteArray());

            ByteArrayOutputStream whole = new ByteArrayOutputStream();
            new ArchiveFetch(f.index, f.s3).fetch(key, version, null, whole);
            assertArrayEquals(contract, whole.toByteArray());

            ByteArrayOutputStream tail = new ByteArrayOutputStream();
            FetchResult last = new ArchiveFetch(f.index, f.s3).fetch(key, version, ByteRange.parse("-10"), tail);
            assertEquals("299990-299999", last.range().toString());
            assertArrayEquals(Arrays.copyOfRange(contract, 299_990, 300_000), tail.toByteArray());
            assertNull(byTagAndPrefix.nextToken());
        }
    }

    private static void apply(ArchiveIndexer indexer, String event, ArchiveIndexer.Outcome expected) throws Exception {
        List<S3EventRecord> records = S3EventRecord.parse(JSON.readTree(event));
        assertEquals(1, records.size());
        assertEquals(expected, indexer.apply(records.get(0)));
    }
}
