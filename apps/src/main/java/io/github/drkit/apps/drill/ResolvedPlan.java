package io.github.drkit.apps.drill;

import java.util.List;

import io.github.drkit.plan.RecoveryPlan;

/**
 * The recovery plan as the deployed failover function holds it, with every name in it resolved to a
 * resource the emulator created.
 *
 * @param function   the failover function's name in the emulator
 * @param region     the function's Region
 * @param source     where the plan came from: the {@code DRKIT_PLAN} variable or the SSM parameter it names
 * @param json       the plan as deployed, every token resolved
 * @param resolution one check per name in the plan: does the emulator have it
 */
public record ResolvedPlan(String function, String region, String source, String json, RecoveryPlan plan,
                           List<Check> resolution) {
    public ResolvedPlan {
        resolution = List.copyOf(resolution);
    }

    public boolean resolved() {
        return resolution.stream().allMatch(Check::passed);
    }
}
