package io.github.drkit.runtime.archive;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.drkit.runtime.aws.Deadline;
import io.github.drkit.runtime.aws.DeadlineExceededException;
import io.github.drkit.runtime.aws.api.AthenaApi;
import io.github.drkit.runtime.aws.api.AthenaQuery;
import io.github.drkit.runtime.aws.api.AthenaResultPage;
import io.github.drkit.runtime.aws.api.GlueApi;
import io.github.drkit.runtime.aws.api.GlueTable;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;

/**
 * Searches the archive through its S3 Inventory report with Athena, for archives too large for the catalog's table:
 * the same criteria (less tags, metadata and restore status, which the report does not carry), the same pages.
 *
 * <p>A first page finds the table's files in Glue, picks the newest report delivered (or the one asked for), runs
 * the query and waits for it, until the deadline: then it stops the query and says so. The workgroup's
 * bytes-scanned limit ends a query that reads too much; the error says how much it read. Later pages read the same
 * query's results again (Athena keeps them in the workgroup's result bucket), so a page token costs no new scan.
 */
public final class InventorySearch {
    /** The most rows GetQueryResults returns at once. */
    static final int MAX_RESULTS = 1000;
    private static final Duration FIRST_POLL = Duration.ofMillis(250);
    private static final Duration MAX_POLL = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How Athena writes a timestamp in a result: {@code 2019-06-01 10:00:00.000}. */
    private static final DateTimeFormatter ATHENA_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSSSSS][.SSSSSS][.SSS]",
            Locale.ROOT);

    private final AthenaApi athena;
    private final GlueApi glue;
    private final S3Client s3;
    private final InventoryTable table;
    private final Consumer<String> progress;

    /**
     * @param s3       lists the report's {@code dt=} folders to find the newest
     * @param progress receives a line per wait ("waiting for Athena query ..."), for a CLI's stderr
     */
    public InventorySearch(AthenaApi athena, GlueApi glue, S3Client s3, InventoryTable table, Consumer<String> progress) {
        this.athena = Objects.requireNonNull(athena, "athena");
        this.glue = Objects.requireNonNull(glue, "glue");
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.table = Objects.requireNonNull(table, "table");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** One page of entries matching {@code criteria}; the query runs only for a first page, within {@code deadline}. */
    public SearchPage search(SearchCriteria criteria, Deadline deadline) {
        InventorySql.refuseWhatInventoryLacks(criteria);
        String fingerprint = ArchiveSearch.fingerprint(criteria);
        if (criteria.pageToken() != null) {
            Token token = Token.decode(criteria.pageToken(), fingerprint);
            return page(token.queryId(), token.nextToken(), false, criteria, fingerprint, token.plan(), 0, 1);
        }
        GlueTable glueTable = glue.table(table.region(), table.database(), table.table());
        String snapshot = table.snapshot() != null ? table.snapshot() : newestSnapshot(glueTable);
        String sql = InventorySql.search(criteria, table.database(), table.table(), snapshot);
        String queryId = athena.startQuery(table.region(), table.workGroup(), table.database(), sql);
        int[] requests = {2};
        AthenaQuery done = await(queryId, deadline, requests);
        String plan = "athena " + table.workGroup() + " [" + table.describe() + " dt=" + snapshot + "] query " + queryId;
        return page(queryId, null, true, criteria, fingerprint, plan, done.bytesScanned(), requests[0] + 1);
    }

    /** The newest {@code dt=} folder under the table's location: the last report S3 delivered. */
    String newestSnapshot(GlueTable glueTable) {
        String location = glueTable.location();
        if (location == null || !location.startsWith("s3://") || location.indexOf('/', 5) < 0) {
            throw new ArchiveException(ArchiveException.Reason.NOT_FOUND, "search: the Glue table " + table.describe()
                    + " has no S3 location (got '" + location + "'); it must point at the inventory report's hive/ folder");
        }
        String bucket = location.substring(5, location.indexOf('/', 5));
        String prefix = location.substring(location.indexOf('/', 5) + 1);
        prefix = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
        String newest = null;
        String continuation = null;
        do {
            String from = continuation;
            String under = prefix;
            ListObjectsV2Response page = s3.listObjectsV2(b -> b.bucket(bucket).prefix(under + "dt=").delimiter("/")
                    .continuationToken(from));
            for (CommonPrefix p : page.commonPrefixes()) {
                String dt = p.prefix().substring(under.length() + 3, p.prefix().length() - 1);
                if (newest == null || dt.compareTo(newest) > 0) {
                    newest = dt;
                }
            }
            continuation = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (continuation != null);
        if (newest == null) {
            throw new ArchiveException(ArchiveException.Reason.NOT_FOUND, "search: no S3 Inventory report has been delivered under "
                    + location + " yet; S3 delivers the first within 48 hours of the inventory's configuration");
        }
        return newest;
    }

    private AthenaQuery await(String queryId, Deadline deadline, int[] requests) {
        Duration pause = FIRST_POLL;
        while (true) {
            AthenaQuery q = athena.query(table.region(), queryId);
            requests[0]++;
            if (q.done()) {
                return finished(q);
            }
            if (deadline.expired() || deadline.remaining().compareTo(pause) < 0) {
                String stopped;
                try {
                    athena.stopQuery(table.region(), queryId);
                    stopped = "the query was stopped";
                } catch (RuntimeException e) {
                    // The deadline is the news; a query left running is bounded by the workgroup's bytes-scanned limit.
                    stopped = "stopping it failed (" + e.getMessage() + "), so it may run on up to the workgroup's bytes-scanned limit";
                }
                throw new DeadlineExceededException("search: deadline of " + deadline.describe() + " reached waiting for Athena query "
                        + queryId + " in workgroup " + table.workGroup() + " (" + q.state() + ", " + q.bytesScanned()
                        + " bytes scanned so far); " + stopped + ". Give the search more time (--deadline) or narrow it");
            }
            progress.accept("waiting for Athena query " + queryId + " (" + q.state() + ", " + q.bytesScanned() + " bytes scanned so far); "
                    + deadline.remaining().toSeconds() + " s left");
            sleep(pause);
            pause = pause.multipliedBy(2).compareTo(MAX_POLL) > 0 ? MAX_POLL : pause.multipliedBy(2);
        }
    }

    private AthenaQuery finished(AthenaQuery q) {
        if ("SUCCEEDED".equals(q.state())) {
            return q;
        }
        String reason = q.reason() == null ? "no reason given" : q.reason();
        if (reason.toLowerCase(Locale.ROOT).contains("bytes scanned limit")) {
            throw ArchiveException.invalid("search: Athena stopped query " + q.id() + " after it scanned " + q.bytesScanned()
                    + " bytes: the workgroup " + table.workGroup() + " allows less per query (BytesScannedCutoffPerQuery). "
                    + "Narrow the search with --prefix or --key, or raise the limit (ArchiveCatalog inventorySearch bytesScannedCutoff)");
        }
        throw new IllegalStateException("search: Athena query " + q.id() + " in workgroup " + table.workGroup() + " ended "
                + q.state() + ": " + reason);
    }

    private SearchPage page(String queryId, String athenaToken, boolean first, SearchCriteria criteria, String fingerprint,
                            String plan, long bytesScanned, int requests) {
        // The first page of results starts with the header row: ask for one more.
        int max = Math.min(MAX_RESULTS, criteria.pageSize() + (first ? 1 : 0));
        AthenaResultPage results = athena.results(table.region(), queryId, athenaToken, max);
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < results.columns().size(); i++) {
            at.put(results.columns().get(i), i);
        }
        for (String column : InventorySql.COLUMNS) {
            if (!at.containsKey(column)) {
                throw new IllegalStateException("search: Athena query " + queryId + " answered without column " + column
                        + " (got " + results.columns() + ")");
            }
        }
        List<ArchiveEntry> entries = new ArrayList<>();
        for (List<String> row : results.rows()) {
            if (first && entries.isEmpty() && row.equals(results.columns())) {
                continue;
            }
            entries.add(entry(row, at));
        }
        String next = results.nextToken() == null ? null : new Token(fingerprint, queryId, results.nextToken(), plan).encode();
        return new SearchPage(entries, next, plan, requests, bytesScanned);
    }

    private static ArchiveEntry entry(List<String> row, Map<String, Integer> at) {
        String eTag = row.get(at.get("e_tag"));
        String size = row.get(at.get("size"));
        return new ArchiveEntry(row.get(at.get("bucket")), row.get(at.get("key")), row.get(at.get("version_id")),
                size == null ? 0 : Long.parseLong(size), row.get(at.get("storage_class")),
                eTag == null ? null : eTag.replace("\"", ""), null, Map.of(), Map.of(),
                time(row.get(at.get("last_modified_date"))), RestoreStatus.NONE, null, null, null,
                row.get(at.get("deleted_at")) == null ? null : time(row.get(at.get("deleted_at"))));
    }

    /** Athena writes a timestamp as {@code 2019-06-01 10:00:00.000} (UTC, the session zone); an ISO instant is read too. */
    static Instant time(String value) {
        if (value == null) {
            throw new IllegalStateException("search: an inventory row has no last_modified_date");
        }
        try {
            return LocalDateTime.parse(value, ATHENA_TIMESTAMP).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notAthena) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException notIso) {
                throw new IllegalStateException("search: an inventory row's time is neither Athena's nor ISO 8601 (got '" + value + "')");
            }
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an Athena query", e);
        }
    }

    /** Where the next page starts: the search it belongs to, the query, Athena's own token, the plan shown. */
    record Token(String fingerprint, String queryId, String nextToken, String plan) {
        String encode() {
            ObjectNode node = JSON.createObjectNode();
            node.put("f", fingerprint);
            node.put("q", queryId);
            node.put("n", nextToken);
            node.put("plan", plan);
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
                node = null;
            }
            if (node == null || !node.path("f").isTextual()) {
                throw ArchiveException.invalid("search: pageToken is not a token this search issued (got '" + abbreviate(token) + "')");
            }
            if (!node.path("q").isTextual() || !node.path("n").isTextual()) {
                throw ArchiveException.invalid("search: pageToken was issued by the catalog's search, not the inventory's; "
                        + "repeat it without --engine athena, or drop it to start again");
            }
            if (!expectedFingerprint.equals(node.path("f").asText())) {
                throw ArchiveException.invalid("search: pageToken was issued for a different search; repeat the same criteria "
                        + "with it, or drop it to start again");
            }
            return new Token(node.path("f").asText(), node.path("q").asText(), node.path("n").asText(), node.path("plan").asText());
        }

        private static String abbreviate(String s) {
            return s.length() <= 24 ? s : s.substring(0, 24) + "...";
        }
    }
}
