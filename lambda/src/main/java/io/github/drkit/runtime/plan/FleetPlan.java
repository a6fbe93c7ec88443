package io.github.drkit.runtime.plan;

import java.util.List;

/**
 * An Auto Scaling group that runs at {@code standby} capacity in normal operation and at {@code recovery}
 * capacity after failover, optionally on a larger instance type (vertical scaling through a new launch
 * template version).
 *
 * @param standbyInstanceType  the type failback returns to; null when the fleet does not scale vertically
 * @param recoveryInstanceType the type failover moves to; null when the fleet does not scale vertically
 * @param minHealthy           InService instances (and healthy targets per target group) required before
 *                             traffic moves; defaults to {@code recovery.min}
 */
public record FleetPlan(String region, String autoScalingGroupName, Capacity standby, Capacity recovery,
                        String standbyInstanceType, String recoveryInstanceType, int minHealthy,
                        List<String> targetGroupArns, String path) {
    public FleetPlan {
        targetGroupArns = List.copyOf(targetGroupArns);
    }

    /** True when failover changes the instance type, not just the count. */
    public boolean scalesVertically() {
        return recoveryInstanceType != null;
    }
}
