package io.github.drkit.arc;

import io.github.drkit.plan.PlanStep;
import io.github.drkit.plan.RestoreVolumeKind;
import java.util.Optional;

/** {@code restoreVolume} stays with drkit's function: ARC has no block that creates an EBS volume from a chosen copied snapshot. */
public final class RestoreVolumeMapper implements StepBlockMapper {
    @Override
    public String kind() {
        return RestoreVolumeKind.NAME;
    }

    @Override
    public Optional<ArcBlock> failover(PlanStep step, MappingContext context) {
        return Optional.empty();
    }

    @Override
    public String whenDrkit() {
        return "always: ARC has no block that creates an EBS volume from a chosen copied snapshot";
    }
}
