package io.github.drkit.plan;

/**
 * An Aurora global database whose secondary cluster in {@code region} failover makes the writer: a planned switchover
 * when the primary Region answers, the managed unplanned failover when it does not, and detaching the secondary from
 * the global cluster (a standalone writer) when neither managed operation can act. Failback switches the writer back
 * when both clusters are in the global cluster again, and says what a person must do otherwise; it never deletes.
 *
 * @param region                  the recovery Region, where the secondary cluster runs
 * @param globalClusterIdentifier the global cluster's identifier
 * @param dbClusterIdentifier     the secondary cluster, by identifier or ARN
 * @param primaryDbClusterArn     the cluster that is the writer in normal operation; null to take the global
 *                                cluster's writer as AWS reports it
 * @param rpoSeconds              the declared recovery point objective the replication lag at promotion is compared
 *                                with; null when the plan declares none (the lag is then reported alone)
 * @param timeoutSeconds          how long failover and failback wait for the cluster to become the writer
 * @param path                    where it sits in the plan, for error messages and reports
 */
public record GlobalDatabasePlan(String region, String globalClusterIdentifier, String dbClusterIdentifier, String primaryDbClusterArn,
                                 Integer rpoSeconds, int timeoutSeconds, String path) implements PlanStep {
    /** What a step waits for the writer to move when the plan does not say. */
    public static final int DEFAULT_TIMEOUT_SECONDS = 900;

    /** A step written by a construct, before it has a place in a plan. */
    public GlobalDatabasePlan(String region, String globalClusterIdentifier, String dbClusterIdentifier, String primaryDbClusterArn,
                              Integer rpoSeconds, int timeoutSeconds) {
        this(region, globalClusterIdentifier, dbClusterIdentifier, primaryDbClusterArn, rpoSeconds, timeoutSeconds, null);
    }

    @Override
    public String kind() {
        return FailoverGlobalDatabaseKind.NAME;
    }
}
