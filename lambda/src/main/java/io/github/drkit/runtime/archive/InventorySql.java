package io.github.drkit.runtime.archive;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Search criteria as an Athena (Trino) query over the S3 Inventory table, one snapshot ({@code dt}) of it.
 *
 * <p>Values never become SQL: every one is written as a string or number literal, and a string literal is
 * written so that nothing in it can end it (quotes doubled; control characters, which a terminal would hide, as
 * Unicode escapes). Names (database, table) must be plain Glue names. Criteria the inventory cannot answer, tags,
 * user metadata and restore status, are refused rather than silently dropped.
 *
 * <p>The query keeps the catalog's meaning: one row per object version, delete markers left out, and versions of a
 * key that a delete marker hides left out unless {@code includeDeleted}; Intelligent-Tiering's archive tiers read
 * as {@code INTELLIGENT_TIERING_ARCHIVE_ACCESS} and {@code INTELLIGENT_TIERING_DEEP_ARCHIVE_ACCESS}, as in the
 * catalog. Rows come in key order, newest version first, so that pages are stable.
 */
final class InventorySql {
    /** Glue database and table names: lower-case letters, digits and underscores (Glue lower-cases the rest). */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]{1,255}");
    /** S3 Inventory's Hive partition value: the report's start, {@code 2026-11-24-01-00}. */
    private static final Pattern SNAPSHOT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}-\\d{2}-\\d{2}");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** The columns the query returns, in order. */
    static final List<String> COLUMNS = List.of("bucket", "key", "version_id", "size", "storage_class", "e_tag",
            "last_modified_date", "deleted_at");

    private InventorySql() {
    }

    /** The query for {@code criteria} over {@code database.table} at {@code snapshot}. */
    static String search(SearchCriteria criteria, String database, String table, String snapshot) {
        refuseWhatInventoryLacks(criteria);
        if (!SNAPSHOT.matcher(snapshot).matches()) {
            throw ArchiveException.invalid("search: the inventory snapshot must look like 2026-11-24-01-00 (got '" + snapshot + "')");
        }
        List<String> perKey = new ArrayList<>();
        perKey.add("dt = " + literal(snapshot));
        if (criteria.key() != null) {
            perKey.add("key = " + literal(criteria.key()));
        }
        if (criteria.prefix() != null) {
            perKey.add("key LIKE " + literal(likePattern(criteria.prefix()) + "%") + " ESCAPE '\\'");
        }
        List<String> perVersion = new ArrayList<>();
        perVersion.add("NOT coalesce(is_delete_marker, false)");
        if (!criteria.includeDeleted()) {
            perVersion.add("deleted_at IS NULL");
        }
        if (criteria.archivedFrom() != null) {
            perVersion.add("last_modified_date >= " + timestamp(criteria.archivedFrom()));
        }
        if (criteria.archivedTo() != null) {
            perVersion.add("last_modified_date <= " + timestamp(criteria.archivedTo()));
        }
        if (criteria.minSize() != null) {
            perVersion.add("size >= " + criteria.minSize());
        }
        if (criteria.maxSize() != null) {
            perVersion.add("size <= " + criteria.maxSize());
        }
        if (criteria.storageClass() != null) {
            perVersion.add("storage_class = " + literal(criteria.storageClass()));
        }
        // The delete marker that hides a key is its latest version: find it per key before the filters drop rows.
        return "WITH versions AS (\n"
                + "  SELECT bucket, key, coalesce(version_id, 'null') AS version_id, size, e_tag, last_modified_date, is_delete_marker,\n"
                + "    CASE WHEN storage_class = 'INTELLIGENT_TIERING' AND intelligent_tiering_access_tier IN ('ARCHIVE_ACCESS', "
                + "'DEEP_ARCHIVE_ACCESS')\n"
                + "      THEN 'INTELLIGENT_TIERING_' || intelligent_tiering_access_tier ELSE coalesce(storage_class, 'STANDARD') END"
                + " AS storage_class,\n"
                + "    max(CASE WHEN is_latest AND is_delete_marker THEN last_modified_date END) OVER (PARTITION BY key) AS deleted_at\n"
                + "  FROM " + name(database, "database") + "." + name(table, "table") + "\n"
                + "  WHERE " + String.join(" AND ", perKey) + "\n"
                + ")\n"
                + "SELECT " + String.join(", ", COLUMNS) + "\n"
                + "FROM versions\n"
                + "WHERE " + String.join(" AND ", perVersion) + "\n"
                + "ORDER BY key, last_modified_date DESC, version_id";
    }

    /** Refuses criteria the inventory report cannot answer: tags, user metadata, restore status. */
    static void refuseWhatInventoryLacks(SearchCriteria c) {
        if (!c.tags().isEmpty()) {
            throw ArchiveException.invalid("search: the S3 Inventory report does not carry object tags (got tag "
                    + first(c.tags()) + "); search the catalog for tags, or narrow with --prefix here and filter the result");
        }
        if (!c.metadata().isEmpty()) {
            throw ArchiveException.invalid("search: the S3 Inventory report does not carry user metadata (got metadata "
                    + first(c.metadata()) + "); search the catalog for metadata, or narrow with --prefix here and filter the result");
        }
        if (c.restoreStatus() != null) {
            throw ArchiveException.invalid("search: the S3 Inventory report does not carry the restore status (got "
                    + c.restoreStatus() + "); search the catalog, or ask archive status for the keys found here");
        }
    }

    private static String first(Map<String, String> pairs) {
        Map.Entry<String, String> e = pairs.entrySet().iterator().next();
        return e.getKey() + "=" + e.getValue();
    }

    /** A Glue name as a quoted identifier; anything but a plain name is refused. */
    static String name(String value, String what) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw ArchiveException.invalid("search: the inventory " + what + " name must be letters, digits and underscores "
                    + "(a Glue name), got '" + value + "'");
        }
        return "\"" + value.toLowerCase(Locale.ROOT) + "\"";
    }

    /** A timestamp literal, millisecond precision, UTC (Athena's session time zone). */
    static String timestamp(Instant at) {
        return "TIMESTAMP '" + TIMESTAMP.format(at) + "'";
    }

    /** A LIKE pattern matching {@code prefix} literally, for {@code ESCAPE '\'}. */
    static String likePattern(String prefix) {
        StringBuilder out = new StringBuilder(prefix.length() + 8);
        for (int i = 0; i < prefix.length(); i++) {
            char c = prefix.charAt(i);
            if (c == '\\' || c == '%' || c == '_') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * A string literal holding exactly {@code value}. Quotes are doubled. A value with control characters is written
     * as a Unicode literal ({@code U&'...'}) with those characters, quotes and backslashes escaped, so that the text of
     * the query shows what it matches. A value that is not valid Unicode (a lone surrogate) cannot be a key and is refused.
     */
    static String literal(String value) {
        boolean plain = true;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
                if (!paired) {
                    throw ArchiveException.invalid("search: a value is not valid Unicode (a lone surrogate at index " + i
                            + " of '" + printable(value) + "'); S3 keys are UTF-8");
                }
                i++;
            } else if (Character.isISOControl(c)) {
                plain = false;
            }
        }
        if (plain) {
            return "'" + value.replace("'", "''") + "'";
        }
        StringBuilder out = new StringBuilder("U&'");
        value.codePoints().forEach(cp -> {
            if (cp == '\'') {
                out.append("''");
            } else if (cp == '\\') {
                out.append("\\\\");
            } else if (Character.isISOControl(cp)) {
                out.append(String.format(Locale.ROOT, "\\%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.append('\'').toString();
    }

    private static String printable(String value) {
        StringBuilder out = new StringBuilder();
        value.chars().forEach(c -> out.append(Character.isISOControl(c) || Character.isSurrogate((char) c)
                ? String.format(Locale.ROOT, "\\u%04X", c) : String.valueOf((char) c)));
        return out.toString();
    }
}
