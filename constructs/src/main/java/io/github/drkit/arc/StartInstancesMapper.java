package io.github.drkit.arc;

import io.github.drkit.plan.PlanStep;
import io.github.drkit.plan.StartInstancesKind;
import java.util.Optional;

/** {@code startInstances} stays with drkit's function: ARC has no block that starts stopped EC2 instances. */
public final class StartInstancesMapper implements StepBlockMapper {
    @Override
    public String kind() {
        return StartInstancesKind.NAME;
    }

    @Override
    public Optional<ArcBlock> failover(PlanStep step, MappingContext context) {
        return Optional.empty();
    }

    @Override
    public String whenDrkit() {
        return "always: ARC has no block that starts stopped EC2 instances";
    }
}
