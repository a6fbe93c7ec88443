package io.github.drkit.arc;

import io.github.drkit.plan.InvokeFunctionKind;
import io.github.drkit.plan.PlanStep;
import java.util.Optional;

/** {@code invokeFunction} stays with drkit's function: drkit passes its idempotency key and the run's action to the function; ARC's custom action block does not. */
public final class InvokeFunctionMapper implements StepBlockMapper {
    @Override
    public String kind() {
        return InvokeFunctionKind.NAME;
    }

    @Override
    public Optional<ArcBlock> failover(PlanStep step, MappingContext context) {
        return Optional.empty();
    }

    @Override
    public String whenDrkit() {
        return "always: drkit passes its idempotency key and the run's action to the function; ARC's custom action block does not";
    }
}
