package io.github.drkit.runtime.archive;

import static io.github.drkit.runtime.archive.ArchiveTable.s;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Searches the catalog, one page at a time.
 *
 * <p>The search reads the narrowest source first, in this order: the base table for an exact key; the
 * {@code ByAttribute} index for a tag or metadata pair; the {@code ByFolder} index for a prefix that names a
 * folder ({@code invoices/...}); the {@code ByStorageClass} index for a storage class; the
 * {@code ByArchivedMonth} index, month by month, for a time range; and a scan when nothing narrows it. The
 * other criteria filter what that source returns. Whatever the source, results are exact and paged: a page
 * token resumes after the last entry returned.
 */
public final class ArchiveSearch {
    /** DynamoDB requests one page may make before it returns what it has, with a token to go on: enough to read
     * every month since 2006 once (a time range with no start). */
    static final int MAX_REQUESTS_PER_PAGE = 400;
    /** The most items one request reads; DynamoDB stops at 1 MB anyway. */
    static final int MAX_LIMIT = 2000;
    /** The first month S3 held objects (March 2006): a time range without a start begins here. */
    static final YearMonth FIRST_MONTH = YearMonth.of(2006, 3);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DynamoDbClient dynamo;
    private final String tableName;
    private final Clock clock;

    public ArchiveSearch(ArchiveIndex index) {
        this(index, Clock.systemUTC());
    }

