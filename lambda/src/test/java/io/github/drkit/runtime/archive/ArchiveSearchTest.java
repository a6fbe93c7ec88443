package io.github.drkit.runtime.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.drkit.testing.MotoServer;
import io.github.drkit.testing.MotoServerExtension;

@ExtendWith(MotoServerExtension.class)
class ArchiveSearchTest {

    private static ArchiveEntry entry(String key, String version, long size, String storageClass, String archivedAt,
                                      Map<String, String> meta, Map<String, String> tags) {
        return new ArchiveEntry(ArchiveFixture.BUCKET, key, version, size, storageClass, "etag", null, meta, tags,
                Instant.parse(archivedAt), null, null, null, null, null);
    }

    private static List<String> keys(SearchPage page) {
        return page.entries().stream().map(ArchiveEntry::key).toList();
    }

    /** Reads every page and checks that no entry repeats. */
    private static List<ArchiveEntry> all(ArchiveSearch search, SearchCriteria criteria) {
        List<ArchiveEntry> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        SearchPage page = search.search(criteria);
        for (int i = 0; i < 100; i++) {
            for (ArchiveEntry e : page.entries()) {
                assertTrue(seen.add(e.key() + "@" + e.versionId()), "repeated " + e.key());
                out.add(e);
            }
            if (page.nextToken() == null) {
                return out;
            }
            page = search.search(criteria.toBuilder().pageToken(page.nextToken()).build());
        }
        throw new AssertionError("more than 100 pages");
    }

    @Test
    void search_whenPrefixPagedBy10_returnsEveryEntryOnceInKeyOrder(MotoServer moto) {
        try (ArchiveFixture f = ArchiveFixture.unversioned(moto)) {
            for (int i = 0; i < 25; i++) {
                f.index.put(entry(String.format("reports/2020/r%02d.csv", i), "null", 100 + i, "GLACIER", "2020-05-01T00:00:00Z", Map.of(), Map.of()));
            }
            f.index.put(entry("other/x.csv", "null", 1, "GLACIER", "2020-05-01T00:00:00Z", Map.of(), Map.of()));
            ArchiveSearch search = new ArchiveSearch(f.index);
            SearchCriteria criteria = SearchCriteria.builder().prefix("reports/2020/").pageSize(10).build();

            SearchPage first = search.search(criteria);
            assertEquals(10, first.entries().size());
            assertEquals("query ByFolder [reports/]", first.plan());
            assertNotNull(first.nextToken());
            List<ArchiveEntry> all = all(search, criteria);
            assertEquals(25, all.size());
            List<String> sorted = new ArrayList<>(all.stream().map(ArchiveEntry::key).toList());
            sorted.sort(null);
            assertEquals(sorted, all.stream().map(ArchiveEntry::key).toList());
        }
    }

    @Test
    void search_whenTimeRangeSpansMonths_readsEachMonthAndPages(MotoServer moto) {
        try (ArchiveFixture f = ArchiveFixture.unversioned(moto)) {
            f.index.put(entry("a/jan.txt", "null", 1, "GLACIER", "2019-01-15T00:00:00Z", Map.of(), Map.of()));
            f.index.put(entry("a/mar.txt", "null", 1, "GLACIER", "2019-03-10T12:00:00Z", Map.of(), Map.of()));
            f.index.put(entry("a/jun.txt", "null", 1, "DEEP_ARCHIVE", "2019-06-01T00:00:00Z", Map.of(), Map.of()));
            f.index.put(entry("a/jun-b.txt", "null", 1, "GLACIER", "2019-06-30T23:59:59.999Z", Map.of(), Map.of()));
            f.index.put(entry("a/next.txt", "null", 1, "GLACIER", "2020-01-01T00:00:00Z", Map.of(), Map.of()));
            ArchiveSearch search = new ArchiveSearch(f.index);
            SearchCriteria criteria = SearchCriteria.builder().archivedFrom(Instant.parse("2019-02-01T00:00:00Z"))
                    .archivedTo(Instant.parse("2019-12-31T23:59:59.999Z")).pageSize(1).build();

            List<String> found = all(search, criteria).stream().map(ArchiveEntry::key).toList();
            assertEquals(List.of("a/mar.txt", "a/jun.txt", "a/jun-b.txt"), found);
            assertEquals("query ByArchivedMonth [2019-02..2019-12]", search.search(criteria).plan());

            SearchCriteria deep = SearchCriteria.builder().storageClass("GLACIER")
                    .archivedFrom(Instant.parse("2019-03-01T00:00:00Z")).archivedTo(Instant.parse("2019-12-31T00:00:00Z")).build();
            SearchPage byClass = search.search(deep);
            assertEquals("query ByStorageClass [GLACIER]", byClass.plan());
            assertEquals(List.of("a/mar.txt", "a/jun-b.txt"), keys(byClass));

            SearchPage untilMarch = search.search(SearchCriteria.builder().archivedTo(Instant.parse("2019-03-31T00:00:00Z")).build());
            assertEquals(List.of("a/jan.txt", "a/mar.txt"), keys(untilMarch));
        }
    }

