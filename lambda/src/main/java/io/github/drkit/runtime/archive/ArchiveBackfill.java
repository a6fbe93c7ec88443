package io.github.drkit.runtime.archive;

import static io.github.drkit.runtime.archive.ArchiveTable.PK;
import static io.github.drkit.runtime.archive.ArchiveTable.SK;
import static io.github.drkit.runtime.archive.ArchiveTable.s;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteMarkerEntry;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Indexes objects archived before the catalog existed, from a listing of the bucket or from an S3 Inventory
 * report.
 *
 * <p>With {@code inspect}, each version is read with HeadObject and GetObjectTagging, so that its metadata,
 * tags, checksum and restore state are indexed as the indexer would (three S3 requests a version). Without
 * it, only what the listing or report holds is indexed (key, version, size, storage class, ETag, time) in
 * batches, and versions the catalog already holds are left alone so that their tags are not lost: the way to
 * index millions of objects. Running a backfill twice changes nothing.
 */
public final class ArchiveBackfill {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH = 100;
    /** Listing pages one backfill reads at most (1,000 keys a page). */
    private static final int MAX_PAGES = 1_000_000;

    private final ArchiveIndex index;
    private final S3Client s3;
    private final ObjectInspector inspector;
    private final Clock clock;

    public ArchiveBackfill(ArchiveIndex index, S3Client s3) {
        this(index, s3, Clock.systemUTC());
    }

