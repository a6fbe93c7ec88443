package io.github.drkit.runtime.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.drkit.runtime.aws.AwsServiceError;
import io.github.drkit.runtime.aws.Deadline;
import io.github.drkit.runtime.aws.DeadlineExceededException;
import io.github.drkit.testing.MotoServer;
import io.github.drkit.testing.MotoServerExtension;

/** The inventory search against moto's Glue, S3 and Athena (which runs no SQL: the tests queue the rows it answers). */
@ExtendWith(MotoServerExtension.class)
class InventorySearchTest {

    private static InventorySearch search(InventoryFixture inv, ArchiveFixture f, String snapshot, List<String> progress) {
        return new InventorySearch(inv.aws.athena(), inv.aws.glue(), f.s3, inv.table(snapshot), progress::add);
    }

    @Test
    void search_whenReportsDelivered_queriesTheNewestAndReadsRowsAsCatalogEntries(MotoServer moto) {
        try (ArchiveFixture f = ArchiveFixture.versioned(moto);
             InventoryFixture inv = new InventoryFixture(moto, f.s3, "2026-11-22-01-00", "2026-11-24-01-00", "2026-11-23-01-00")) {
            inv.answer(List.of(
                    InventoryFixture.row("contracts/2019/acme supply.pdf", "3HL4kqtJvjVBH40Nrjfkd", 1_048_576, "DEEP_ARCHIVE",
                            "2019-06-01 10:00:00.000", null),
                    InventoryFixture.row("contracts/2019/old.pdf", "null", 10, "GLACIER", "2019-02-01 09:30:00.123",
                            "2020-01-01 00:00:00.000")));

            SearchPage page = search(inv, f, null, new ArrayList<>()).search(SearchCriteria.builder().prefix("contracts/2019/")
                    .includeDeleted(true).build(), Deadline.after(Duration.ofSeconds(60)));

            assertEquals(2, page.entries().size());
            ArchiveEntry first = page.entries().get(0);
            assertEquals(ArchiveFixture.BUCKET, first.bucket());
            assertEquals("contracts/2019/acme supply.pdf", first.key());
            assertEquals("3HL4kqtJvjVBH40Nrjfkd", first.versionId());
            assertEquals(1_048_576, first.size());
            assertEquals("DEEP_ARCHIVE", first.storageClass());
            assertEquals(Instant.parse("2019-06-01T10:00:00Z"), first.archivedAt());
            assertNull(first.deletedAt());
            assertEquals(Instant.parse("2020-01-01T00:00:00Z"), page.entries().get(1).deletedAt());
            assertEquals(Instant.parse("2019-02-01T09:30:00.123Z"), page.entries().get(1).archivedAt());
            assertNull(page.nextToken());
            assertTrue(page.plan().startsWith("athena records-search [records_inventory.archive dt=2026-11-24-01-00] query "), page.plan());
            String sql = inv.queriesSent().get(0);
            assertTrue(sql.contains("WHERE dt = '2026-11-24-01-00' AND key LIKE 'contracts/2019/%' ESCAPE '\\'"), sql);
            assertTrue(sql.contains("FROM \"records_inventory\".\"archive\""), sql);
        }
    }

    @Test
    void search_whenSnapshotNamed_queriesThatReport(MotoServer moto) {
        try (ArchiveFixture f = ArchiveFixture.versioned(moto);
             InventoryFixture inv = new InventoryFixture(moto, f.s3, "2026-11-22-01-00", "2026-11-24-01-00")) {
            inv.answer(List.of());

            SearchPage page = search(inv, f, "2026-11-22-01-00", new ArrayList<>()).search(SearchCriteria.builder().key("a.txt").build(),
                    Deadline.after(Duration.ofSeconds(60)));

            assertEquals(List.of(), page.entries());
            assertTrue(inv.queriesSent().get(0).contains("WHERE dt = '2026-11-22-01-00' AND key = 'a.txt'"), inv.queriesSent().get(0));
        }
    }

