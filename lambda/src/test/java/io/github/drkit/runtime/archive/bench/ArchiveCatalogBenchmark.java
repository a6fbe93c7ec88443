package io.github.drkit.runtime.archive.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.drkit.runtime.archive.ArchiveBackfill;
import io.github.drkit.runtime.archive.ArchiveEntry;
import io.github.drkit.runtime.archive.ArchiveFixture;
import io.github.drkit.runtime.archive.ArchiveIndexer;
import io.github.drkit.runtime.archive.ArchiveSearch;
import io.github.drkit.runtime.archive.BackfillReport;
import io.github.drkit.runtime.archive.S3EventRecord;
import io.github.drkit.runtime.archive.SearchCriteria;
import io.github.drkit.runtime.archive.SearchPage;
import io.github.drkit.testing.MotoServer;
import io.github.drkit.testing.MotoServerExtension;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.StorageClass;

/**
 * Indexes a growing archive in the emulator and times the catalog's searches at each size. Not a unit test
 * (surefire's default includes skip *Benchmark); run it with the command in docs/archive-catalog.md:
 *
 * <pre>
 * mvn -o -q -B test -pl lambda -Dtest=ArchiveCatalogBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbench.sizes=10000,30000,100000 [-Dbench.runs=3] [-Dbench.eventEvery=100]
 * </pre>
 *
 * <p>Each step grows the catalog: 1 object in 100 is written to S3 with tags and metadata and indexed from its
 * S3 event, as the indexer function does; the other 99 are indexed from a listing through the backfill's batch
 * path (the emulator's S3 is too slow to hold 100,000 objects in a reasonable time). Then each kind of search
 * runs three times and the median time to the first page (of at most 100) is reported. The report goes to stdout, which surefire writes to
 * {@code target/surefire-reports/...ArchiveCatalogBenchmark-output.txt}.
 */
@ExtendWith(MotoServerExtension.class)
class ArchiveCatalogBenchmark {
    private static final int THREADS = 4;
    /** Runs of each search; the median is reported. */
    private static final int RUNS = Integer.getInteger("bench.runs", 3);
    /** One object in this many goes through S3 and the event path (the emulator does a few a second). */
    private static final int EVENT_EVERY = Integer.getInteger("bench.eventEvery", 100);

    /** The same run outside Maven, e.g. from a copied test classpath: starts its own moto_server. */
    public static void main(String[] args) throws Exception {
        try (MotoServer moto = MotoServer.start()) {
            new ArchiveCatalogBenchmark().indexAndSearch_whenCatalogGrows_reportsRatesAndSearchTimes(moto);
        }
    }

