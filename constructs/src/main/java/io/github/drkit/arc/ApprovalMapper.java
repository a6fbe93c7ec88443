package io.github.drkit.arc;

import io.github.drkit.plan.ApprovalKind;
import io.github.drkit.plan.PlanStep;
import java.util.Optional;

/** {@code approval} stays with drkit's function: drkit's approval holds drkit's own run; ARC's plan has its own manual approval option (ArcRegionSwitchPlanProps). */
public final class ApprovalMapper implements StepBlockMapper {
    @Override
    public String kind() {
        return ApprovalKind.NAME;
    }

    @Override
    public Optional<ArcBlock> failover(PlanStep step, MappingContext context) {
        return Optional.empty();
    }

    @Override
    public String whenDrkit() {
        return "always: drkit's approval holds drkit's own run; ARC's plan has its own manual approval option (ArcRegionSwitchPlanProps)";
    }
}
