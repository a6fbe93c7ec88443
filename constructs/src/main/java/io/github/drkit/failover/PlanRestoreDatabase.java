package io.github.drkit.failover;

import io.github.drkit.internal.plan.Checks;
import io.github.drkit.internal.plan.PlanRules;
import io.github.drkit.internal.plan.RestoreDatabasePermissions;
import io.github.drkit.plan.RestoreDatabaseKind;
import io.github.drkit.plan.RestoreDatabasePlan;
import java.util.List;
import software.amazon.awscdk.Duration;

/**
 * An RDS DB instance that a restore creates in the recovery Region from the latest snapshot of a source instance there
 * (the copies AWS Backup or a snapshot copy left), or from the latest at or before the time the operator gives; with
 * {@code pointInTime}, to the latest restorable time (or the operator's) from the source's automated backups replicated
 * to the recovery Region. The restored instance is never deleted by the runtime: failback lists it for a person.
 */
public final class PlanRestoreDatabase implements RecoveryStep {
    private static final String OWNER = "PlanRestoreDatabase";

    private final String region;
    private final String sourceDbInstanceIdentifier;
    private final String dbInstanceIdentifier;
    private final String dbInstanceClass;
    private final String dbSubnetGroupName;
    private final List<String> vpcSecurityGroupIds;
    private final Duration rpo;
    private final boolean pointInTime;
    private final RestoreDatabasePlan plan;

    private PlanRestoreDatabase(Builder b) {
        this.region = Checks.required(OWNER, "region", b.region);
        this.sourceDbInstanceIdentifier = Checks.required(OWNER, "sourceDbInstanceIdentifier", b.sourceDbInstanceIdentifier);
        this.dbInstanceIdentifier = Checks.required(OWNER, "dbInstanceIdentifier", b.dbInstanceIdentifier);
        this.dbInstanceClass = b.dbInstanceClass;
        this.dbSubnetGroupName = b.dbSubnetGroupName;
        this.vpcSecurityGroupIds = b.vpcSecurityGroupIds == null ? List.of() : List.copyOf(b.vpcSecurityGroupIds);
        this.rpo = b.rpo;
        this.pointInTime = Boolean.TRUE.equals(b.pointInTime);
        Integer rpoSeconds = rpoSeconds(OWNER, rpo);
        String source = pointInTime ? RestoreDatabaseKind.FROM_POINT_IN_TIME : RestoreDatabaseKind.FROM_SNAPSHOT;
        this.plan = PlanRules.check(OWNER, () -> PlanRules.reader().check(new RestoreDatabasePlan(region, sourceDbInstanceIdentifier,
                dbInstanceIdentifier, dbInstanceClass, dbSubnetGroupName, vpcSecurityGroupIds, rpoSeconds, source, null)));
    }

    /** The objective in whole seconds, in the model's range; null when none is given. */
    static Integer rpoSeconds(String owner, Duration rpo) {
        if (rpo == null) {
            return null;
        }
        // In milliseconds: toSeconds() throws on a fraction of a second instead of saying which prop was wrong.
        double seconds = rpo.toMilliseconds().doubleValue() / 1000;
        if (seconds < 1 || seconds > RestoreDatabaseKind.MAX_RPO_SECONDS) {
            throw new IllegalArgumentException(owner + ": rpo must be from 1 second to 365 days (got " + rpo.toHumanString() + ")");
        }
        return (int) seconds;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String getRegion() {
        return region;
    }

    public String getSourceDbInstanceIdentifier() {
        return sourceDbInstanceIdentifier;
    }

    public String getDbInstanceIdentifier() {
        return dbInstanceIdentifier;
    }

    public String getDbInstanceClass() {
        return dbInstanceClass;
    }

    public String getDbSubnetGroupName() {
        return dbSubnetGroupName;
    }

    public List<String> getVpcSecurityGroupIds() {
        return vpcSecurityGroupIds;
    }

    public Duration getRpo() {
        return rpo;
    }

    public boolean getPointInTime() {
        return pointInTime;
    }

    @Override
    public RestoreDatabasePlan toPlan() {
        return plan;
    }

    /** In the {@code data} stage, before compute. */
    @Override
    public String stage() {
        return "data";
    }

    @Override
    public StepPermissions permissions() {
        return RestoreDatabasePermissions.INSTANCE;
    }

    public static final class Builder {
        private String region;
        private String sourceDbInstanceIdentifier;
        private String dbInstanceIdentifier;
        private String dbInstanceClass;
        private String dbSubnetGroupName;
        private List<String> vpcSecurityGroupIds;
        private Duration rpo;
        private Boolean pointInTime;

        private Builder() {
        }

        /** The recovery Region, where the snapshots are and the instance is restored. */
        public Builder region(String v) {
            this.region = v;
            return this;
        }

        /** The instance the snapshots were taken of (copies keep its identifier). */
        public Builder sourceDbInstanceIdentifier(String v) {
            this.sourceDbInstanceIdentifier = v;
            return this;
        }

        /** The instance the restore creates; it must differ from the source's identifier. */
        public Builder dbInstanceIdentifier(String v) {
            this.dbInstanceIdentifier = v;
            return this;
        }

        /**
         * The class of the restored instance.
         *
         * @default the class of the instance the snapshot was taken of
         */
        public Builder dbInstanceClass(String v) {
            this.dbInstanceClass = v;
            return this;
        }

        /**
         * The DB subnet group of the restored instance in the recovery Region.
         *
         * @default the Region's default subnet group
         */
        public Builder dbSubnetGroupName(String v) {
            this.dbSubnetGroupName = v;
            return this;
        }

        /**
         * The VPC security groups of the restored instance, 1 to 5 ids ({@code ISecurityGroup.getSecurityGroupId()}).
         *
         * @default none: RDS gives the restored instance the VPC's default security group
         */
        public Builder vpcSecurityGroupIds(List<String> v) {
            this.vpcSecurityGroupIds = v;
            return this;
        }

        /**
         * The recovery point objective the report holds the chosen snapshot's age to.
         *
         * @default none: the report gives the age without a verdict
         */
        public Builder rpo(Duration v) {
            this.rpo = v;
            return this;
        }

        /**
         * Restore to a point in time from the source's automated backups replicated to {@code region}
         * ({@code StartDBInstanceAutomatedBackupsReplication} on the source) instead of from a snapshot: the latest
         * restorable time, or the operator's {@code before} when it is earlier.
         *
         * @default false: from the latest snapshot in the Region
         */
        public Builder pointInTime(Boolean v) {
            this.pointInTime = v;
            return this;
        }

        public PlanRestoreDatabase build() {
            return new PlanRestoreDatabase(this);
        }
    }
}