    @Test
    void search_whenNoIndexFits_scansAndStaysExact(MotoServer moto) {
        try (ArchiveFixture f = ArchiveFixture.unversioned(moto)) {
            for (int i = 0; i < 12; i++) {
                f.index.put(entry("rep-" + i + ".txt", "null", i * 1000L, "GLACIER", "2021-01-01T00:00:00Z", Map.of(), Map.of("k", "v")));
            }
            f.index.put(entry("zzz.txt", "null", 5000, "GLACIER", "2021-01-01T00:00:00Z", Map.of(), Map.of()));
            ArchiveSearch search = new ArchiveSearch(f.index);

            SearchCriteria bySize = SearchCriteria.builder().prefix("rep").minSize(3000L).maxSize(7000L).pageSize(2).build();
            assertEquals("scan", search.search(bySize).plan());
            List<String> found = new ArrayList<>(all(search, bySize).stream().map(ArchiveEntry::key).toList());
            found.sort(null);
            assertEquals(List.of("rep-3.txt", "rep-4.txt", "rep-5.txt", "rep-6.txt", "rep-7.txt"), found);

            // A scan must skip the attribute items: each object once.
            assertEquals(13, all(search, SearchCriteria.builder().pageSize(5).build()).size());
        }
    }

    @Test
    void search_whenSeveralTagsAndMetadata_requiresAllOfThem(MotoServer moto) {
        try (ArchiveFixture f = ArchiveFixture.unversioned(moto)) {
            f.index.put(entry("hr/a.pdf", "null", 1, "GLACIER", "2021-01-01T00:00:00Z", Map.of("employee", "e-1"), Map.of("dept", "hr", "class", "confidential")));
            f.index.put(entry("hr/b.pdf", "null", 1, "GLACIER", "2021-01-01T00:00:00Z", Map.of("employee", "e-2"), Map.of("dept", "hr", "class", "public")));
            f.index.put(entry("fin/c.pdf", "null", 1, "GLACIER", "2021-01-01T00:00:00Z", Map.of("employee", "e-1"), Map.of("dept", "fin", "class", "confidential")));
            ArchiveSearch search = new ArchiveSearch(f.index);

            assertEquals(List.of("hr/a.pdf"), keys(search.search(SearchCriteria.builder().tag("dept", "hr").tag("class", "confidential").build())));
            assertEquals(List.of("fin/c.pdf", "hr/a.pdf"), keys(search.search(SearchCriteria.builder().metadata("Employee", "e-1").build())));
            assertEquals(List.of("fin/c.pdf"), keys(search.search(SearchCriteria.builder().metadata("employee", "e-1").tag("dept", "fin").build())));
            assertEquals(List.of(), keys(search.search(SearchCriteria.builder().tag("dept", "legal").build())));
        }
    }

    @Test
    void search_whenKeyGiven_returnsEveryVersionAndHidesDeletedUnlessAsked(MotoServer moto) {
        try (ArchiveFixture f = ArchiveFixture.versioned(moto)) {
            f.index.put(entry("ledger/2018.xlsx", "v1", 10, "GLACIER", "2018-12-31T00:00:00Z", Map.of(), Map.of()));
            f.index.put(entry("ledger/2018.xlsx", "v2", 12, "GLACIER", "2019-01-02T00:00:00Z", Map.of(), Map.of()));
            ArchiveSearch search = new ArchiveSearch(f.index);
            assertEquals(2, search.search(SearchCriteria.builder().key("ledger/2018.xlsx").build()).entries().size());

            f.index.setDeleted("ledger/2018.xlsx", Instant.parse("2022-01-01T00:00:00Z"));
            assertEquals(0, search.search(SearchCriteria.builder().prefix("ledger/").build()).entries().size());
            SearchPage withDeleted = search.search(SearchCriteria.builder().prefix("ledger/").includeDeleted(true).build());
            assertEquals(2, withDeleted.entries().size());
            assertEquals(Instant.parse("2022-01-01T00:00:00Z"), withDeleted.entries().get(0).deletedAt());
            assertEquals("v2", f.index.get("ledger/2018.xlsx", null).orElseThrow().versionId());
        }
    }

    @Test
    void search_whenTokenFromAnotherSearch_failsWithClearMessage(MotoServer moto) {
        try (ArchiveFixture f = ArchiveFixture.unversioned(moto)) {
            for (int i = 0; i < 3; i++) {
                f.index.put(entry("p/" + i, "null", 1, "GLACIER", "2021-01-01T00:00:00Z", Map.of(), Map.of()));
            }
            ArchiveSearch search = new ArchiveSearch(f.index);
            String token = search.search(SearchCriteria.builder().prefix("p/").pageSize(1).build()).nextToken();
            ArchiveException e = assertThrows(ArchiveException.class,
                    () -> search.search(SearchCriteria.builder().prefix("q/").pageSize(1).pageToken(token).build()));
            assertEquals("search: pageToken was issued for a different search; repeat the same criteria with it, or drop it to start again", e.getMessage());
            ArchiveException garbage = assertThrows(ArchiveException.class,
                    () -> search.search(SearchCriteria.builder().pageToken("not-a-token!").build()));
            assertEquals("search: pageToken is not a token this catalog issued (got 'not-a-token!')", garbage.getMessage());
            assertEquals(ArchiveException.Reason.INVALID_REQUEST, garbage.reason());
            SearchCriteria p = SearchCriteria.builder().prefix("p/").pageSize(1).build();
            String tampered = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                    ("{\"f\":\"" + ArchiveSearch.fingerprint(p) + "\",\"p\":7}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertEquals("search: pageToken does not belong to this search (partition 7)", assertThrows(ArchiveException.class,
                    () -> search.search(p.toBuilder().pageToken(tampered).build())).getMessage());
            // The last page says so: no token.
            SearchPage all = search.search(SearchCriteria.builder().prefix("p/").pageSize(3).build());
            assertEquals(3, all.entries().size());
            assertNull(all.nextToken());
        }
    }
}
