package io.github.drkit.arc;

import io.github.drkit.plan.ScaleServiceKind;
import io.github.drkit.plan.PlanStep;
import java.util.Optional;

/** {@code scaleService} stays with drkit's function: drkit scales to an explicit count or a share of the primary's observed count and waits for steady state; ARC's ECS block is not mapped yet. */
public final class ScaleServiceMapper implements StepBlockMapper {
    @Override
    public String kind() {
        return ScaleServiceKind.NAME;
    }

    @Override
    public Optional<ArcBlock> failover(PlanStep step, MappingContext context) {
        return Optional.empty();
    }

    @Override
    public String whenDrkit() {
        return "always: drkit scales to an explicit count or a share of the primary's observed count and waits for steady state; ARC's ECS block is not mapped yet";
    }
}
