package io.github.drkit.plan;

/**
 * An EKS managed node group whose scaling configuration is {@code standby} in normal operation and {@code recovery}
 * after failover.
 *
 * @param clusterName          the EKS cluster's name in {@code region}
 * @param nodegroupName        the managed node group's name in that cluster
 * @param updateTimeoutSeconds how long failover and failback wait for the node group to be ACTIVE with the scaling
 *                             update done
 */
public record NodegroupPlan(String region, String clusterName, String nodegroupName, Capacity standby, Capacity recovery,
                            int updateTimeoutSeconds, String path) implements PlanStep {

    /** A node group written by a construct, before it has a place in a plan. */
    public NodegroupPlan(String region, String clusterName, String nodegroupName, Capacity standby, Capacity recovery,
                         int updateTimeoutSeconds) {
        this(region, clusterName, nodegroupName, standby, recovery, updateTimeoutSeconds, null);
    }

    @Override
    public String kind() {
        return ScaleNodegroupKind.NAME;
    }
}
