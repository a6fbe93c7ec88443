package io.github.drkit.runtime.extension;

import io.github.drkit.plan.PlanStep;

/**
 * A step of the test-only kind {@value FlagKind#NAME}: a CloudWatch metric that is 1 while failed over and 0
 * otherwise (a feature flag that the application reads, say). It exists to prove that a kind added outside the plan
 * module and the engine, with no edit of either, is read, inspected, run and reported like the built-in ones.
 */
record FlagStep(String region, String namespace, String metricName, String path) implements PlanStep {
    @Override
    public String kind() {
        return FlagKind.NAME;
    }
}
