package io.github.drkit.plan;

import java.util.List;

/**
 * An RDS DB instance that a restore creates in the recovery Region from the latest snapshot of a source instance that
 * is there (a copy made by AWS Backup or by a snapshot copy), or from the latest taken at or before the time the
 * operator gives; or, with {@code source} {@code pointInTime}, to the latest restorable time (or the operator's time)
 * from the source's automated backups replicated there. The restored instance is never deleted by the runtime:
 * failback lists it for a person.
 *
 * @param sourceDbInstanceIdentifier the instance the snapshots were taken of (snapshots keep its identifier when copied)
 * @param dbInstanceIdentifier       the instance the restore creates
 * @param dbInstanceClass            the class of the restored instance; null keeps the snapshot's instance's class
 * @param dbSubnetGroupName          the subnet group in the recovery Region; null for the Region's default
 * @param vpcSecurityGroupIds        the VPC security groups of the restored instance; empty for the VPC's default group
 * @param rpoSeconds                 the recovery point objective the report holds the chosen snapshot's age to; null for none
 * @param source                     {@value RestoreDatabaseKind#FROM_SNAPSHOT} or {@value RestoreDatabaseKind#FROM_POINT_IN_TIME}
 * @param path                       where it sits in the plan, for error messages and reports
 */
public record RestoreDatabasePlan(String region, String sourceDbInstanceIdentifier, String dbInstanceIdentifier,
                                  String dbInstanceClass, String dbSubnetGroupName, List<String> vpcSecurityGroupIds, Integer rpoSeconds,
                                  String source, String path)
        implements PlanStep {
    public RestoreDatabasePlan {
        vpcSecurityGroupIds = vpcSecurityGroupIds == null ? List.of() : List.copyOf(vpcSecurityGroupIds);
        source = source == null ? RestoreDatabaseKind.FROM_SNAPSHOT : source;
    }

    /** A step without security groups of its own: the restored instance gets the VPC's default group. */
    public RestoreDatabasePlan(String region, String sourceDbInstanceIdentifier, String dbInstanceIdentifier,
                               String dbInstanceClass, String dbSubnetGroupName, Integer rpoSeconds, String source, String path) {
        this(region, sourceDbInstanceIdentifier, dbInstanceIdentifier, dbInstanceClass, dbSubnetGroupName, null, rpoSeconds, source, path);
    }

    /** A step that restores from a snapshot, at its place in a plan. */
    public RestoreDatabasePlan(String region, String sourceDbInstanceIdentifier, String dbInstanceIdentifier,
                               String dbInstanceClass, String dbSubnetGroupName, Integer rpoSeconds, String path) {
        this(region, sourceDbInstanceIdentifier, dbInstanceIdentifier, dbInstanceClass, dbSubnetGroupName, rpoSeconds, null, path);
    }

    /** A step written by a construct, before it has a place in a plan. */
    public RestoreDatabasePlan(String region, String sourceDbInstanceIdentifier, String dbInstanceIdentifier,
                               String dbInstanceClass, String dbSubnetGroupName, Integer rpoSeconds) {
        this(region, sourceDbInstanceIdentifier, dbInstanceIdentifier, dbInstanceClass, dbSubnetGroupName, rpoSeconds, null, null);
    }

    /** True when the step restores to a point in time from replicated automated backups, not from a snapshot. */
    public boolean pointInTime() {
        return RestoreDatabaseKind.FROM_POINT_IN_TIME.equals(source);
    }

    @Override
    public String kind() {
        return RestoreDatabaseKind.NAME;
    }
}
