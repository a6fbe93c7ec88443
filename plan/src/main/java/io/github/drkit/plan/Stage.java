package io.github.drkit.plan;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A named group of steps. Failover runs the stages in plan order and the steps of one stage in parallel; a step
 * that fails stops the run once its stage has finished.
 *
 * @param path        where the stage sits, e.g. {@code stages[1]}; null for a stage converted from a version 1 plan
 * @param assumeRoles the role to assume for a step in another account, by the step's index in {@code steps}; a step
 *                    without an entry runs with the runtime's own credentials. Kept beside the steps, not in them,
 *                    so that every step kind has it without knowing of it.
 */
public record Stage(String name, List<PlanStep> steps, String path, Map<Integer, AssumeRole> assumeRoles) {
    /** The stage names a version 1 plan converts to, in the order failover runs them. */
    public static final List<String> VERSION_1_STAGES = List.of("data", "compute", "health", "traffic");

    public Stage {
        steps = List.copyOf(steps);
        assumeRoles = java.util.Collections.unmodifiableMap(new TreeMap<>(assumeRoles));
        for (Integer index : assumeRoles.keySet()) {
            if (index < 0 || index >= steps.size()) {
                throw new IllegalArgumentException("assumeRoles names step " + index + " of a stage of " + steps.size() + " step(s)");
            }
        }
    }

    /** A stage read from a plan, every step in the runtime's own account. */
    public Stage(String name, List<PlanStep> steps, String path) {
        this(name, steps, path, Map.of());
    }

    /** A stage written by a construct, before it has a place in a plan. */
    public Stage(String name, List<PlanStep> steps) {
        this(name, steps, null, Map.of());
    }

    /** The role to assume for one of this stage's steps (the same instance); null when it runs in the runtime's own account. */
    public AssumeRole assumeRole(PlanStep step) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i) == step) {
                return assumeRoles.get(i);
            }
        }
        return null;
    }

    /** The stage's approval step, when it waits for a person's approval before any of its steps runs; null otherwise. */
    public ApprovalPlan approval() {
        return steps.stream().filter(ApprovalPlan.class::isInstance).map(ApprovalPlan.class::cast).findFirst().orElse(null);
    }
}
