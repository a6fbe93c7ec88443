package io.github.drkit.plan;

import java.util.List;

/**
 * A named group of steps. Failover runs the stages in plan order and the steps of one stage in parallel; a step
 * that fails stops the run once its stage has finished.
 *
 * @param path where the stage sits, e.g. {@code stages[1]}; null for a stage converted from a version 1 plan
 */
public record Stage(String name, List<PlanStep> steps, String path) {
    /** The stage names a version 1 plan converts to, in the order failover runs them. */
    public static final List<String> VERSION_1_STAGES = List.of("data", "compute", "health", "traffic");

    public Stage {
        steps = List.copyOf(steps);
    }

    /** A stage written by a construct, before it has a place in a plan. */
    public Stage(String name, List<PlanStep> steps) {
        this(name, steps, null);
    }

    /** The stage's approval step, when it waits for a person's approval before any of its steps runs; null otherwise. */
    public ApprovalPlan approval() {
        return steps.stream().filter(ApprovalPlan.class::isInstance).map(ApprovalPlan.class::cast).findFirst().orElse(null);
    }
}
