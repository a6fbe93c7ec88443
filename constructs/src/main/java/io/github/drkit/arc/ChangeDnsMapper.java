package io.github.drkit.arc;

import io.github.drkit.plan.PlanStep;
import io.github.drkit.plan.ChangeDnsKind;
import java.util.Optional;

/** {@code changeDns} stays with drkit's function: ARC's Route 53 block works through health checks ARC creates and owns; drkit's records flip weights and targets with one ChangeResourceRecordSets batch. */
public final class ChangeDnsMapper implements StepBlockMapper {
    @Override
    public String kind() {
        return ChangeDnsKind.NAME;
    }

    @Override
    public Optional<ArcBlock> failover(PlanStep step, MappingContext context) {
        return Optional.empty();
    }

    @Override
    public String whenDrkit() {
        return "always: ARC's Route 53 block works through health checks ARC creates and owns; drkit's records flip weights and targets with one ChangeResourceRecordSets batch";
    }
}
