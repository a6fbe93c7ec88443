package io.github.drkit.runtime.aws.api;

import java.time.Instant;

/**
 * A recovery point in an AWS Backup vault, as ListRecoveryPointsByBackupVault lists it.
 *
 * @param arn          the recovery point's ARN, which StartRestoreJob restores
 * @param resourceArn  the resource it was taken of (a copy keeps its source's)
 * @param resourceType AWS Backup's name of the type: {@code EBS}, {@code EC2}, {@code RDS}, {@code Aurora}, {@code DynamoDB}, {@code EFS} ...
 * @param status       {@code COMPLETED}, {@code PARTIAL}, {@code DELETING}, {@code EXPIRED}, {@code AVAILABLE}, {@code STOPPED} or {@code CREATING}
 * @param creationDate when the backup began: the time of the point's data; null when the answer has none
 */
public record BackupRecoveryPoint(String arn, String resourceArn, String resourceType, String status, Instant creationDate) {

    public boolean isCompleted() {
        return "COMPLETED".equals(status);
    }
}
