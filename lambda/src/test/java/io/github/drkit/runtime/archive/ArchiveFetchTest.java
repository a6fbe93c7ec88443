package io.github.drkit.runtime.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.drkit.testing.MotoServer;
import io.github.drkit.testing.MotoServerExtension;

import software.amazon.awssdk.services.s3.model.StorageClass;

@ExtendWith(MotoServerExtension.class)
class ArchiveFetchTest {

    @Test
    void fetch_whenRangeOutsideObject_failsWithSizeBeforeCallingS3(MotoServer moto) {
        try (ArchiveFixture f = ArchiveFixture.unversioned(moto)) {
            ArchiveRestoreTest.archived(f, "t/ten.txt", "0123456789", StorageClass.STANDARD);
            ArchiveException e = assertThrows(ArchiveException.class,
                    () -> new ArchiveFetch(f.index, f.s3).fetch("t/ten.txt", null, ByteRange.parse("5-10"), new ByteArrayOutputStream()));
            assertEquals(ArchiveException.Reason.INVALID_REQUEST, e.reason());
            assertEquals("range 5-10 is outside 't/ten.txt': it has 10 bytes, so the last byte is 9", e.getMessage());
        }
    }

    @Test
    void fetch_whenOnlineObject_readsRangeWithoutRestore(MotoServer moto) {
        try (ArchiveFixture f = ArchiveFixture.unversioned(moto)) {
            ArchiveRestoreTest.archived(f, "t/ten.txt", "0123456789", StorageClass.GLACIER_IR);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new ArchiveFetch(f.index, f.s3).fetch("t/ten.txt", null, ByteRange.parse("3-5"), out);
            assertArrayEquals("345".getBytes(StandardCharsets.UTF_8), out.toByteArray());
        }
    }

    @Test
    void fetch_whenArchivedAndNotRestored_failsNotReadableWithTheCommandToRun(MotoServer moto) {
        try (ArchiveFixture f = ArchiveFixture.unversioned(moto)) {
            ArchiveRestoreTest.archived(f, "g/cold.txt", "brr", StorageClass.DEEP_ARCHIVE);
            ArchiveException e = assertThrows(ArchiveException.class,
                    () -> new ArchiveFetch(f.index, f.s3).fetch("g/cold.txt", null, null, new ByteArrayOutputStream()));
            assertEquals(ArchiveException.Reason.NOT_READABLE, e.reason());
            assertEquals("fetch: 'g/cold.txt' (version null) is in DEEP_ARCHIVE and has no restored copy; start one first, "
                    + "e.g. archive restore --key 'g/cold.txt' --tier standard --days 7", e.getMessage());
        }
    }

    @Test
    void fetch_whenKeyUnknown_failsNotFound(MotoServer moto) {
        try (ArchiveFixture f = ArchiveFixture.unversioned(moto)) {
            ArchiveException e = assertThrows(ArchiveException.class,
                    () -> new ArchiveFetch(f.index, f.s3).fetch("x/y.txt", "v9", null, new ByteArrayOutputStream()));
            assertEquals(ArchiveException.Reason.NOT_FOUND, e.reason());
            assertEquals("fetch: key 'x/y.txt' version 'v9' is not in the catalog; search by prefix to find its exact key, "
                    + "or backfill objects archived before the catalog existed", e.getMessage());
            assertEquals("fetch: key is required",
                    assertThrows(ArchiveException.class, () -> new ArchiveFetch(f.index, f.s3).fetch("", null, null, new ByteArrayOutputStream())).getMessage());
        }
    }
}
