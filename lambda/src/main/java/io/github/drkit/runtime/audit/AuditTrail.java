package io.github.drkit.runtime.audit;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import io.github.drkit.runtime.aws.AwsClients;
import io.github.drkit.runtime.aws.CallLog;
import io.github.drkit.runtime.aws.Deadline;

/**
 * Keeps the JSON report of every run in a bucket, at
 * {@code <application>/<action>/<yyyy>/<mm>/<dd>/<yyyyMMdd'T'HHmmss.SSS'Z'>-<run id>.json} (the run's start, to the millisecond, so
 * that two runs of one recovery, a dry run and the run, do not share a key), so that the last failover's report
 * is the last key under {@code <application>/failover/}, and the runs of one recovery (a failover that stopped for approval
 * and the one that continued it) end in the same run id. The Lambda request id of the invocation that made the report is
 * the object's metadata {@value #REQUEST_ID} ({@code x-amz-meta-request-id}). A failed upload is said in the answer, never
 * thrown: the recovery itself stands whatever becomes of its record.
 */
public final class AuditTrail {
    /** The object metadata that names the invocation's request id. */
    public static final String REQUEST_ID = "request-id";
    /** How long the upload may take, after the run itself. */
    static final Duration BUDGET = Duration.ofSeconds(10);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);
    /** What a key part may hold: what S3 keys and URI paths carry as they are. */
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");

    private final AwsClients aws;
    private final String bucket;
    private final String region;

    /**
     * @param bucket the audit bucket; it must be in {@code region}
     * @param region the bucket's Region, typically the function's own
     */
    public AuditTrail(AwsClients aws, String bucket, String region) {
        this.aws = Objects.requireNonNull(aws, "aws");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.region = Objects.requireNonNull(region, "region");
    }

    /** The key a report of {@code action} started at {@code at} gets. */
    public static String key(String application, String action, Instant at, String runId) {
        return safe(application) + "/" + safe(action) + "/" + DAY.format(at) + "/" + TIME.format(at) + "-" + safe(runId) + ".json";
    }

    /**
     * Puts the report; returns where it went ({@code s3://bucket/key}) or why it did not.
     *
     * @param runId     the report's run id
     * @param requestId the invocation's request id, kept as the object's metadata; null when there is none
     * @param json      the report as the run returns it
     */
    public String keep(String application, String action, Instant at, String runId, String requestId, String json) {
        String key = key(application, action, at, runId);
        Map<String, String> metadata = requestId == null ? Map.of() : Map.of(REQUEST_ID, safe(requestId));
        try {
            new CallLog(Deadline.after(BUDGET)).bind(() -> {
                aws.s3().putObject(region, bucket, key, json, "application/json", metadata);
                return null;
            });
            return "s3://" + bucket + "/" + key;
        } catch (RuntimeException e) {
            return "not kept in s3://" + bucket + "/" + key + ": " + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + " (the run itself is unaffected)";
        }
    }

    private static String safe(String part) {
        String cleaned = UNSAFE.matcher(part == null || part.isEmpty() ? "unnamed" : part).replaceAll("-");
        return cleaned.length() > 128 ? cleaned.substring(0, 128) : cleaned;
    }
}
