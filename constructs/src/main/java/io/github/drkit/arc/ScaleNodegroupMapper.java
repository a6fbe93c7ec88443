package io.github.drkit.arc;

import io.github.drkit.plan.ScaleNodegroupKind;
import io.github.drkit.plan.PlanStep;
import java.util.Optional;

/** {@code scaleNodegroup} stays with drkit's function: drkit sets an explicit scaling configuration and waits for the update; ARC's EKS block is not mapped yet. */
public final class ScaleNodegroupMapper implements StepBlockMapper {
    @Override
    public String kind() {
        return ScaleNodegroupKind.NAME;
    }

    @Override
    public Optional<ArcBlock> failover(PlanStep step, MappingContext context) {
        return Optional.empty();
    }

    @Override
    public String whenDrkit() {
        return "always: drkit sets an explicit scaling configuration and waits for the update; ARC's EKS block is not mapped yet";
    }
}
