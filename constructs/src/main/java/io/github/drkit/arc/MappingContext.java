package io.github.drkit.arc;

import io.github.drkit.plan.PlanStep;
import io.github.drkit.plan.RecoveryPlan;
import io.github.drkit.plan.Stage;
import java.util.List;
import software.amazon.awscdk.Stack;

/**
 * What a {@link StepBlockMapper} may need besides the step: the plan it sits in, the stack (for ARNs), the
 * Auto Scaling counterparts the user named and the timeout of an ARC block.
 *
 * @param blockTimeoutMinutes how long ARC lets one of its own blocks run before it fails the step
 */
public record MappingContext(RecoveryPlan plan, Stack stack, List<AutoScalingCounterpart> counterparts, int blockTimeoutMinutes) {
    public MappingContext {
        counterparts = List.copyOf(counterparts);
    }

    /** The stage that holds a step of this plan. */
    public Stage stageOf(PlanStep step) {
        for (Stage stage : plan.stages()) {
            for (PlanStep s : stage.steps()) {
                if (s == step) {
                    return stage;
                }
            }
        }
        throw new IllegalArgumentException("step " + step.path() + " is not in the plan of " + plan.application());
    }

    /**
     * A block name for a step: its stage, its kind and its place in the stage, e.g. {@code data-promoteDatabase-1};
     * unique in the plan because stage names are.
     */
    public String blockName(PlanStep step) {
        Stage stage = stageOf(step);
        int index = 0;
        while (stage.steps().get(index) != step) {
            index++;
        }
        return stage.name() + "-" + step.kind() + "-" + (index + 1);
    }

    /** The counterpart named for the recovery Region group of this name, or null. */
    public AutoScalingCounterpart counterpartOf(String autoScalingGroupName) {
        return counterparts.stream().filter(c -> c.getAutoScalingGroupName().equals(autoScalingGroupName)).findFirst().orElse(null);
    }
}
