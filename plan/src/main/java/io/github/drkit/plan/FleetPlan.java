package io.github.drkit.plan;

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
                        List<String> targetGroupArns, String path) implements PlanStep {
    public FleetPlan {
        targetGroupArns = List.copyOf(targetGroupArns);
    }

    /** A fleet written by a construct, before it has a place in a plan. */
    public FleetPlan(String region, String autoScalingGroupName, Capacity standby, Capacity recovery,
                     String standbyInstanceType, String recoveryInstanceType, int minHealthy, List<String> targetGroupArns) {
        this(region, autoScalingGroupName, standby, recovery, standbyInstanceType, recoveryInstanceType, minHealthy,
                targetGroupArns, null);
    }

    /**
     * The rule that failover never shrinks a fleet: no count of the recovery capacity is below the standby's.
     *
     * @param path where the fleet sits, e.g. {@code fleets[0]}; empty when checked on its own
     * @throws PlanValidationException naming the first recovery count below its standby count
     */
    public static void requireRecoveryNotBelowStandby(Capacity standby, Capacity recovery, String path) {
        String[] parts = {"min", "desired", "max"};
        int[] s = {standby.min(), standby.desired(), standby.max()};
        int[] r = {recovery.min(), recovery.desired(), recovery.max()};
        for (int i = 0; i < parts.length; i++) {
            if (r[i] < s[i]) {
                throw new PlanValidationException(Capacity.child(path, "recovery." + parts[i]), "must be at least standby." + parts[i]
                        + " (got " + r[i] + ", standby " + s[i] + "): failover never shrinks a fleet");
            }
        }
    }

    /**
     * The healthy-instance count traffic waits for: {@code minHealthy} when given, else {@code recovery.min}; never
     * more than {@code recovery.desired}, the count failover asks for, or the fleet could never become healthy.
     *
     * @param minHealthy the plan's value; null for the default
     * @throws PlanValidationException naming {@code minHealthy} when it is out of range
     */
    public static int minHealthy(Integer minHealthy, Capacity recovery, String path) {
        int healthy = minHealthy == null ? recovery.min() : minHealthy;
        if (healthy < 0 || healthy > recovery.desired()) {
            throw new PlanValidationException(Capacity.child(path, "minHealthy"), "must be at most recovery.desired (got " + healthy
                    + ", recovery.desired " + recovery.desired() + "): the fleet could never become healthy");
        }
        return healthy;
    }

    /** True when failover changes the instance type, not just the count. */
    public boolean scalesVertically() {
        return recoveryInstanceType != null;
    }

    @Override
    public String kind() {
        return ScaleFleetKind.NAME;
    }
}
