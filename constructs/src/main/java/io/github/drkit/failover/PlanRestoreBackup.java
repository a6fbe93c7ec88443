package io.github.drkit.failover;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.drkit.internal.plan.Checks;
import io.github.drkit.internal.plan.PlanRules;
import io.github.drkit.internal.plan.RestoreBackupPermissions;
import io.github.drkit.plan.RestoreBackupPlan;
import software.amazon.awscdk.Duration;

/**
 * A protected resource that a restore recreates in the recovery Region through AWS Backup ({@code StartRestoreJob}) from
 * the latest completed recovery point of it in a vault there (the copies a {@code BackupVault} copy rule leaves), or from
 * the latest at or before the time the operator gives. The restore metadata is the one AWS Backup documents for the
 * resource type (EBS, EC2, RDS, Aurora, DynamoDB, EFS), checked here as the runtime checks it. The restored resource is
 * never deleted by the runtime: failback lists it for a person.
 */
public final class PlanRestoreBackup implements RecoveryStep {
    private static final String OWNER = "PlanRestoreBackup";

    private final String region;
    private final String backupVaultName;
    private final String resourceType;
    private final String resourceArn;
    private final String restoreRoleArn;
    private final Map<String, String> restoreMetadata;
    private final Duration rpo;
    private final RestoreBackupPlan plan;

    private PlanRestoreBackup(Builder b) {
        this.region = Checks.required(OWNER, "region", b.region);
        this.backupVaultName = Checks.required(OWNER, "backupVaultName", b.backupVaultName);
        this.resourceType = Checks.required(OWNER, "resourceType", b.resourceType);
        this.resourceArn = Checks.required(OWNER, "resourceArn", b.resourceArn);
        this.restoreRoleArn = Checks.required(OWNER, "restoreRoleArn", b.restoreRoleArn);
        this.restoreMetadata = Map.copyOf(b.restoreMetadata);
        this.rpo = b.rpo;
        Integer rpoSeconds = PlanRestoreDatabase.rpoSeconds(OWNER, rpo);
        this.plan = PlanRules.check(OWNER, () -> PlanRules.reader().check(new RestoreBackupPlan(region, backupVaultName, resourceType, resourceArn,
                restoreRoleArn, restoreMetadata, rpoSeconds)));
    }

    public static Builder builder() {
        return new Builder();
    }

    public String getRegion() {
        return region;
    }

    public String getBackupVaultName() {
        return backupVaultName;
    }

    public String getResourceType() {
        return resourceType;
    }

    public String getResourceArn() {
        return resourceArn;
    }

    public String getRestoreRoleArn() {
        return restoreRoleArn;
    }

    public Map<String, String> getRestoreMetadata() {
        return restoreMetadata;
    }

    public Duration getRpo() {
        return rpo;
    }

    @Override
    public RestoreBackupPlan toPlan() {
        return plan;
    }

    /** In the {@code data} stage, before compute. */
    @Override
    public String stage() {
        return "data";
    }

    @Override
    public StepPermissions permissions() {
        return RestoreBackupPermissions.INSTANCE;
    }

    public static final class Builder {
        private String region;
        private String backupVaultName;
        private String resourceType;
        private String resourceArn;
        private String restoreRoleArn;
        private final Map<String, String> restoreMetadata = new LinkedHashMap<>();
        private Duration rpo;

        private Builder() {
        }

        /** The recovery Region, where the vault holds the recovery points and the resource is restored. */
        public Builder region(String v) {
            this.region = v;
            return this;
        }

        /** The AWS Backup vault in the recovery Region that holds the recovery points (a copy rule's destination). */
        public Builder backupVaultName(String v) {
            this.backupVaultName = v;
            return this;
        }

        /** AWS Backup's name of the resource type: EBS, EC2, RDS, Aurora, DynamoDB or EFS. */
        public Builder resourceType(String v) {
            this.resourceType = v;
            return this;
        }

        /** The ARN of the protected (source) resource; copies in the recovery vault keep it. */
        public Builder resourceArn(String v) {
            this.resourceArn = v;
            return this;
        }

        /** The role AWS Backup assumes to create the restored resource; the failover role may pass it to AWS Backup only. */
        public Builder restoreRoleArn(String v) {
            this.restoreRoleArn = v;
            return this;
        }

        /**
         * The restore metadata AWS Backup documents for the resource type (availabilityZone for EBS, DBInstanceIdentifier
         * for RDS, DBClusterIdentifier and Engine for Aurora, targetTableName for DynamoDB, file-system-id and
         * newFileSystem=true for EFS, ...).
         *
         * @default none: only a type without required keys (EC2) restores with AWS Backup's defaults
         */
        public Builder restoreMetadata(Map<String, String> v) {
            this.restoreMetadata.clear();
            if (v != null) {
                this.restoreMetadata.putAll(v);
            }
            return this;
        }

        /**
         * The recovery point objective the report holds the chosen point's age to.
         *
         * @default none: the report gives the age without a verdict
         */
        public Builder rpo(Duration v) {
            this.rpo = v;
            return this;
        }

        public PlanRestoreBackup build() {
            return new PlanRestoreBackup(this);
        }
    }
}
