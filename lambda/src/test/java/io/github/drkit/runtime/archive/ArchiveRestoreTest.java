package io.github.drkit.runtime.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.drkit.testing.MotoServer;
import io.github.drkit.testing.MotoServerExtension;

import software.amazon.awssdk.services.s3.model.StorageClass;

@ExtendWith(MotoServerExtension.class)
class ArchiveRestoreTest {

    /** Puts an object online, indexes it, then moves it to an archive class, as lifecycle rules would. */
    static void archived(ArchiveFixture f, String key, String body, StorageClass storageClass) {
        f.archive(key, body, StorageClass.STANDARD);
        ArchiveIndexer indexer = new ArchiveIndexer(f.index, f.s3);
        indexer.apply(new S3EventRecord("ObjectCreated:Put", java.time.Instant.now(), ArchiveFixture.BUCKET, key, null));
        if (storageClass != StorageClass.STANDARD) {
            f.transition(key, storageClass);
            indexer.apply(new S3EventRecord("LifecycleTransition", java.time.Instant.now(), ArchiveFixture.BUCKET, key, null));
        }
    }

    @Test
    void start_whenKeyUnknown_failsNotFound(MotoServer moto) {
        try (ArchiveFixture f = ArchiveFixture.unversioned(moto)) {
            ArchiveException e = assertThrows(ArchiveException.class,
                    () -> new ArchiveRestore(f.index, f.s3).start("nope/missing.pdf", null, RestoreTier.BULK, 3));
            assertEquals(ArchiveException.Reason.NOT_FOUND, e.reason());
            assertEquals("restore: key 'nope/missing.pdf' is not in the catalog; search by prefix to find its exact key, "
                    + "or backfill objects archived before the catalog existed", e.getMessage());
        }
    }

    @Test
    void start_whenObjectOnline_failsConflictSayingFetchIt(MotoServer moto) {
        try (ArchiveFixture f = ArchiveFixture.unversioned(moto)) {
            archived(f, "hot/a.txt", "abc", StorageClass.STANDARD_IA);
            ArchiveException e = assertThrows(ArchiveException.class,
                    () -> new ArchiveRestore(f.index, f.s3).start("hot/a.txt", null, RestoreTier.STANDARD, 1));
            assertEquals(ArchiveException.Reason.CONFLICT, e.reason());
            assertEquals("restore: 'hot/a.txt' (version null) is in storage class STANDARD_IA and readable without a restore; fetch it directly",
                    e.getMessage());
        }
    }

    @Test
    void start_whenExpeditedFromDeepArchive_failsNamingTheTiersThatWork(MotoServer moto) {
        try (ArchiveFixture f = ArchiveFixture.unversioned(moto)) {
            archived(f, "deep/a.txt", "abc", StorageClass.DEEP_ARCHIVE);
            ArchiveException e = assertThrows(ArchiveException.class,
                    () -> new ArchiveRestore(f.index, f.s3).start("deep/a.txt", null, RestoreTier.EXPEDITED, 1));
            assertEquals("restore: tier expedited is not available for DEEP_ARCHIVE ('deep/a.txt'); use standard (within 12 hours) "
                    + "or bulk (within 48 hours)", e.getMessage());
        }
    }

    @Test
    void start_whenDaysOutOfRange_failsWithRule(MotoServer moto) {
        try (ArchiveFixture f = ArchiveFixture.unversioned(moto)) {
            ArchiveRestore restore = new ArchiveRestore(f.index, f.s3);
            assertEquals("restore: days must be between 1 and 36500 (got 0)",
                    assertThrows(ArchiveException.class, () -> restore.start("k", null, RestoreTier.BULK, 0)).getMessage());
            assertEquals("tier must be one of expedited, standard, bulk (got 'fast')",
                    assertThrows(ArchiveException.class, () -> RestoreTier.parse("fast")).getMessage());
            assertEquals("tier is required: one of expedited, standard, bulk",
                    assertThrows(ArchiveException.class, () -> RestoreTier.parse(" ")).getMessage());
        }
    }

