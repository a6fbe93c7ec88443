package io.github.drkit.runtime.aws.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.drkit.runtime.aws.RestJsonProtocol;

/**
 * The AWS Backup operations of the runtime: what a restore needs (the recovery points of a vault, the restore jobs of the
 * Region, starting a restore job and following it) and the validation result of a restore testing job.
 */
public final class BackupApi {
    /** Restore job ids are UUIDs; anything else is refused before it becomes part of a request path. */
    private static final Pattern RESTORE_JOB_ID = Pattern.compile("[A-Za-z0-9-]{1,128}");
    /**
     * The most pages a listing reads: far more than one resource's points or a Region's recent restore jobs fill, and a
     * bound on a service that keeps answering with a next token.
     */
    public static final int MAX_PAGES = 100;

    private final RestJsonProtocol json;

    public BackupApi(RestJsonProtocol json) {
        this.json = json;
    }

    /**
     * Every recovery point of one resource in a vault, all pages. An unknown vault fails with error code
     * {@code ResourceNotFoundException}.
     *
     * @throws IllegalStateException after {@link #MAX_PAGES} pages with a next token
     */
    public List<BackupRecoveryPoint> recoveryPoints(String region, String vaultName, String resourceArn) {
        List<BackupRecoveryPoint> points = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            if (++pages > MAX_PAGES) {
                throw new IllegalStateException("ListRecoveryPointsByBackupVault of " + resourceArn + " in vault '" + vaultName + "' (" + region
                        + ") returned more than " + MAX_PAGES + " pages; stopped listing, nothing"
                        + " restored");
            }
            Map<String, List<String>> query = new LinkedHashMap<>();
            query.put("resourceArn", List.of(resourceArn));
            if (token != null) {
                query.put("nextToken", List.of(token));
            }
            JsonNode page = json.get(region, "ListRecoveryPointsByBackupVault", "/backup-vaults/" + vaultName + "/recovery-points/", query);
            for (JsonNode p : page.path("RecoveryPoints")) {
                points.add(new BackupRecoveryPoint(text(p, "RecoveryPointArn"), text(p, "ResourceArn"), text(p, "ResourceType"),
                        text(p, "Status"), time(p.path("CreationDate"))));
            }
            token = text(page, "NextToken");
        } while (token != null && !token.isEmpty());
        return points;
    }

    /**
     * The restore jobs of one resource type created at or after {@code createdAfter} in the Region, all pages: where a
     * restore looks for the job an earlier run started.
     *
     * @throws IllegalStateException after {@link #MAX_PAGES} pages with a next token
     */
    public List<BackupRestoreJob> restoreJobs(String region, String resourceType, Instant createdAfter) {
        List<BackupRestoreJob> jobs = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            if (++pages > MAX_PAGES) {
                throw new IllegalStateException("ListRestoreJobs of " + resourceType + " in " + region + " created after " + createdAfter
                        + " returned more than " + MAX_PAGES + " pages; stopped listing: the step cannot tell whether a job of its own"
                        + " exists, so it starts none");
            }
            Map<String, List<String>> query = new LinkedHashMap<>();
            query.put("resourceType", List.of(resourceType));
            query.put("createdAfter", List.of(createdAfter.toString()));
            if (token != null) {
                query.put("nextToken", List.of(token));
            }
            JsonNode page = json.get(region, "ListRestoreJobs", "/restore-jobs/", query);
            for (JsonNode j : page.path("RestoreJobs")) {
                jobs.add(job(j));
            }
            token = text(page, "NextToken");
        } while (token != null && !token.isEmpty());
        return jobs;
    }

    /**
     * Starts restoring a recovery point; returns the job's id. The idempotency token makes a retried request one job
     * (AWS Backup keeps the token for an hour).
     */
    public String startRestoreJob(String region, String recoveryPointArn, String roleArn, String resourceType, Map<String, String> metadata,
                                  String idempotencyToken) {
        ObjectNode input = RestJsonProtocol.object();
        input.put("RecoveryPointArn", recoveryPointArn);
        ObjectNode m = input.putObject("Metadata");
        new TreeMap<>(metadata).forEach(m::put);
        input.put("IamRoleArn", roleArn);
        input.put("IdempotencyToken", idempotencyToken);
        input.put("ResourceType", resourceType);
        return text(json.put(region, "StartRestoreJob", "/restore-jobs", input), "RestoreJobId");
    }

    /** A restore job as it stands now; an unknown job fails with error code {@code ResourceNotFoundException}. */
    public BackupRestoreJob describeRestoreJob(String region, String restoreJobId) {
        return job(json.get(region, "DescribeRestoreJob", "/restore-jobs/" + restoreJobId, Map.of()));
    }

    private static BackupRestoreJob job(JsonNode j) {
        return new BackupRestoreJob(text(j, "RestoreJobId"), text(j, "RecoveryPointArn"), text(j, "Status"), text(j, "StatusMessage"),
                text(j, "CreatedResourceArn"), time(j.path("CreationDate")), time(j.path("CompletionDate")),
                text(j.path("CreatedBy"), "RestoreTestingPlanArn"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }

    /** REST-JSON timestamps are epoch seconds with a fraction; to the millisecond, as the SDK reads them. */
    private static Instant time(JsonNode v) {
        if (v.isMissingNode() || v.isNull()) {
            return null;
        }
        if (v.isTextual()) {
            return Instant.parse(v.asText());
        }
        return Instant.ofEpochMilli(v.decimalValue().multiply(BigDecimal.valueOf(1000)).longValue());
    }

    /**
     * Reports the validation of a restore testing job; AWS Backup shows it on the job and deletes the restored resource
     * once validation is final or the validation window closes. An unknown job fails with {@code ResourceNotFoundException}.
     *
     * @param message what was checked and what was found; null for none
     * @throws IllegalArgumentException for a job id that is not letters, digits and '-', before any call
     */
    public void putRestoreValidationResult(String region, String restoreJobId, RestoreValidationStatus status, String message) {
        if (restoreJobId == null || !RESTORE_JOB_ID.matcher(restoreJobId).matches()) {
            throw new IllegalArgumentException("restoreJobId must be 1 to 128 letters, digits or '-' (got '" + restoreJobId + "')");
        }
        var input = RestJsonProtocol.object().put("ValidationStatus", status.name());
        if (message != null) {
            input.put("ValidationStatusMessage", message);
        }
        json.put(region, "PutRestoreValidationResult", "/restore-jobs/" + restoreJobId + "/validations", input);
    }
}
