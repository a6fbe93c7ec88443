package io.github.drkit.plan;

/**
 * A DynamoDB global table whose replica in {@code region} must be ready before traffic moves there: the replica is
 * ACTIVE and the replication latency from {@code sourceRegion} is within {@code rpoSeconds}. A gate: it changes
 * nothing. Failback checks the other way round (the replica in {@code sourceRegion}, fed from {@code region}) before
 * traffic moves back.
 *
 * @param region       the Region traffic moves to on failover
 * @param tableName    the table's name, the same in every Region of a global table
 * @param sourceRegion the Region whose writes replicate to {@code region} in normal operation
 * @param rpoSeconds   the most replication latency the gate lets pass
 * @param path         where it sits in the plan, for error messages and reports
 */
public record GlobalTablePlan(String region, String tableName, String sourceRegion, int rpoSeconds, String path) implements PlanStep {
    /** A step written by a construct, before it has a place in a plan. */
    public GlobalTablePlan(String region, String tableName, String sourceRegion, int rpoSeconds) {
        this(region, tableName, sourceRegion, rpoSeconds, null);
    }

    @Override
    public String kind() {
        return CheckGlobalTableKind.NAME;
    }
}
