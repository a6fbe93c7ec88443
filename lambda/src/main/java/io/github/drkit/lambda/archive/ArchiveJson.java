package io.github.drkit.lambda.archive;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.drkit.runtime.archive.ArchiveEntry;
import io.github.drkit.runtime.archive.ArchiveException;
import io.github.drkit.runtime.archive.BackfillReport;
import io.github.drkit.runtime.archive.FetchResult;
import io.github.drkit.runtime.archive.RestoreResult;
import io.github.drkit.runtime.archive.RestoreStatus;
import io.github.drkit.runtime.archive.SearchCriteria;
import io.github.drkit.runtime.archive.SearchPage;

/** The JSON shapes the archive handler and command speak: one place, so both say the same. */
final class ArchiveJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private ArchiveJson() {
    }

    static ObjectNode entry(ArchiveEntry e) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("bucket", e.bucket());
        n.put("key", e.key());
        n.put("versionId", e.versionId());
        n.put("size", e.size());
        n.put("storageClass", e.storageClass());
        n.put("eTag", e.eTag());
        n.put("checksum", e.checksum());
        ObjectNode meta = n.putObject("metadata");
        e.metadata().forEach(meta::put);
        ObjectNode tags = n.putObject("tags");
        e.tags().forEach(tags::put);
        n.put("archivedAt", e.archivedAt().toString());
        n.put("readable", e.readable());
        ObjectNode restore = n.putObject("restore");
        restore.put("status", e.restoreStatus().name());
        restore.put("tier", e.restoreTier() == null ? null : e.restoreTier().name());
        restore.put("requestedAt", string(e.restoreRequestedAt()));
        restore.put("expiresAt", string(e.restoreExpiresAt()));
        n.put("deletedAt", string(e.deletedAt()));
        return n;
    }

    static ObjectNode page(SearchPage page) {
        ObjectNode n = MAPPER.createObjectNode();
        ArrayNode entries = n.putArray("entries");
        page.entries().forEach(e -> entries.add(entry(e)));
        n.put("count", page.entries().size());
        n.put("nextToken", page.nextToken());
        n.put("plan", page.plan());
        n.put("requests", page.requests());
        n.put("scanned", page.scanned());
        return n;
    }

    static ObjectNode restore(RestoreResult r) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("extended", r.extended());
        n.set("entry", entry(r.entry()));
        return n;
    }

    static ObjectNode fetch(FetchResult r) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("key", r.entry().key());
        n.put("versionId", r.entry().versionId());
        n.put("range", r.range() == null ? null : r.range().toString());
        n.put("bytes", r.bytes());
        return n;
    }

    static ObjectNode backfill(BackfillReport r) {
        return MAPPER.valueToTree(r);
    }

    static ObjectNode error(ArchiveException e) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("ok", false);
        ObjectNode error = n.putObject("error");
        error.put("reason", e.reason().name());
        error.put("message", e.getMessage());
        return n;
    }

    /** Search criteria from a request object; field names as in docs/archive-catalog.md. */
    static SearchCriteria criteria(JsonNode r) {
        SearchCriteria.Builder b = SearchCriteria.builder()
                .key(text(r, "key"))
                .prefix(text(r, "prefix"))
                .storageClass(text(r, "storageClass"))
                .archivedFrom(time(text(r, "archivedFrom"), "archivedFrom", false))
                .archivedTo(time(text(r, "archivedTo"), "archivedTo", true))
                .minSize(number(r, "minSize"))
                .maxSize(number(r, "maxSize"))
                .includeDeleted(r.path("includeDeleted").asBoolean(false))
                .pageToken(text(r, "pageToken"));
        if (r.hasNonNull("pageSize")) {
            b.pageSize(number(r, "pageSize").intValue());
        }
        String restore = text(r, "restoreStatus");
        if (restore != null) {
            b.restoreStatus(restoreStatus(restore));
        }
        pairs(r.path("tags"), "tags").forEach(b::tag);
        pairs(r.path("metadata"), "metadata").forEach(b::metadata);
        return b.build();
    }

    static RestoreStatus restoreStatus(String value) {
        try {
            return RestoreStatus.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ArchiveException(ArchiveException.Reason.INVALID_REQUEST,
                    "restoreStatus must be one of NONE, IN_PROGRESS, AVAILABLE (got '" + value + "')");
        }
    }

    private static Map<String, String> pairs(JsonNode node, String field) {
        Map<String, String> out = new java.util.TreeMap<>();
        if (node.isMissingNode() || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            throw new ArchiveException(ArchiveException.Reason.INVALID_REQUEST,
                    field + " must be an object of name: value (got " + node.getNodeType() + ")");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            out.put(f.getKey(), f.getValue().asText());
        }
        return out;
    }

    static String text(JsonNode r, String field) {
        JsonNode v = r.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    static Long number(JsonNode r, String field) {
        JsonNode v = r.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.canConvertToLong() && v.isIntegralNumber()) {
            return v.asLong();
        }
        return parseLong(v.asText(), field);
    }

    static Long parseLong(String value, String field) {
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new ArchiveException(ArchiveException.Reason.INVALID_REQUEST, field + " must be a whole number (got '" + value + "')");
        }
    }

    /**
     * An instant or a date (UTC). A date as the end of a range means the end of that day, so that
     * {@code --to 2019-12-31} includes the 31st.
     */
    static Instant time(String value, String field, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException notInstant) {
            try {
                LocalDate day = LocalDate.parse(value.trim());
                Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
                return endOfDay ? day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1) : start;
            } catch (DateTimeParseException notDate) {
                throw new ArchiveException(ArchiveException.Reason.INVALID_REQUEST, field
                        + " must be a date (2019-12-31) or an instant (2019-12-31T23:00:00Z) (got '" + value + "')");
            }
        }
    }

    private static String string(Instant i) {
        return i == null ? null : i.toString();
    }
}