    @Test
    void search_whenNoReportDeliveredYet_failsNotFoundNamingTheLocation(MotoServer moto) {
        try (ArchiveFixture f = ArchiveFixture.versioned(moto); InventoryFixture inv = new InventoryFixture(moto, f.s3)) {
            ArchiveException e = assertThrows(ArchiveException.class, () -> search(inv, f, null, new ArrayList<>())
                    .search(SearchCriteria.builder().build(), Deadline.after(Duration.ofSeconds(60))));

            assertEquals(ArchiveException.Reason.NOT_FOUND, e.reason());
            assertEquals("search: no S3 Inventory report has been delivered under " + InventoryFixture.LOCATION + " yet; S3 delivers "
                    + "the first within 48 hours of the inventory's configuration", e.getMessage());
            assertEquals(List.of(), inv.queriesSent());
        }
    }

    @Test
    void search_whenGlueTableUnknown_failsWithGluesErrorAndStartsNoQuery(MotoServer moto) {
        try (ArchiveFixture f = ArchiveFixture.versioned(moto); InventoryFixture inv = new InventoryFixture(moto, f.s3, "2026-11-24-01-00")) {
            InventorySearch search = new InventorySearch(inv.aws.athena(), inv.aws.glue(), f.s3,
                    new InventoryTable(InventoryFixture.REGION, InventoryFixture.WORKGROUP, InventoryFixture.DATABASE, "missing", null), s -> { });

            AwsServiceError e = assertThrows(AwsServiceError.class,
                    () -> search.search(SearchCriteria.builder().build(), Deadline.after(Duration.ofSeconds(60))));

            assertEquals("EntityNotFoundException", e.errorCode());
            assertEquals(List.of(), inv.queriesSent());
        }
    }

    @Test
    void search_whenQueryOutlivesTheDeadline_stopsItAndSaysWhatItWaitedOn(MotoServer moto) {
        try (ArchiveFixture f = ArchiveFixture.versioned(moto); InventoryFixture inv = new InventoryFixture(moto, f.s3, "2026-11-24-01-00")) {
            inv.holdQueries(true);
            List<String> progress = new ArrayList<>();
            long start = System.nanoTime();

            DeadlineExceededException e = assertThrows(DeadlineExceededException.class, () -> search(inv, f, null, progress)
                    .search(SearchCriteria.builder().prefix("contracts/").build(), Deadline.after(Duration.ofSeconds(2))));

            long took = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertTrue(took < 10_000, "took " + took + " ms");
            assertTrue(e.getMessage().startsWith("search: deadline of 2 s reached waiting for Athena query "), e.getMessage());
            assertTrue(e.getMessage().contains(" in workgroup records-search (QUEUED, 0 bytes scanned so far); the query was stopped."),
                    e.getMessage());
            assertTrue(!progress.isEmpty() && progress.get(0).startsWith("waiting for Athena query "), progress.toString());
            String queryId = e.getMessage().split("Athena query ")[1].split(" ")[0];
            assertEquals("CANCELLED", inv.state(queryId));
        }
    }

    @Test
    void search_whenTagAsked_isRefusedBeforeAnyCall(MotoServer moto) {
        try (ArchiveFixture f = ArchiveFixture.versioned(moto); InventoryFixture inv = new InventoryFixture(moto, f.s3, "2026-11-24-01-00")) {
            ArchiveException e = assertThrows(ArchiveException.class, () -> search(inv, f, null, new ArrayList<>())
                    .search(SearchCriteria.builder().tag("department", "legal").build(), Deadline.after(Duration.ofSeconds(60))));

            assertEquals(ArchiveException.Reason.INVALID_REQUEST, e.reason());
            assertTrue(e.getMessage().startsWith("search: the S3 Inventory report does not carry object tags (got tag department=legal)"),
                    e.getMessage());
            assertEquals(List.of(), inv.queriesSent());
        }
    }
}
