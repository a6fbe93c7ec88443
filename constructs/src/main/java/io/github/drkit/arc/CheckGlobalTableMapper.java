package io.github.drkit.arc;

import io.github.drkit.plan.CheckGlobalTableKind;
import io.github.drkit.plan.PlanStep;
import java.util.Optional;

/** {@code checkGlobalTable} stays with drkit's function: ARC has no block that checks a DynamoDB replica's status and replication latency against the RPO. */
public final class CheckGlobalTableMapper implements StepBlockMapper {
    @Override
    public String kind() {
        return CheckGlobalTableKind.NAME;
    }

    @Override
    public Optional<ArcBlock> failover(PlanStep step, MappingContext context) {
        return Optional.empty();
    }

    @Override
    public String whenDrkit() {
        return "always: ARC has no block that checks a DynamoDB replica's status and replication latency against the RPO";
    }
}
