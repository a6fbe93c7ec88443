package io.github.drkit.plan;

/**
 * An RDS DB instance that a restore creates in the recovery Region from the latest snapshot of a source instance that
 * is there (a copy made by AWS Backup or by a snapshot copy), or from the latest taken at or before the time the
 * operator gives. The restored instance is never deleted by the runtime: failback lists it for a person.
 *
 * @param sourceDbInstanceIdentifier the instance the snapshots were taken of (snapshots keep its identifier when copied)
 * @param dbInstanceIdentifier       the instance the restore creates
 * @param dbInstanceClass            the class of the restored instance; null keeps the snapshot's instance's class
 * @param dbSubnetGroupName          the subnet group in the recovery Region; null for the Region's default
 * @param rpoSeconds                 the recovery point objective the report holds the chosen snapshot's age to; null for none
 * @param path                       where it sits in the plan, for error messages and reports
 */
public record RestoreDatabasePlan(String region, String sourceDbInstanceIdentifier, String dbInstanceIdentifier,
                                  String dbInstanceClass, String dbSubnetGroupName, Integer rpoSeconds, String path)
        implements PlanStep {
    /** A step written by a construct, before it has a place in a plan. */
    public RestoreDatabasePlan(String region, String sourceDbInstanceIdentifier, String dbInstanceIdentifier,
                               String dbInstanceClass, String dbSubnetGroupName, Integer rpoSeconds) {
        this(region, sourceDbInstanceIdentifier, dbInstanceIdentifier, dbInstanceClass, dbSubnetGroupName, rpoSeconds, null);
    }

    @Override
    public String kind() {
        return RestoreDatabaseKind.NAME;
    }
}
