package io.github.drkit.plan;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A protected resource that a restore recreates in the recovery Region from a recovery point in an AWS Backup vault
 * there ({@code StartRestoreJob}): the latest completed point of the resource, or the latest at or before the time the
 * operator gives. What is restored is new (a volume, an instance, a table, a file system); the source is never
 * overwritten, and the restored resource is never deleted by the runtime.
 *
 * @param backupVaultName the vault in the step's Region that holds the recovery points (copies there keep their source's ARN)
 * @param resourceType    AWS Backup's name of the resource type, one of {@link RestoreMetadataRules#types()}
 * @param resourceArn     the ARN of the protected (source) resource whose recovery points are restored
 * @param restoreRoleArn  the role AWS Backup assumes to create the restored resource
 * @param restoreMetadata the restore metadata AWS documents for the resource type, passed to StartRestoreJob as is
 * @param rpoSeconds      the recovery point objective the report holds the chosen point's age to; null for none
 */
public record RestoreBackupPlan(String region, String backupVaultName, String resourceType, String resourceArn, String restoreRoleArn,
                                Map<String, String> restoreMetadata, Integer rpoSeconds, String path) implements PlanStep {
    public RestoreBackupPlan {
        restoreMetadata = Collections.unmodifiableMap(new TreeMap<>(restoreMetadata));
    }

    /** A step written by a construct, before it has a place in a plan. */
    public RestoreBackupPlan(String region, String backupVaultName, String resourceType, String resourceArn, String restoreRoleArn,
                             Map<String, String> restoreMetadata, Integer rpoSeconds) {
        this(region, backupVaultName, resourceType, resourceArn, restoreRoleArn, restoreMetadata, rpoSeconds, null);
    }

    @Override
    public String kind() {
        return RestoreBackupKind.NAME;
    }
}