    @Test
    void indexAndSearch_whenCatalogGrows_reportsRatesAndSearchTimes(MotoServer moto) throws Exception {
        int[] sizes = Arrays.stream(System.getProperty("bench.sizes", "10000,30000,100000").split(","))
                .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "%-9s %-22s %-12s %s%n", "catalog", "search", "median ms", "plan / page"));
        try (ArchiveFixture f = ArchiveFixture.unversioned(moto)) {
            ArchiveIndexer indexer = new ArchiveIndexer(f.index, f.s3);
            ArchiveBackfill backfill = new ArchiveBackfill(f.index, f.s3);
            ArchiveSearch search = new ArchiveSearch(f.index);
            Instant start = Instant.now();
            int have = 0;
            long putNanos = 0;
            long eventNanos = 0;
            long backfillNanos = 0;
            int events = 0;
            long backfilled = 0;
            for (int size : sizes) {
                int from = have;
                String step = "bench/n" + size + "/";
                long t0 = System.nanoTime();
                put(f, step, from, size);
                putNanos += System.nanoTime() - t0;

                // 1 in 100: a tagged object in S3, indexed from its ObjectCreated event (the indexer function's path).
                t0 = System.nanoTime();
                for (int i = from; i < size; i += EVENT_EVERY) {
                    indexer.apply(new S3EventRecord("ObjectCreated:Put", Instant.now(), ArchiveFixture.BUCKET, key(step, i), null));
                    events++;
                }
                eventNanos += System.nanoTime() - t0;

                // The other 99: listed entries through the backfill's batch path (BatchGetItem, BatchWriteItem).
                t0 = System.nanoTime();
                List<ArchiveEntry> listed = new ArrayList<>();
                for (int i = from; i < size; i++) {
                    if ((i - from) % EVENT_EVERY != 0) {
                        listed.add(new ArchiveEntry(ArchiveFixture.BUCKET, key(step, i), null, 1000 + i % 5000,
                                i % 3 == 0 ? "DEEP_ARCHIVE" : "GLACIER", "etag" + i, null, null, null, Instant.now(),
                                null, null, null, null, null));
                    }
                }
                BackfillReport r = backfill.fromEntries(listed, new ArchiveBackfill.Options(false, false, Long.MAX_VALUE));
                backfillNanos += System.nanoTime() - t0;
                backfilled += r.indexed();
                assertEquals(listed.size(), r.indexed());
                have = size;

                String any = key(step, from + 7);
                time(report, size, "exact key", () -> search.search(SearchCriteria.builder().key(any).build()), 1);
                time(report, size, "prefix (folder)", () -> search.search(SearchCriteria.builder().prefix(step + "f003/").build()), 1);
                time(report, size, "tag", () -> search.search(SearchCriteria.builder().tag("case", "c-" + (size / 1000)).build()), 1);
                time(report, size, "metadata + size", () -> search.search(SearchCriteria.builder().metadata("owner", "records")
                        .minSize(10L).build()), 1);
                time(report, size, "time range (1 h)", () -> search.search(SearchCriteria.builder()
                        .archivedFrom(Instant.now().minus(Duration.ofHours(1))).archivedTo(Instant.now()).build()), 1);
                time(report, size, "storage class", () -> search.search(SearchCriteria.builder().storageClass("DEEP_ARCHIVE").build()), 1);
                time(report, size, "scan (prefix no '/')", () -> search.search(SearchCriteria.builder().prefix("bench").minSize(10L).build()), 1);
            }
            double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
            report.append(String.format(Locale.ROOT, "%ncatalog of %d objects built and searched in %.0f s: S3 puts %.1f/s (%d threads); event indexing %.1f objects/s "
                            + "(HeadObject + GetObjectTagging + Query + BatchWriteItem each); batch backfill %.0f objects/s%n",
                    have, seconds, events / (putNanos / 1e9), THREADS, events / (eventNanos / 1e9), backfilled / (backfillNanos / 1e9)));
        }
        System.out.println(report);
    }

    private static String key(String step, int i) {
        return String.format(Locale.ROOT, "%sf%03d/doc-%07d.pdf", step, i % 100, i);
    }

    /** Puts the 1 in 100 evented objects of [from, to) into S3, tagged, with 4 threads. */
    private static void put(ArchiveFixture f, String step, int from, int to) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            int chunk = (to - from + THREADS - 1) / THREADS;
            for (int t = 0; t < THREADS; t++) {
                int lo = from + t * chunk;
                int hi = Math.min(to, lo + chunk);
                futures.add(pool.submit(() -> {
                    for (int i = lo; i < hi; i++) {
                        String key = key(step, i);
                        boolean evented = (i - from) % EVENT_EVERY == 0;
                        if (!evented) {
                            continue;
                        }
                        StorageClass sc = evented ? StorageClass.STANDARD : i % 3 == 0 ? StorageClass.DEEP_ARCHIVE : StorageClass.GLACIER;
                        int n = i;
                        f.s3.putObject(b -> {
                            b.bucket(ArchiveFixture.BUCKET).key(key).storageClass(sc);
                            if (evented) {
                                b.metadata(Map.of("owner", "records")).tagging("case=c-" + (to / 1000) + "&seq=" + n);
                            }
                        }, RequestBody.fromString("document " + i));
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get(60, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs a search three times; records the median and checks what it found. expected -1: any count. */
    private static void time(StringBuilder report, int size, String name, Supplier<SearchPage> search, int expectedAtLeast) {
        long[] millis = new long[RUNS];
        SearchPage page = null;
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            page = search.get();
            millis[i] = (System.nanoTime() - t0) / 1_000_000;
        }
        Arrays.sort(millis);
        if (expectedAtLeast > 0) {
            assertTrue(page.entries().size() >= expectedAtLeast, name + " found " + page.entries().size());
        }
        report.append(String.format(Locale.ROOT, "%-9d %-22s %-12d %s: %d entries, %d requests, %d items read%n",
                size, name, millis[RUNS / 2], page.plan(), page.entries().size(), page.requests(), page.scanned()));
        System.out.print(report.substring(report.lastIndexOf("\n", report.length() - 2) + 1));
    }
}
