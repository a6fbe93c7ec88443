package io.github.drkit.runtime.archive;

import static io.github.drkit.runtime.archive.ArchiveTable.ATTR_SEPARATOR;
import static io.github.drkit.runtime.archive.ArchiveTable.KIND;
import static io.github.drkit.runtime.archive.ArchiveTable.KIND_OBJECT;
import static io.github.drkit.runtime.archive.ArchiveTable.PK;
import static io.github.drkit.runtime.archive.ArchiveTable.SK;
import static io.github.drkit.runtime.archive.ArchiveTable.s;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The catalog's DynamoDB table: writes entries with their attribute items, reads them back by key.
 * Every write is idempotent, so that a retried S3 event or a second backfill changes nothing.
 */
public final class ArchiveIndex {
    private static final int BATCH_SIZE = 25;
    private static final int MAX_BATCH_ATTEMPTS = 8;
    private static final int MAX_KEY_PAGES = 100;

    private final DynamoDbClient dynamo;
    private final String tableName;
    private final Clock clock;

    public ArchiveIndex(DynamoDbClient dynamo, String tableName) {
        this(dynamo, tableName, Clock.systemUTC());
    }

    public ArchiveIndex(DynamoDbClient dynamo, String tableName, Clock clock) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        if (tableName == null || tableName.isBlank()) {
            throw ArchiveException.invalid("table name is required (the catalog's DynamoDB table)");
        }
        this.tableName = tableName;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public String tableName() {
        return tableName;
    }

    DynamoDbClient dynamo() {
        return dynamo;
    }

    /**
     * Writes an entry: its object item, one attribute item per tag and metadata pair, and removes attribute
     * items of pairs the object no longer has. The tier and start time of a restore started through the
     * catalog survive, because S3 does not report them, and so does a delete marker's mark.
     */
    public ArchiveEntry put(ArchiveEntry entry) {
        List<Map<String, AttributeValue>> existing = itemsOfVersion(entry.key(), entry.versionId());
        ArchiveEntry merged = entry;
        for (Map<String, AttributeValue> item : existing) {
            if (KIND_OBJECT.equals(item.get(KIND).s())) {
                merged = carryRestore(entry, ArchiveTable.entry(item));
            }
        }
        Instant now = clock.instant();
        List<WriteRequest> writes = new ArrayList<>();
        writes.add(put(ArchiveTable.objectItem(merged, now)));
        Map<String, Map<String, AttributeValue>> attrs = ArchiveTable.attributeItems(merged, now);
        attrs.values().forEach(item -> writes.add(put(item)));
        for (Map<String, AttributeValue> item : existing) {
            String sk = item.get(SK).s();
            if (!sk.equals(merged.versionId()) && !attrs.containsKey(sk)) {
                writes.add(deleteRequest(merged.key(), sk));
            }
        }
        write(writes);
        return merged;
    }

    private static ArchiveEntry carryRestore(ArchiveEntry fresh, ArchiveEntry old) {
        if (fresh.deletedAt() == null && old.deletedAt() != null) {
            // S3 does not say whether a delete marker hides a version; the catalog remembers it.
            fresh = fresh.withDeletedAt(old.deletedAt());
        }
        if (fresh.restoreStatus() == RestoreStatus.NONE || fresh.restoreTier() != null) {
            return fresh;
        }
        Instant requested = fresh.restoreRequestedAt() != null ? fresh.restoreRequestedAt() : old.restoreRequestedAt();
        return fresh.withRestore(fresh.restoreStatus(), old.restoreTier(), requested, fresh.restoreExpiresAt());
    }

