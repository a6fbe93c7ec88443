package io.github.drkit.arc;

import io.github.drkit.plan.PlanStep;
import java.util.Optional;

/**
 * Turns the failover of one drkit step kind into an ARC execution block, where ARC has a block that does the same
 * work. Mappers are found with {@link java.util.ServiceLoader} (the
 * {@code META-INF/services/io.github.drkit.arc.StepBlockMapper} file of this library): a new step kind is a new
 * mapper class and a line there; {@link ArcRegionSwitchPlan} refuses a plan whose kind has no mapper.
 */
public interface StepBlockMapper {
    /** The step kind this mapper handles, as the plan's {@code "kind"} field writes it, e.g. {@code promoteDatabase}. */
    String kind();

    /**
     * The ARC block that carries out the failover of this step; empty when ARC has no block that does what drkit's
     * runtime does for it, and drkit's function (as a custom action) runs it.
     *
     * @param step    a step of {@link #kind()}, with its place in the plan in {@link PlanStep#path()}
     * @param context the plan, the stack and the options the mapping may need
     */
    Optional<ArcBlock> failover(PlanStep step, MappingContext context);

    /** Why ARC has no block for this kind (or for some of its steps), in one sentence, for the docs and block descriptions. */
    String whenDrkit();
}