    public ArchiveSearch(ArchiveIndex index, Clock clock) {
        this.dynamo = index.dynamo();
        this.tableName = index.tableName();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public SearchPage search(SearchCriteria criteria) {
        Plan plan = plan(criteria);
        String fingerprint = fingerprint(criteria);
        int partition = 0;
        Map<String, AttributeValue> start = null;
        if (criteria.pageToken() != null) {
            Token token = Token.decode(criteria.pageToken(), fingerprint);
            partition = token.partition();
            start = token.lastKey();
            if (partition < 0 || partition >= plan.partitions().size()) {
                throw ArchiveException.invalid("search: pageToken does not belong to this search (partition " + partition + ")");
            }
        }
        // Without a filter every item read is returned: read the page and no more. With one, start near the page
        // size and read more per request while matches are sparse, up to DynamoDB's 1 MB answers.
        int limit = plan.filter().isEmpty() ? criteria.pageSize() : Math.min(MAX_LIMIT, Math.max(100, 2 * criteria.pageSize()));
        List<ArchiveEntry> entries = new ArrayList<>();
        int requests = 0;
        long scanned = 0;
        while (true) {
            if (requests >= MAX_REQUESTS_PER_PAGE) {
                return new SearchPage(entries, new Token(fingerprint, partition, start).encode(), plan.describe(), requests, scanned);
            }
            Result result = execute(plan, partition, start, limit);
            requests++;
            scanned += result.scanned();
            List<Map<String, AttributeValue>> items = result.items();
            for (int i = 0; i < items.size(); i++) {
                entries.add(ArchiveTable.entry(items.get(i)));
                if (entries.size() == criteria.pageSize()) {
                    boolean more = i < items.size() - 1 || result.lastKey() != null || partition < plan.partitions().size() - 1;
                    String next = more ? new Token(fingerprint, partition, keyOf(items.get(i), plan.index())).encode() : null;
                    return new SearchPage(entries, next, plan.describe(), requests, scanned);
                }
            }
            if (!plan.filter().isEmpty() && items.size() * 4L < limit) {
                limit = Math.min(MAX_LIMIT, limit * 4);
            }
            start = result.lastKey();
            if (start == null) {
                partition++;
                if (partition >= plan.partitions().size()) {
                    return new SearchPage(entries, null, plan.describe(), requests, scanned);
                }
            }
        }
    }

    // ---- planning ----------------------------------------------------------------------------------------

    /** Where to read and what to filter. {@code partitions} holds one key-condition value per query; null for a scan. */
    record Plan(String index, String keyCondition, List<String> partitions, String filter,
                Map<String, String> names, Map<String, AttributeValue> values, String label) {
        String describe() {
            return label;
        }
    }

    Plan plan(SearchCriteria c) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> filters = new ArrayList<>();
        String index;
        String keyCondition;
        List<String> partitions;
        String label;
        boolean prefixDone = false;
        boolean timeDone = false;
        String usedAttr = null;
        boolean classDone = false;

        names.put("#pk", ArchiveTable.PK);
        if (c.key() != null) {
            index = null;
            keyCondition = "#pk = :p";
            partitions = List.of(c.key());
            label = "query table [" + c.key() + "]";
            filters.add("#kind = :object");
        } else if (!c.tags().isEmpty() || !c.metadata().isEmpty()) {
            index = ArchiveTable.BY_ATTRIBUTE;
            Map.Entry<String, String> first = !c.tags().isEmpty() ? c.tags().entrySet().iterator().next() : null;
            usedAttr = first != null ? ArchiveTable.tagAttr(first.getKey(), first.getValue())
                    : metaAttrOf(c.metadata().entrySet().iterator().next());
            names.put("#part", ArchiveTable.GSI_ATTR);
            keyCondition = "#part = :p";
            if (c.prefix() != null) {
                keyCondition += " AND begins_with(#pk, :prefix)";
                values.put(":prefix", s(c.prefix()));
                prefixDone = true;
            }
            partitions = List.of(usedAttr);
            label = "query " + index + " [" + usedAttr + "]";
            if (usedAttr.length() > ArchiveTable.MAX_ATTR_LENGTH) {
                // Too long to be a GSI key: the pair was never indexed, so only a scan can find it.
                index = null;
                keyCondition = null;
                partitions = java.util.Collections.singletonList(null);
                label = "scan";
                usedAttr = null;
                prefixDone = false;
                values.remove(":prefix");
                filters.add("#kind = :object");
            }
        } else if (c.prefix() != null && c.prefix().contains("/")) {
            index = ArchiveTable.BY_FOLDER;
            names.put("#part", ArchiveTable.GSI_FOLDER);
            keyCondition = "#part = :p AND begins_with(#pk, :prefix)";
            values.put(":prefix", s(c.prefix()));
            prefixDone = true;
            partitions = List.of(ArchiveTable.folderOf(c.prefix()));
            label = "query " + index + " [" + partitions.get(0) + "]";
        } else if (c.storageClass() != null) {
            index = ArchiveTable.BY_STORAGE_CLASS;
            names.put("#part", ArchiveTable.GSI_CLASS);
            keyCondition = "#part = :p" + timeCondition(c, names, values);
            timeDone = true;
            classDone = true;
            partitions = List.of(c.storageClass());
            label = "query " + index + " [" + c.storageClass() + "]";
        } else if (c.archivedFrom() != null || c.archivedTo() != null) {
            index = ArchiveTable.BY_ARCHIVED_MONTH;
            names.put("#part", ArchiveTable.GSI_MONTH);
            keyCondition = "#part = :p" + timeCondition(c, names, values);
            timeDone = true;
            partitions = months(c.archivedFrom(), c.archivedTo());
            label = "query " + index + " [" + partitions.get(0) + ".." + partitions.get(partitions.size() - 1) + "]";
        } else {
            index = null;
            keyCondition = null;
            partitions = java.util.Collections.singletonList(null);
            label = "scan";
            filters.add("#kind = :object");
        }
        if (filters.contains("#kind = :object")) {
            names.put("#kind", ArchiveTable.KIND);
            values.put(":object", s(ArchiveTable.KIND_OBJECT));
        }

        if (c.prefix() != null && !prefixDone) {
            filters.add("begins_with(#pk, :prefix)");
            values.put(":prefix", s(c.prefix()));
        }
        int n = 0;
        for (Map.Entry<String, String> tag : c.tags().entrySet()) {
            if (ArchiveTable.tagAttr(tag.getKey(), tag.getValue()).equals(usedAttr)) {
                continue;
            }
            names.put("#tags", ArchiveTable.TAGS);
            names.put("#t" + n, tag.getKey());
            values.put(":t" + n, s(tag.getValue()));
            filters.add("#tags.#t" + n + " = :t" + n);
            n++;
        }
        n = 0;
        for (Map.Entry<String, String> meta : c.metadata().entrySet()) {
            if (metaAttrOf(meta).equals(usedAttr)) {
                continue;
            }
            names.put("#meta", ArchiveTable.META);
            names.put("#m" + n, meta.getKey());
            values.put(":m" + n, s(meta.getValue()));
            filters.add("#meta.#m" + n + " = :m" + n);
            n++;
        }
        if (!timeDone && (c.archivedFrom() != null || c.archivedTo() != null)) {
            String condition = timeCondition(c, names, values);
            filters.add(condition.substring(" AND ".length()));
        }
        if (c.minSize() != null) {
            names.put("#size", ArchiveTable.SIZE);
            values.put(":min", AttributeValue.fromN(Long.toString(c.minSize())));
            filters.add("#size >= :min");
        }
        if (c.maxSize() != null) {
            names.put("#size", ArchiveTable.SIZE);
            values.put(":max", AttributeValue.fromN(Long.toString(c.maxSize())));
            filters.add("#size <= :max");
        }
        if (c.storageClass() != null && !classDone) {
            names.put("#class", ArchiveTable.STORAGE_CLASS);
            values.put(":class", s(c.storageClass()));
            filters.add("#class = :class");
        }
        if (c.restoreStatus() != null) {
            names.put("#restore", ArchiveTable.RESTORE_STATUS);
            values.put(":restore", s(c.restoreStatus().name()));
            filters.add("#restore = :restore");
        }
        if (!c.includeDeleted()) {
            names.put("#deleted", ArchiveTable.DELETED_AT);
            filters.add("attribute_not_exists(#deleted)");
        }
        if (keyCondition == null || !keyCondition.contains("#pk")) {
            // A plan that neither keys nor filters on objectKey must not declare its name: DynamoDB rejects unused names.
            boolean used = filters.stream().anyMatch(f -> f.contains("#pk"));
            if (!used) {
                names.remove("#pk");
            }
        }
        return new Plan(index, keyCondition, partitions, String.join(" AND ", filters), names, values, label);
    }