    @Test
    void start_whenRestoredAlready_extendsTheCopy(MotoServer moto) {
        try (ArchiveFixture f = ArchiveFixture.unversioned(moto)) {
            archived(f, "g/a.txt", "abc", StorageClass.GLACIER);
            ArchiveRestore restore = new ArchiveRestore(f.index, f.s3);
            assertEquals(false, restore.start("g/a.txt", null, RestoreTier.BULK, 1).extended());
            RestoreResult again = restore.start("g/a.txt", null, RestoreTier.EXPEDITED, 30);
            assertTrue(again.extended());
            assertEquals(RestoreTier.EXPEDITED, again.entry().restoreTier());
            assertEquals(RestoreStatus.AVAILABLE, restore.status("g/a.txt", null).restoreStatus());
            assertEquals(RestoreTier.EXPEDITED, restore.status("g/a.txt", null).restoreTier());
        }
    }

    @Test
    void start_whenRestoreRunning_failsConflictAndFetchSaysWait(MotoServer moto) throws Exception {
        try (ArchiveFixture f = ArchiveFixture.unversioned(moto)) {
            ArchiveRestore restore = new ArchiveRestore(f.index, f.s3);
            // moto completes restores at once; its state manager can hold one "in progress" for a few seconds:
            // a restore reads as running from 4 s after the object was written until 4 s later.
            transition(moto, "{\"model_name\":\"s3::keyrestore\",\"transition\":{\"progression\":\"time\",\"seconds\":4}}", "set");
            try {
                archived(f, "g/slow.txt", "abc", StorageClass.GLACIER);
                restore.start("g/slow.txt", null, RestoreTier.STANDARD, 2);
                Thread.sleep(4_500);
                ArchiveException running = assertThrows(ArchiveException.class,
                        () -> restore.start("g/slow.txt", null, RestoreTier.BULK, 2));
                assertEquals(ArchiveException.Reason.CONFLICT, running.reason());
                assertTrue(running.getMessage().startsWith("restore: a restore of 'g/slow.txt' (version null) is already running "
                        + "with tier standard, started "), running.getMessage());
                assertEquals(RestoreStatus.IN_PROGRESS, f.index.get("g/slow.txt", null).orElseThrow().restoreStatus());

                ArchiveException wait = assertThrows(ArchiveException.class,
                        () -> new ArchiveFetch(f.index, f.s3).fetch("g/slow.txt", null, null, new ByteArrayOutputStream()));
                assertEquals(ArchiveException.Reason.NOT_READABLE, wait.reason());
                assertEquals("fetch: 'g/slow.txt' (version null) is in GLACIER and its restore is still running (tier standard); "
                        + "fetch it once archive status says AVAILABLE", wait.getMessage());
            } finally {
                transition(moto, "{\"model_name\":\"s3::keyrestore\"}", "unset");
            }
        }
    }

    private static void transition(MotoServer moto, String body, String verb) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(moto.endpoint() + "/moto-api/state-manager/" + verb + "-transition"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(r.statusCode() < 300, verb + "-transition answered " + r.statusCode() + ": " + r.body());
    }

    @Test
    void status_whenObjectGoneFromBucket_removesItAndSaysSo(MotoServer moto) {
        try (ArchiveFixture f = ArchiveFixture.unversioned(moto)) {
            archived(f, "g/gone.txt", "abc", StorageClass.GLACIER);
            f.s3.deleteObject(b -> b.bucket(ArchiveFixture.BUCKET).key("g/gone.txt"));
            ArchiveException e = assertThrows(ArchiveException.class, () -> new ArchiveRestore(f.index, f.s3).status("g/gone.txt", null));
            assertEquals("status: 'g/gone.txt' (version null) is no longer in bucket records-archive; it was removed from the catalog",
                    e.getMessage());
            assertTrue(f.index.get("g/gone.txt", null).isEmpty());
        }
    }
}
