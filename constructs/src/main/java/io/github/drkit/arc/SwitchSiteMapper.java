package io.github.drkit.arc;

import io.github.drkit.plan.PlanStep;
import io.github.drkit.plan.SwitchSiteKind;
import java.util.Optional;

/** {@code switchSite} stays with drkit's function: ARC has no block that publishes a CloudWatch metric value to drive a Route 53 health check. */
public final class SwitchSiteMapper implements StepBlockMapper {
    @Override
    public String kind() {
        return SwitchSiteKind.NAME;
    }

    @Override
    public Optional<ArcBlock> failover(PlanStep step, MappingContext context) {
        return Optional.empty();
    }

    @Override
    public String whenDrkit() {
        return "always: ARC has no block that publishes a CloudWatch metric value to drive a Route 53 health check";
    }
}