    /** The entry of one version; with a null version, the newest version of the key. */
    public Optional<ArchiveEntry> get(String key, String versionId) {
        if (versionId == null) {
            return versions(key).stream().findFirst();
        }
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(tableName).consistentRead(true)
                .key(Map.of(PK, s(key), SK, s(versionId)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(ArchiveTable.entry(item));
    }

    /** Whether a delete marker hides the key, as far as the catalog knows. */
    public boolean hidden(String key) {
        return itemsOfKey(key, null).stream().anyMatch(item -> item.containsKey(ArchiveTable.DELETED_AT));
    }

    /** Every version of a key, newest first. */
    public List<ArchiveEntry> versions(String key) {
        List<ArchiveEntry> out = new ArrayList<>();
        for (Map<String, AttributeValue> item : itemsOfKey(key, null)) {
            if (KIND_OBJECT.equals(item.get(KIND).s())) {
                out.add(ArchiveTable.entry(item));
            }
        }
        out.sort(Comparator.comparing(ArchiveEntry::archivedAt).reversed());
        return out;
    }

    /** Removes a version and its attribute items; returns whether the catalog held it. */
    public boolean delete(String key, String versionId) {
        List<Map<String, AttributeValue>> items = itemsOfVersion(key, versionId);
        List<WriteRequest> writes = new ArrayList<>();
        boolean held = false;
        for (Map<String, AttributeValue> item : items) {
            held |= KIND_OBJECT.equals(item.get(KIND).s());
            writes.add(deleteRequest(key, item.get(SK).s()));
        }
        write(writes);
        return held;
    }

    /**
     * Records that a delete marker hides the key ({@code at} non-null) or that it is visible again (null).
     * The versions stay in the catalog: they are still in the bucket and can be restored. Returns the number
     * of items changed.
     */
    public int setDeleted(String key, Instant at) {
        List<Map<String, AttributeValue>> items = itemsOfKey(key, null);
        if (at == null) {
            items.removeIf(item -> !item.containsKey(ArchiveTable.DELETED_AT));
        }
        for (Map<String, AttributeValue> item : items) {
            Map<String, AttributeValue> k = Map.of(PK, s(key), SK, item.get(SK));
            if (at == null) {
                dynamo.updateItem(b -> b.tableName(tableName).key(k).updateExpression("REMOVE " + ArchiveTable.DELETED_AT));
            } else {
                dynamo.updateItem(b -> b.tableName(tableName).key(k)
                        .updateExpression("SET " + ArchiveTable.DELETED_AT + " = :at")
                        .expressionAttributeValues(Map.of(":at", s(ArchiveTable.time(at)))));
            }
        }
        return items.size();
    }

    private List<Map<String, AttributeValue>> itemsOfVersion(String key, String versionId) {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        for (Map<String, AttributeValue> item : itemsOfKey(key, versionId)) {
            String sk = item.get(SK).s();
            if (sk.equals(versionId) || sk.startsWith(versionId + ATTR_SEPARATOR)) {
                out.add(item);
            }
        }
        return out;
    }

    private List<Map<String, AttributeValue>> itemsOfKey(String key, String skPrefix) {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        for (int page = 0; page < MAX_KEY_PAGES; page++) {
            Map<String, AttributeValue> values = new HashMap<>();
            values.put(":k", s(key));
            String condition = "#pk = :k";
            Map<String, String> names = new HashMap<>(Map.of("#pk", PK));
            if (skPrefix != null) {
                condition += " AND begins_with(#sk, :v)";
                names.put("#sk", SK);
                values.put(":v", s(skPrefix));
            }
            Map<String, AttributeValue> from = start;
            String keyCondition = condition;
            QueryResponse response = dynamo.query(b -> b.tableName(tableName).consistentRead(true)
                    .keyConditionExpression(keyCondition).expressionAttributeNames(names)
                    .expressionAttributeValues(values).exclusiveStartKey(from));
            out.addAll(response.items());
            if (!response.hasLastEvaluatedKey() || response.lastEvaluatedKey().isEmpty()) {
                return out;
            }
            start = response.lastEvaluatedKey();
        }
        throw new IllegalStateException("key '" + key + "' has more than " + MAX_KEY_PAGES + " pages of catalog items");
    }

    private static WriteRequest put(Map<String, AttributeValue> item) {
        return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
    }

    private static WriteRequest deleteRequest(String key, String sk) {
        return WriteRequest.builder()
                .deleteRequest(DeleteRequest.builder().key(Map.of(PK, s(key), SK, s(sk))).build()).build();
    }

    /** BatchWriteItem in chunks of 25, retrying unprocessed items with a bounded backoff. */
    void write(List<WriteRequest> writes) {
        for (int i = 0; i < writes.size(); i += BATCH_SIZE) {
            List<WriteRequest> pending = writes.subList(i, Math.min(writes.size(), i + BATCH_SIZE));
            for (int attempt = 1; !pending.isEmpty(); attempt++) {
                if (attempt > MAX_BATCH_ATTEMPTS) {
                    throw new IllegalStateException("DynamoDB left " + pending.size() + " writes unprocessed on table "
                            + tableName + " after " + MAX_BATCH_ATTEMPTS + " attempts");
                }
                List<WriteRequest> batch = pending;
                BatchWriteItemResponse response = dynamo.batchWriteItem(b -> b.requestItems(Map.of(tableName, batch)));
                pending = response.hasUnprocessedItems()
                        ? response.unprocessedItems().getOrDefault(tableName, List.of()) : List.of();
                if (!pending.isEmpty()) {
                    sleep(50L << Math.min(attempt, 6));
                }
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying DynamoDB writes", e);
        }
    }
}
