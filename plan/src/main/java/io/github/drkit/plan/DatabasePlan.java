package io.github.drkit.plan;

/**
 * An RDS cross-Region read replica that failover promotes to a standalone instance. Failback never demotes it.
 *
 * @param path where it sits in the plan, e.g. {@code databases[0]}, for error messages and reports
 */
public record DatabasePlan(String region, String dbInstanceIdentifier, String path) implements PlanStep {
    /** A database written by a construct, before it has a place in a plan. */
    public DatabasePlan(String region, String dbInstanceIdentifier) {
        this(region, dbInstanceIdentifier, null);
    }


    @Override
    public String kind() {
        return PromoteDatabaseKind.NAME;
    }
}
