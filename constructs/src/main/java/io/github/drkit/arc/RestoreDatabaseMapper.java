package io.github.drkit.arc;

import io.github.drkit.plan.RestoreDatabaseKind;
import io.github.drkit.plan.PlanStep;
import java.util.Optional;

/** {@code restoreDatabase} stays with drkit's function: ARC has no block that restores an instance from a chosen snapshot. */
public final class RestoreDatabaseMapper implements StepBlockMapper {
    @Override
    public String kind() {
        return RestoreDatabaseKind.NAME;
    }

    @Override
    public Optional<ArcBlock> failover(PlanStep step, MappingContext context) {
        return Optional.empty();
    }

    @Override
    public String whenDrkit() {
        return "always: ARC has no block that restores an instance from a chosen snapshot";
    }
}
