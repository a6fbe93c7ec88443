package io.github.drkit.plan;

/**
 * A wait, bounded by {@code timeoutSeconds}, until every database, instance and fleet of the plan is healthy:
 * traffic moves only to a recovery Region that can serve it. A version 1 plan's {@code healthTimeoutSeconds}.
 */
public record HealthGatePlan(int timeoutSeconds, String path) implements PlanStep {
    /** A health gate written by a construct, before it has a place in a plan. */
    public HealthGatePlan(int timeoutSeconds) {
        this(timeoutSeconds, null);
    }

    @Override
    public String kind() {
        return HealthGateKind.NAME;
    }
}