    public ArchiveBackfill(ArchiveIndex index, S3Client s3, Clock clock) {
        this.index = Objects.requireNonNull(index, "index");
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.inspector = new ObjectInspector(s3, index);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Options shared by both sources. */
    public record Options(boolean inspect, boolean allVersions, long maxObjects) {
        public Options {
            if (maxObjects < 1) {
                throw ArchiveException.invalid("backfill: maxObjects must be at least 1 (got " + maxObjects + ")");
            }
        }

        public static Options defaults() {
            return new Options(true, true, Long.MAX_VALUE);
        }
    }

    /** Backfills from ListObjectVersions (all versions) or ListObjectsV2 (current versions) under a prefix. */
    public BackfillReport fromListing(String bucket, String prefix, Options options) {
        if (bucket == null || bucket.isBlank()) {
            throw ArchiveException.invalid("backfill: bucket is required");
        }
        Run run = new Run(options);
        if (options.allVersions()) {
            String keyMarker = null;
            String versionMarker = null;
            for (int page = 0; page < MAX_PAGES && !run.full(); page++) {
                String km = keyMarker;
                String vm = versionMarker;
                ListObjectVersionsResponse r = s3.listObjectVersions(b -> b.bucket(bucket).prefix(prefix).keyMarker(km).versionIdMarker(vm));
                for (ObjectVersion v : r.versions()) {
                    if (run.full()) {
                        break;
                    }
                    run.add(new ArchiveEntry(bucket, v.key(), v.versionId(), v.size(), v.storageClassAsString(),
                            ObjectInspector.unquote(v.eTag()), null, null, null, v.lastModified(), null, null, null, null, null));
                }
                for (DeleteMarkerEntry marker : r.deleteMarkers()) {
                    run.deleteMarker(marker.key(), Boolean.TRUE.equals(marker.isLatest()), marker.lastModified());
                }
                if (!Boolean.TRUE.equals(r.isTruncated())) {
                    break;
                }
                keyMarker = r.nextKeyMarker();
                versionMarker = r.nextVersionIdMarker();
            }
        } else {
            String token = null;
            for (int page = 0; page < MAX_PAGES && !run.full(); page++) {
                String t = token;
                ListObjectsV2Response r = s3.listObjectsV2(b -> b.bucket(bucket).prefix(prefix).continuationToken(t));
                for (S3Object o : r.contents()) {
                    if (run.full()) {
                        break;
                    }
                    run.add(new ArchiveEntry(bucket, o.key(), null, o.size(), o.storageClassAsString(),
                            ObjectInspector.unquote(o.eTag()), null, null, null, o.lastModified(), null, null, null, null, null));
                }
                if (!Boolean.TRUE.equals(r.isTruncated())) {
                    break;
                }
                token = r.nextContinuationToken();
            }
        }
        return run.finish();
    }

    /**
     * Backfills from a listing the caller already holds: an export of a legacy records system, or a listing
     * made elsewhere. Each entry needs bucket, key, version (or null), size, storage class and time.
     */
    public BackfillReport fromEntries(Iterable<ArchiveEntry> entries, Options options) {
        Run run = new Run(options);
        for (ArchiveEntry entry : entries) {
            if (run.full()) {
                break;
            }
            run.add(entry);
        }
        return run.finish();
    }

    /**
     * Backfills from an S3 Inventory report in CSV: {@code manifestKey} is the report's {@code manifest.json}
     * in {@code inventoryBucket}. The report's {@code fileSchema} must include Bucket and Key; VersionId,
     * IsLatest, IsDeleteMarker, Size, LastModifiedDate, ETag and StorageClass are used when present.
     */
    public BackfillReport fromInventory(String inventoryBucket, String manifestKey, Options options) {
        JsonNode manifest;
        try (var in = s3.getObject(b -> b.bucket(inventoryBucket).key(manifestKey))) {
            manifest = JSON.readTree(in);
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw new ArchiveException(ArchiveException.Reason.NOT_FOUND, "backfill: inventory manifest s3://" + inventoryBucket
                        + "/" + manifestKey + " does not exist", e);
            }
            throw e;
        } catch (IOException e) {
            throw ArchiveException.invalid("backfill: inventory manifest s3://" + inventoryBucket + "/" + manifestKey
                    + " is not JSON (" + e.getMessage() + ")");
        }
        String format = manifest.path("fileFormat").asText("");
        if (!"CSV".equalsIgnoreCase(format)) {
            throw ArchiveException.invalid("backfill: inventory fileFormat must be CSV (got '" + format + "'); configure the "
                    + "inventory report as CSV, or query ORC and Parquet reports with Athena");
        }
        List<String> columns = new ArrayList<>();
        for (String c : manifest.path("fileSchema").asText("").split(",")) {
            columns.add(c.trim());
        }
        if (!columns.contains("Bucket") || !columns.contains("Key")) {
            throw ArchiveException.invalid("backfill: inventory fileSchema must include Bucket and Key (got '"
                    + manifest.path("fileSchema").asText("") + "')");
        }
        Run run = new Run(options);
        for (JsonNode file : manifest.path("files")) {
            if (run.full()) {
                break;
            }
            String fileKey = file.path("key").asText();
            try (var raw = s3.getObject(b -> b.bucket(inventoryBucket).key(fileKey));
                 var reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8))) {
                String line;
                long lineNo = 0;
                while ((line = reader.readLine()) != null && !run.full()) {
                    lineNo++;
                    if (line.isBlank()) {
                        continue;
                    }
                    inventoryRow(run, columns, parseCsv(line), fileKey, lineNo);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("backfill: could not read inventory file s3://" + inventoryBucket + "/" + fileKey, e);
            }
        }
        return run.finish();
    }

    private void inventoryRow(Run run, List<String> columns, List<String> values, String file, long line) {
        if (values.size() != columns.size()) {
            throw ArchiveException.invalid("backfill: inventory file " + file + " line " + line + " has " + values.size()
                    + " fields, the fileSchema " + columns.size());
        }
        Map<String, String> row = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            row.put(columns.get(i), values.get(i));
        }
        // Inventory reports URL-encode keys, as S3 events do.
        String key = S3EventRecord.decodeKey(row.get("Key"));
        String version = row.get("VersionId");
        if ("true".equalsIgnoreCase(row.get("IsDeleteMarker"))) {
            run.deleteMarker(key, "true".equalsIgnoreCase(row.getOrDefault("IsLatest", "true")), time(row.get("LastModifiedDate"), file, line));
            return;
        }
        if (!run.options.allVersions() && "false".equalsIgnoreCase(row.get("IsLatest"))) {
            return;
        }
        String size = row.get("Size");
        run.add(new ArchiveEntry(row.get("Bucket"), key, version, size == null || size.isEmpty() ? 0 : Long.parseLong(size),
                row.get("StorageClass"), row.get("ETag"), null, null, null, time(row.get("LastModifiedDate"), file, line),
                null, null, null, null, null));
    }

    private Instant time(String value, String file, long line) {
        if (value == null || value.isEmpty()) {
            return clock.instant();
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ArchiveException.invalid("backfill: inventory file " + file + " line " + line
                    + ": LastModifiedDate must be ISO-8601 (got '" + value + "')");
        }
    }

    /** Inventory CSV: every field quoted, quotes doubled inside. */
    static List<String> parseCsv(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        out.add(field.toString());
        return out;
    }

    /** One backfill's counters and its pending batch. */
    private final class Run {
        private final Options options;
        private final List<ArchiveEntry> pending = new ArrayList<>();
        private final Map<String, Instant> hiddenKeys = new HashMap<>();
        private long listed;
        private long indexed;
        private long already;
        private long gone;
        private long markers;

        Run(Options options) {
            this.options = options;
        }

        boolean full() {
            return listed >= options.maxObjects();
        }

        void add(ArchiveEntry listedEntry) {
            listed++;
            if (options.inspect()) {
                var fresh = inspector.inspect(listedEntry.bucket(), listedEntry.key(), listedEntry.versionId());
                if (fresh.isEmpty()) {
                    gone++;
                } else {
                    index.put(fresh.get());
                    indexed++;
                }
                return;
            }
            pending.add(listedEntry);
            if (pending.size() >= BATCH) {
                flush();
            }
        }

        void deleteMarker(String key, boolean latest, Instant at) {
            markers++;
            if (latest) {
                hiddenKeys.put(key, at);
            }
        }

        BackfillReport finish() {
            flush();
            hiddenKeys.forEach(index::setDeleted);
            return new BackfillReport(listed, indexed, already, gone, markers, listed >= options.maxObjects());
        }

        /** Writes the batch's versions the catalog does not hold yet. */
        private void flush() {
            if (pending.isEmpty()) {
                return;
            }
            Set<String> held = held(pending);
            Instant now = clock.instant();
            List<WriteRequest> writes = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (ArchiveEntry e : pending) {
                String id = e.key() + "\u0000" + e.versionId();
                if (held.contains(id) || !seen.add(id)) {
                    already++;
                    continue;
                }
                writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(ArchiveTable.objectItem(e, now)).build()).build());
                // A listing made elsewhere may carry tags and metadata: index them as the indexer would.
                for (Map<String, AttributeValue> item : ArchiveTable.attributeItems(e, now).values()) {
                    writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
                }
                indexed++;
            }
            index.write(writes);
            pending.clear();
        }

        private Set<String> held(List<ArchiveEntry> entries) {
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            Set<String> unique = new HashSet<>();
            for (ArchiveEntry e : entries) {
                if (unique.add(e.key() + "\u0000" + e.versionId())) {
                    keys.add(Map.of(PK, s(e.key()), SK, s(e.versionId())));
                }
            }
            Set<String> held = new HashSet<>();
            Map<String, KeysAndAttributes> request = Map.of(index.tableName(),
                    KeysAndAttributes.builder().keys(keys).projectionExpression("#pk, #sk")
                            .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK)).build());
            for (int attempt = 0; attempt < 8 && !request.isEmpty(); attempt++) {
                Map<String, KeysAndAttributes> r = request;
                BatchGetItemResponse response = index.dynamo().batchGetItem(b -> b.requestItems(r));
                for (Map<String, AttributeValue> item : response.responses().getOrDefault(index.tableName(), List.of())) {
                    held.add(item.get(PK).s() + "\u0000" + item.get(SK).s());
                }
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
            if (!request.isEmpty()) {
                throw new IllegalStateException("backfill: DynamoDB left keys unread on table " + index.tableName());
            }
            return held;
        }
    }
}
