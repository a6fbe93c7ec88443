package io.github.drkit.plan;

/**
 * One step of a {@link Stage}: a piece of recovery work of one {@link StepKind}. Steps of one stage run in
 * parallel on failover; on failback each kind's {@link StepKind#failbackRank()} orders them.
 */
public interface PlanStep {
    /** The name of the step's kind, as the plan's {@code "kind"} field writes it, e.g. {@code scaleFleet}. */
    String kind();

    /** Where the step sits in the plan, e.g. {@code stages[1].steps[0]} or {@code fleets[0]} for a version 1 plan. */
    String path();

    /** The Region the step works in; null for work that has none (Route 53 is global). */
    default String region() {
        return null;
    }
}