    private static String metaAttrOf(Map.Entry<String, String> meta) {
        return ArchiveTable.metaAttr(meta.getKey(), meta.getValue());
    }

    private static String timeCondition(SearchCriteria c, Map<String, String> names, Map<String, AttributeValue> values) {
        if (c.archivedFrom() == null && c.archivedTo() == null) {
            return "";
        }
        names.put("#at", ArchiveTable.ARCHIVED_AT);
        if (c.archivedFrom() != null && c.archivedTo() != null) {
            values.put(":from", s(ArchiveTable.time(c.archivedFrom())));
            values.put(":to", s(ArchiveTable.time(c.archivedTo())));
            return " AND #at BETWEEN :from AND :to";
        }
        if (c.archivedFrom() != null) {
            values.put(":from", s(ArchiveTable.time(c.archivedFrom())));
            return " AND #at >= :from";
        }
        values.put(":to", s(ArchiveTable.time(c.archivedTo())));
        return " AND #at <= :to";
    }

    private List<String> months(Instant from, Instant to) {
        YearMonth first = from == null ? FIRST_MONTH : YearMonth.from(from.atZone(ZoneOffset.UTC));
        YearMonth last = YearMonth.from((to == null ? clock.instant() : to).atZone(ZoneOffset.UTC));
        List<String> months = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            months.add(m.toString());
        }
        if (months.isEmpty()) {
            months.add(last.toString());
        }
        return months;
    }

    // ---- execution ---------------------------------------------------------------------------------------

    private record Result(List<Map<String, AttributeValue>> items, Map<String, AttributeValue> lastKey, long scanned) {
    }

    private Result execute(Plan plan, int partition, Map<String, AttributeValue> start, int limit) {
        Map<String, AttributeValue> values = new HashMap<>(plan.values());
        String filter = plan.filter().isEmpty() ? null : plan.filter();
        Map<String, String> names = plan.names().isEmpty() ? null : plan.names();
        if (plan.keyCondition() == null) {
            ScanResponse r = dynamo.scan(b -> b.tableName(tableName).indexName(plan.index()).limit(limit)
                    .filterExpression(filter).expressionAttributeNames(names)
                    .expressionAttributeValues(values.isEmpty() ? null : values).exclusiveStartKey(start));
            return new Result(r.items(), lastKey(r.hasLastEvaluatedKey(), r.lastEvaluatedKey()), r.scannedCount());
        }
        values.put(":p", s(plan.partitions().get(partition)));
        QueryResponse r = dynamo.query(b -> b.tableName(tableName).indexName(plan.index()).limit(limit)
                .keyConditionExpression(plan.keyCondition()).filterExpression(filter)
                .expressionAttributeNames(names).expressionAttributeValues(values).exclusiveStartKey(start));
        return new Result(r.items(), lastKey(r.hasLastEvaluatedKey(), r.lastEvaluatedKey()), r.scannedCount());
    }

    private static Map<String, AttributeValue> lastKey(boolean has, Map<String, AttributeValue> key) {
        return has && key != null && !key.isEmpty() ? key : null;
    }

    private static Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item, String index) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        for (String name : ArchiveTable.keyAttributes(index)) {
            key.put(name, item.get(name));
        }
        return key;
    }

    // ---- page tokens -------------------------------------------------------------------------------------

    static String fingerprint(SearchCriteria c) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(c.canonical().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Where the next page starts: the search it belongs to, the partition, the last key read (null: its start). */
    record Token(String fingerprint, int partition, Map<String, AttributeValue> lastKey) {
        String encode() {
            ObjectNode node = JSON.createObjectNode();
            node.put("f", fingerprint);
            node.put("p", partition);
            if (lastKey != null) {
                ObjectNode k = node.putObject("k");
                lastKey.forEach((name, value) -> k.put(name, value.s()));
            }
            try {
                return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(node));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("could not write a page token", e);
            }
        }

        static Token decode(String token, String expectedFingerprint) {
            JsonNode node;
            try {
                node = JSON.readTree(Base64.getUrlDecoder().decode(token));
            } catch (IllegalArgumentException | java.io.IOException e) {
                throw ArchiveException.invalid("search: pageToken is not a token this catalog issued (got '" + abbreviate(token) + "')");
            }
            if (node == null || !node.path("f").isTextual() || !node.path("p").isInt()) {
                throw ArchiveException.invalid("search: pageToken is not a token this catalog issued (got '" + abbreviate(token) + "')");
            }
            if (!expectedFingerprint.equals(node.path("f").asText())) {
                throw ArchiveException.invalid("search: pageToken was issued for a different search; repeat the same criteria "
                        + "with it, or drop it to start again");
            }
            Map<String, AttributeValue> lastKey = null;
            if (node.has("k")) {
                lastKey = new LinkedHashMap<>();
                for (var it = node.get("k").fields(); it.hasNext(); ) {
                    var field = it.next();
                    lastKey.put(field.getKey(), s(field.getValue().asText()));
                }
            }
            return new Token(node.path("f").asText(), node.path("p").asInt(), lastKey);
        }

        private static String abbreviate(String s) {
            return s.length() <= 24 ? s : s.substring(0, 24) + "...";
        }
    }
}
