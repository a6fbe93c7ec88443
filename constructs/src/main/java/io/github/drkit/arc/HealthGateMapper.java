package io.github.drkit.arc;

import io.github.drkit.plan.PlanStep;
import io.github.drkit.plan.HealthGateKind;
import java.util.Optional;

/** {@code healthGate} stays with drkit's function: ARC has no block that waits for InService instances and healthy load balancer targets before traffic moves. */
public final class HealthGateMapper implements StepBlockMapper {
    @Override
    public String kind() {
        return HealthGateKind.NAME;
    }

    @Override
    public Optional<ArcBlock> failover(PlanStep step, MappingContext context) {
        return Optional.empty();
    }

    @Override
    public String whenDrkit() {
        return "always: ARC has no block that waits for InService instances and healthy load balancer targets before traffic moves";
    }
}
