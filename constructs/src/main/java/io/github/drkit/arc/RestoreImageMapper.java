package io.github.drkit.arc;

import io.github.drkit.plan.RestoreImageKind;
import io.github.drkit.plan.PlanStep;
import java.util.Optional;

/** {@code restoreImage} stays with drkit's function: ARC has no block that points a group's launch template at a chosen copied AMI. */
public final class RestoreImageMapper implements StepBlockMapper {
    @Override
    public String kind() {
        return RestoreImageKind.NAME;
    }

    @Override
    public Optional<ArcBlock> failover(PlanStep step, MappingContext context) {
        return Optional.empty();
    }

    @Override
    public String whenDrkit() {
        return "always: ARC has no block that points a group's launch template at a chosen copied AMI";
    }
}
