package io.github.drkit.runtime.archive;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The layout of the catalog's DynamoDB table: names, key schema, indexes, and the mapping between
 * {@link ArchiveEntry} and items. The {@code ArchiveCatalog} construct in drkit-constructs creates the same
 * table; docs/archive-catalog.md explains the choice of indexes.
 *
 * <p>Each object version is one <em>object item</em> ({@code entry = versionId}). Each of its tags and
 * metadata pairs adds one <em>attribute item</em> ({@code entry = versionId#attr#tag:name=value}), a copy of
 * the object item that carries {@code gsiAttr}: DynamoDB cannot index the entries of a map, and this sparse
 * copy is what lets a search by tag or metadata read only the matching objects.
 */
public final class ArchiveTable {
    public static final String PK = "objectKey";
    public static final String SK = "entry";

    /** Folder (first path segment) → key: searches by key prefix. */
    public static final String BY_FOLDER = "ByFolder";
    /** Month archived → time: searches by time range. */
    public static final String BY_ARCHIVED_MONTH = "ByArchivedMonth";
    /** Storage class → time: "everything still in Deep Archive archived in 2019". */
    public static final String BY_STORAGE_CLASS = "ByStorageClass";
    /** {@code tag:name=value} or {@code meta:name=value} → key: searches by tag or metadata. */
    public static final String BY_ATTRIBUTE = "ByAttribute";

    static final String GSI_FOLDER = "gsiFolder";
    static final String GSI_MONTH = "gsiMonth";
    static final String GSI_CLASS = "gsiClass";
    static final String GSI_ATTR = "gsiAttr";

    static final String KIND = "kind";
    static final String KIND_OBJECT = "object";
    static final String KIND_ATTR = "attr";
    static final String ATTR_SEPARATOR = "#attr#";

    static final String BUCKET = "bucket";
    static final String VERSION_ID = "versionId";
    static final String SIZE = "size";
    static final String STORAGE_CLASS = "storageClass";
    static final String ETAG = "eTag";
    static final String CHECKSUM = "checksum";
    static final String META = "meta";
    static final String TAGS = "tags";
    static final String ARCHIVED_AT = "archivedAt";
    static final String RESTORE_STATUS = "restoreStatus";
    static final String RESTORE_TIER = "restoreTier";
    static final String RESTORE_REQUESTED_AT = "restoreRequestedAt";
    static final String RESTORE_EXPIRES_AT = "restoreExpiresAt";
    static final String DELETED_AT = "deletedAt";
    static final String INDEXED_AT = "indexedAt";

    /** The folder of keys at the top of the bucket, which have no '/'. */
    static final String ROOT_FOLDER = "/";
    /** GSI partition keys are at most 2,048 bytes; longer tag or metadata pairs are searched by filter. */
    static final int MAX_ATTR_LENGTH = 1024;

    // Fixed width, so that string order is time order (Instant.toString drops zero fractions).
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM").withZone(ZoneOffset.UTC);

    private ArchiveTable() {
    }

    /**
     * Creates the table as the construct does (on demand, four indexes projecting all attributes). For the
     * emulator, benchmarks and users who manage the table themselves.
     */
    public static void create(DynamoDbClient dynamo, String tableName) {
        dynamo.createTable(b -> b.tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        attribute(PK), attribute(SK), attribute(GSI_FOLDER), attribute(GSI_MONTH),
                        attribute(GSI_CLASS), attribute(GSI_ATTR), attribute(ARCHIVED_AT))
                .keySchema(key(PK, KeyType.HASH), key(SK, KeyType.RANGE))
                .globalSecondaryIndexes(
                        index(BY_FOLDER, GSI_FOLDER, PK),
                        index(BY_ARCHIVED_MONTH, GSI_MONTH, ARCHIVED_AT),
                        index(BY_STORAGE_CLASS, GSI_CLASS, ARCHIVED_AT),
                        index(BY_ATTRIBUTE, GSI_ATTR, PK)));
        dynamo.waiter().waitUntilTableExists(b -> b.tableName(tableName));
    }

    /** The key attributes of each index, base table first: what a page token must carry. */
    static List<String> keyAttributes(String indexName) {
        if (indexName == null) {
            return List.of(PK, SK);
        }
        return switch (indexName) {
            case BY_FOLDER -> List.of(GSI_FOLDER, PK, SK);
            case BY_ARCHIVED_MONTH -> List.of(GSI_MONTH, ARCHIVED_AT, PK, SK);
            case BY_STORAGE_CLASS -> List.of(GSI_CLASS, ARCHIVED_AT, PK, SK);
            case BY_ATTRIBUTE -> List.of(GSI_ATTR, PK, SK);
            default -> throw new IllegalArgumentException("unknown index " + indexName);
        };
    }

    static String folderOf(String keyOrPrefix) {
        int slash = keyOrPrefix.indexOf('/');
        return slash < 0 ? ROOT_FOLDER : keyOrPrefix.substring(0, slash + 1);
    }

    static String time(Instant instant) {
        return TIME.format(instant);
    }

    static String month(Instant instant) {
        return MONTH.format(instant);
    }

    static String tagAttr(String name, String value) {
        return "tag:" + name + "=" + value;
    }

    static String metaAttr(String name, String value) {
        return "meta:" + name + "=" + value;
    }

    /** The object item of an entry. */
    static Map<String, AttributeValue> objectItem(ArchiveEntry entry, Instant indexedAt) {
        Map<String, AttributeValue> item = dataItem(entry, indexedAt);
        item.put(SK, s(entry.versionId()));
        item.put(KIND, s(KIND_OBJECT));
        item.put(GSI_FOLDER, s(folderOf(entry.key())));
        item.put(GSI_MONTH, s(month(entry.archivedAt())));
        item.put(GSI_CLASS, s(entry.storageClass()));
        return item;
    }

    /** The attribute items of an entry, by sort key: one per indexable tag and metadata pair. */
    static Map<String, Map<String, AttributeValue>> attributeItems(ArchiveEntry entry, Instant indexedAt) {
        Map<String, String> attrs = new LinkedHashMap<>();
        entry.tags().forEach((k, v) -> attrs.put(tagAttr(k, v), k));
        entry.metadata().forEach((k, v) -> attrs.put(metaAttr(k, v), k));
        Map<String, Map<String, AttributeValue>> items = new LinkedHashMap<>();
        for (String attr : attrs.keySet()) {
            if (attr.length() > MAX_ATTR_LENGTH) {
                continue;
            }
            Map<String, AttributeValue> item = dataItem(entry, indexedAt);
            String sk = entry.versionId() + ATTR_SEPARATOR + attr;
            item.put(SK, s(sk));
            item.put(KIND, s(KIND_ATTR));
            item.put(GSI_ATTR, s(attr));
            items.put(sk, item);
        }
        return items;
    }

    private static Map<String, AttributeValue> dataItem(ArchiveEntry entry, Instant indexedAt) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(entry.key()));
        item.put(VERSION_ID, s(entry.versionId()));
        if (entry.bucket() != null) {
            item.put(BUCKET, s(entry.bucket()));
        }
        item.put(SIZE, AttributeValue.fromN(Long.toString(entry.size())));
        item.put(STORAGE_CLASS, s(entry.storageClass()));
        putIfPresent(item, ETAG, entry.eTag());
        putIfPresent(item, CHECKSUM, entry.checksum());
        item.put(META, map(entry.metadata()));
        item.put(TAGS, map(entry.tags()));
        item.put(ARCHIVED_AT, s(time(entry.archivedAt())));
        item.put(RESTORE_STATUS, s(entry.restoreStatus().name()));
        if (entry.restoreTier() != null) {
            item.put(RESTORE_TIER, s(entry.restoreTier().name()));
        }
        putIfPresent(item, RESTORE_REQUESTED_AT, entry.restoreRequestedAt());
        putIfPresent(item, RESTORE_EXPIRES_AT, entry.restoreExpiresAt());
        putIfPresent(item, DELETED_AT, entry.deletedAt());
        item.put(INDEXED_AT, s(time(indexedAt)));
        return item;
    }

    /** Reads an object item or an attribute item back into an entry. */
    static ArchiveEntry entry(Map<String, AttributeValue> item) {
        return new ArchiveEntry(
                str(item, BUCKET),
                str(item, PK),
                str(item, VERSION_ID),
                Long.parseLong(item.get(SIZE).n()),
                str(item, STORAGE_CLASS),
                str(item, ETAG),
                str(item, CHECKSUM),
                strings(item.get(META)),
                strings(item.get(TAGS)),
                instant(item, ARCHIVED_AT),
                item.containsKey(RESTORE_STATUS) ? RestoreStatus.valueOf(str(item, RESTORE_STATUS)) : RestoreStatus.NONE,
                item.containsKey(RESTORE_TIER) ? RestoreTier.valueOf(str(item, RESTORE_TIER)) : null,
                instant(item, RESTORE_REQUESTED_AT),
                instant(item, RESTORE_EXPIRES_AT),
                instant(item, DELETED_AT));
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, Instant value) {
        if (value != null) {
            item.put(name, s(time(value)));
        }
    }

    private static AttributeValue map(Map<String, String> values) {
        Map<String, AttributeValue> m = new HashMap<>();
        values.forEach((k, v) -> m.put(k, s(v)));
        return AttributeValue.fromM(m);
    }

    private static Map<String, String> strings(AttributeValue value) {
        Map<String, String> out = new HashMap<>();
        if (value != null && value.hasM()) {
            value.m().forEach((k, v) -> out.put(k, v.s()));
        }
        return out;
    }

    private static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    private static Instant instant(Map<String, AttributeValue> item, String name) {
        String v = str(item, name);
        return v == null ? null : Instant.parse(v);
    }

    private static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static GlobalSecondaryIndex index(String name, String partitionKey, String sortKey) {
        return GlobalSecondaryIndex.builder()
                .indexName(name)
                .keySchema(key(partitionKey, KeyType.HASH), key(sortKey, KeyType.RANGE))
                .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                .build();
    }
}
