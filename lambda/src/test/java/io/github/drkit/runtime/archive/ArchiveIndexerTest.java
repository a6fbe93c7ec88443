package io.github.drkit.runtime.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.drkit.testing.MotoServer;
import io.github.drkit.testing.MotoServerExtension;

import software.amazon.awssdk.services.s3.model.StorageClass;

@ExtendWith(MotoServerExtension.class)
class ArchiveIndexerTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private static S3EventRecord event(String name, String key, String versionId) {
        return new S3EventRecord(name, NOW, ArchiveFixture.BUCKET, key, versionId);
    }

    private static List<String> keys(ArchiveIndex index, SearchCriteria c) {
        return new ArchiveSearch(index).search(c).entries().stream().map(e -> e.key() + "@" + e.versionId()).toList();
    }

    @Test
    void apply_whenVersionsCreatedAndRemoved_followsTheBucket(MotoServer moto) {
        try (ArchiveFixture f = ArchiveFixture.versioned(moto)) {
            ArchiveIndexer indexer = new ArchiveIndexer(f.index, f.s3);
            String v1 = f.archive("minutes/board 2019.docx", "first", StorageClass.STANDARD);
            String v2 = f.archive("minutes/board 2019.docx", "second", StorageClass.STANDARD);
            assertEquals(ArchiveIndexer.Outcome.INDEXED, indexer.apply(event("ObjectCreated:Put", "minutes/board 2019.docx", v1)));
            assertEquals(ArchiveIndexer.Outcome.INDEXED, indexer.apply(event("ObjectCreated:Put", "minutes/board 2019.docx", v2)));
            assertEquals(2, f.index.versions("minutes/board 2019.docx").size());

            // A delete marker hides the key; its versions stay findable, and restorable.
            String marker = f.s3.deleteObject(b -> b.bucket(ArchiveFixture.BUCKET).key("minutes/board 2019.docx")).versionId();
            assertEquals(ArchiveIndexer.Outcome.MARKED_DELETED, indexer.apply(event("ObjectRemoved:DeleteMarkerCreated", "minutes/board 2019.docx", marker)));
            assertEquals(List.of(), keys(f.index, SearchCriteria.builder().prefix("minutes/").build()));
            assertEquals(2, keys(f.index, SearchCriteria.builder().prefix("minutes/").includeDeleted(true).build()).size());
            // Re-indexing a hidden version (a lifecycle transition) keeps it hidden.
            indexer.apply(event("LifecycleTransition", "minutes/board 2019.docx", v1));
            assertNotNull(f.index.get("minutes/board 2019.docx", v1).orElseThrow().deletedAt());

            // Removing the marker makes the key visible again.
            f.s3.deleteObject(b -> b.bucket(ArchiveFixture.BUCKET).key("minutes/board 2019.docx").versionId(marker));
            assertEquals(ArchiveIndexer.Outcome.UNMARKED_DELETED, indexer.apply(event("ObjectRemoved:Delete", "minutes/board 2019.docx", marker)));
            assertEquals(2, keys(f.index, SearchCriteria.builder().prefix("minutes/").build()).size());

            // Removing a version for good removes it from the catalog.
            f.s3.deleteObject(b -> b.bucket(ArchiveFixture.BUCKET).key("minutes/board 2019.docx").versionId(v1));
            assertEquals(ArchiveIndexer.Outcome.REMOVED, indexer.apply(event("ObjectRemoved:Delete", "minutes/board 2019.docx", v1)));
            assertEquals(List.of("minutes/board 2019.docx@" + v2), keys(f.index, SearchCriteria.builder().prefix("minutes/").build()));
            assertEquals(ArchiveIndexer.Outcome.GONE, indexer.apply(event("ObjectRemoved:Delete", "minutes/board 2019.docx", v1)));
        }
    }

    @Test
    void apply_whenTagsChange_searchFollowsTheNewTags(MotoServer moto) {
        try (ArchiveFixture f = ArchiveFixture.unversioned(moto)) {
            ArchiveIndexer indexer = new ArchiveIndexer(f.index, f.s3);
            f.archive("cases/c-1.pdf", "x".getBytes(), StorageClass.STANDARD, Map.of(), Map.of("status", "open", "case", "c-1"));
            indexer.apply(event("ObjectCreated:Put", "cases/c-1.pdf", null));
            assertEquals(1, keys(f.index, SearchCriteria.builder().tag("status", "open").build()).size());

            f.s3.putObjectTagging(b -> b.bucket(ArchiveFixture.BUCKET).key("cases/c-1.pdf")
                    .tagging(t -> t.tagSet(s -> s.key("status").value("closed"))));
            assertEquals(ArchiveIndexer.Outcome.INDEXED, indexer.apply(event("ObjectTagging:Put", "cases/c-1.pdf", null)));
            assertEquals(List.of(), keys(f.index, SearchCriteria.builder().tag("status", "open").build()));
            assertEquals(List.of(), keys(f.index, SearchCriteria.builder().tag("case", "c-1").build()));
            assertEquals(List.of("cases/c-1.pdf@null"), keys(f.index, SearchCriteria.builder().tag("status", "closed").build()));
        }
    }

    @Test
    void apply_whenObjectAlreadyGoneOrEventUnknown_changesNothing(MotoServer moto) {
        try (ArchiveFixture f = ArchiveFixture.unversioned(moto)) {
            ArchiveIndexer indexer = new ArchiveIndexer(f.index, f.s3);
            assertEquals(ArchiveIndexer.Outcome.GONE, indexer.apply(event("ObjectCreated:Put", "never/was.txt", null)));
            assertEquals(ArchiveIndexer.Outcome.IGNORED, indexer.apply(event("Replication:OperationFailedReplication", "x", null)));
            assertTrue(f.index.versions("never/was.txt").isEmpty());
        }
    }

    @Test
    void apply_whenRestoreEvents_tracksRestoreStatus(MotoServer moto) {
        try (ArchiveFixture f = ArchiveFixture.unversioned(moto)) {
            ArchiveRestoreTest.archived(f, "g/r.txt", "abc", StorageClass.GLACIER);
            ArchiveIndexer indexer = new ArchiveIndexer(f.index, f.s3);
            assertEquals(RestoreStatus.NONE, f.index.get("g/r.txt", null).orElseThrow().restoreStatus());
            // A restore started outside the catalog (console, another tool) is seen through its events.
            f.s3.restoreObject(b -> b.bucket(ArchiveFixture.BUCKET).key("g/r.txt").restoreRequest(r -> r.days(2)
                    .glacierJobParameters(p -> p.tier("Bulk"))));
            indexer.apply(event("ObjectRestore:Post", "g/r.txt", null));
            indexer.apply(event("ObjectRestore:Completed", "g/r.txt", null));
            ArchiveEntry e = f.index.get("g/r.txt", null).orElseThrow();
            assertEquals(RestoreStatus.AVAILABLE, e.restoreStatus());
            assertNotNull(e.restoreExpiresAt());
            assertNull(e.restoreTier());
        }
    }
}
