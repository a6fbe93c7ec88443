package io.github.drkit.runtime.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class InventorySqlTest {
    private static final String DT = "2026-11-24-01-00";

    private static String sql(SearchCriteria.Builder criteria) {
        return InventorySql.search(criteria.build(), "records_inventory", "archive", DT);
    }

    @Test
    void search_whenNoCriteria_readsOneSnapshotWithoutDeleteMarkersOrHiddenKeysInKeyOrder() {
        String sql = sql(SearchCriteria.builder());

        assertEquals("""
                WITH versions AS (
                  SELECT bucket, key, coalesce(version_id, 'null') AS version_id, size, e_tag, last_modified_date, is_delete_marker,
                    CASE WHEN storage_class = 'INTELLIGENT_TIERING' AND intelligent_tiering_access_tier IN ('ARCHIVE_ACCESS', 'DEEP_ARCHIVE_ACCESS')
                      THEN 'INTELLIGENT_TIERING_' || intelligent_tiering_access_tier ELSE coalesce(storage_class, 'STANDARD') END AS storage_class,
                    max(CASE WHEN is_latest AND is_delete_marker THEN last_modified_date END) OVER (PARTITION BY key) AS deleted_at
                  FROM "records_inventory"."archive"
                  WHERE dt = '2026-11-24-01-00'
                )
                SELECT bucket, key, version_id, size, storage_class, e_tag, last_modified_date, deleted_at
                FROM versions
                WHERE NOT coalesce(is_delete_marker, false) AND deleted_at IS NULL
                ORDER BY key, last_modified_date DESC, version_id""", sql);
    }

    @Test
    void search_whenEveryCriterionTheInventoryCarries_filtersOnEach() {
        String sql = sql(SearchCriteria.builder().prefix("contracts/2019/").archivedFrom(Instant.parse("2019-01-01T00:00:00Z"))
                .archivedTo(Instant.parse("2019-12-31T23:59:59.999Z")).minSize(1000L).maxSize(1_000_000L).storageClass("deep_archive")
                .includeDeleted(true));

        assertTrue(sql.contains("WHERE dt = '2026-11-24-01-00' AND key LIKE 'contracts/2019/%' ESCAPE '\\'\n"), sql);
        assertTrue(sql.contains("WHERE NOT coalesce(is_delete_marker, false) AND last_modified_date >= TIMESTAMP '2019-01-01 00:00:00.000'"
                + " AND last_modified_date <= TIMESTAMP '2019-12-31 23:59:59.999' AND size >= 1000 AND size <= 1000000"
                + " AND storage_class = 'DEEP_ARCHIVE'\n"), sql);
        assertFalse(sql.contains("deleted_at IS NULL"), sql);
    }

    @Test
    void search_whenExactKey_matchesItAlone() {
        assertTrue(sql(SearchCriteria.builder().key("contracts/2019/acme supply.pdf"))
                .contains("WHERE dt = '2026-11-24-01-00' AND key = 'contracts/2019/acme supply.pdf'\n"));
    }

    @Test
    void search_whenPrefixHoldsLikeWildcards_matchesThemLiterally() {
        assertTrue(sql(SearchCriteria.builder().prefix("100%_done\\x/")).contains("key LIKE '100\\%\\_done\\\\x/%' ESCAPE '\\'"));
    }

    @Test
    void literal_whenQuoteInValue_doublesIt() {
        assertEquals("'it''s'' OR ''1''=''1'", InventorySql.literal("it's' OR '1'='1"));
    }

    @Test
    void literal_whenControlCharacters_writesUnicodeEscapes() {
        assertEquals("U&'a\\000Ab''\\\\c\\0000'", InventorySql.literal("a\nb'\\c\u0000"));
    }

    @Test
    void literal_whenUnicodeBeyondAscii_keepsItAsIs() {
        assertEquals("'契約/2019/Überweisung 😀.pdf'", InventorySql.literal("契約/2019/Überweisung 😀.pdf"));
    }

    @Test
    void literal_whenLoneSurrogate_isRefused() {
        ArchiveException e = assertThrows(ArchiveException.class, () -> InventorySql.literal("a\uD800b"));

        assertEquals("search: a value is not valid Unicode (a lone surrogate at index 1 of 'a\\uD800b'); S3 keys are UTF-8", e.getMessage());
    }

    @Test
    void search_whenTagAsked_isRefusedNamingIt() {
        ArchiveException e = assertThrows(ArchiveException.class, () -> sql(SearchCriteria.builder().tag("case", "A-17")));

        assertEquals("search: the S3 Inventory report does not carry object tags (got tag case=A-17); search the catalog for tags, or "
                + "narrow with --prefix here and filter the result", e.getMessage());
    }

    @Test
    void search_whenMetadataAsked_isRefusedNamingIt() {
        ArchiveException e = assertThrows(ArchiveException.class, () -> sql(SearchCriteria.builder().metadata("Case-Id", "C-1042")));

        assertEquals("search: the S3 Inventory report does not carry user metadata (got metadata case-id=C-1042); search the catalog "
                + "for metadata, or narrow with --prefix here and filter the result", e.getMessage());
    }

    @Test
    void search_whenRestoreStatusAsked_isRefusedNamingIt() {
        ArchiveException e = assertThrows(ArchiveException.class, () -> sql(SearchCriteria.builder().restoreStatus(RestoreStatus.AVAILABLE)));

        assertEquals("search: the S3 Inventory report does not carry the restore status (got AVAILABLE); search the catalog, or ask "
                + "archive status for the keys found here", e.getMessage());
    }

    @Test
    void search_whenTableNameIsNotAGlueName_isRefused() {
        ArchiveException e = assertThrows(ArchiveException.class,
                () -> InventorySql.search(SearchCriteria.builder().build(), "records_inventory", "archive\"; DROP TABLE x; --", DT));

        assertEquals("search: the inventory table name must be letters, digits and underscores (a Glue name), got "
                + "'archive\"; DROP TABLE x; --'", e.getMessage());
    }

    @Test
    void search_whenSnapshotMalformed_isRefused() {
        ArchiveException e = assertThrows(ArchiveException.class,
                () -> InventorySql.search(SearchCriteria.builder().build(), "records_inventory", "archive", "2026-11-24' OR '1'='1"));

        assertEquals("search: the inventory snapshot must look like 2026-11-24-01-00 (got '2026-11-24' OR '1'='1')", e.getMessage());
    }
}
