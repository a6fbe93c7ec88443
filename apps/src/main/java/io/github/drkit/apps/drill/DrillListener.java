package io.github.drkit.apps.drill;

import io.github.drkit.plan.RecoveryPlan;

/**
 * Told after each step of a strategy's drill that went through, while the stacks are still deployed: a test
 * or an auditor reads the emulator with clients of its own at that point instead of trusting the drill's
 * checks.
 */
@FunctionalInterface
public interface DrillListener {
    DrillListener NONE = (target, step, plan) -> { };

    /**
     * @param step the step's name as the report shows it, e.g. {@code verify failover}
     * @param plan the resolved plan; null for steps before {@code resolve plan}
     */
    void afterStep(String target, String step, RecoveryPlan plan);
}
