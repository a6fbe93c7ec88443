package io.github.drkit.plan;

/**
 * An ECS service that runs {@code standbyDesiredCount} tasks in normal operation and {@code recoveryDesiredCount}
 * after failover, or a share of what the primary Region's service last asked for when the plan names that service
 * and the primary Region answers.
 *
 * @param cluster                  the cluster's name in {@code region}
 * @param service                  the service's name in that cluster
 * @param recoveryPercentOfPrimary 1-100: failover asks for this share (rounded up) of the primary service's desired
 *                                 count when the primary Region answers; null to always use {@code recoveryDesiredCount}
 * @param primaryRegion            where the primary service runs; null unless {@code recoveryPercentOfPrimary} is set
 * @param primaryCluster           the primary service's cluster; null unless {@code recoveryPercentOfPrimary} is set
 * @param primaryService           the primary service's name; null unless {@code recoveryPercentOfPrimary} is set
 * @param steadyStateTimeoutSeconds how long failover and failback wait for the service to reach steady state
 */
public record ServicePlan(String region, String cluster, String service, int standbyDesiredCount, int recoveryDesiredCount,
                          Integer recoveryPercentOfPrimary, String primaryRegion, String primaryCluster, String primaryService,
                          int steadyStateTimeoutSeconds, String path) implements PlanStep {

    /** A service written by a construct, before it has a place in a plan. */
    public ServicePlan(String region, String cluster, String service, int standbyDesiredCount, int recoveryDesiredCount,
                       Integer recoveryPercentOfPrimary, String primaryRegion, String primaryCluster, String primaryService,
                       int steadyStateTimeoutSeconds) {
        this(region, cluster, service, standbyDesiredCount, recoveryDesiredCount, recoveryPercentOfPrimary, primaryRegion,
                primaryCluster, primaryService, steadyStateTimeoutSeconds, null);
    }

    /** True when failover sizes the service from the primary's desired count when it can read it. */
    public boolean followsPrimary() {
        return recoveryPercentOfPrimary != null;
    }

    /**
     * The desired count failover asks for, given the primary service's desired count (null when it could not be read,
     * or when the plan does not follow the primary): the plan's share of it rounded up, never below
     * {@code standbyDesiredCount}; {@code recoveryDesiredCount} when the primary is unknown or asks for no task.
     */
    public int recoveryCount(Integer primaryDesiredCount) {
        if (!followsPrimary() || primaryDesiredCount == null || primaryDesiredCount <= 0) {
            return recoveryDesiredCount;
        }
        long share = ((long) primaryDesiredCount * recoveryPercentOfPrimary + 99) / 100;
        return (int) Math.min(Capacity.LIMIT, Math.max(standbyDesiredCount, share));
    }

    @Override
    public String kind() {
        return ScaleServiceKind.NAME;
    }
}
