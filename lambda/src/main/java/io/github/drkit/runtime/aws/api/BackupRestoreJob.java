package io.github.drkit.runtime.aws.api;

import java.time.Instant;

/**
 * An AWS Backup restore job, as ListRestoreJobs and DescribeRestoreJob report it.
 *
 * @param status                {@code PENDING}, {@code RUNNING}, {@code COMPLETED}, {@code ABORTED} or {@code FAILED}
 * @param createdResourceArn    the resource the restore created, once AWS Backup knows it; null before
 * @param restoreTestingPlanArn the restore testing plan that started the job; null for a job started otherwise
 */
public record BackupRestoreJob(String id, String recoveryPointArn, String status, String statusMessage, String createdResourceArn,
                               Instant creationDate, Instant completionDate, String restoreTestingPlanArn) {

    public boolean isCompleted() {
        return "COMPLETED".equals(status);
    }

    /** Aborted or failed: it created nothing to use. */
    public boolean hasFailed() {
        return "ABORTED".equals(status) || "FAILED".equals(status);
    }
}
