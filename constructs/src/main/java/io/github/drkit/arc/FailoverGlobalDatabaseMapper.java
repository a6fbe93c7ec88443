package io.github.drkit.arc;

import io.github.drkit.plan.FailoverGlobalDatabaseKind;
import io.github.drkit.plan.PlanStep;
import java.util.Optional;

/** {@code failoverGlobalDatabase} stays with drkit's function: drkit chooses between switchover, managed failover and detach by what the primary Region answers, and reports the replication lag at promotion as the RPO achieved; ARC's Aurora Global Database block is not mapped yet. */
public final class FailoverGlobalDatabaseMapper implements StepBlockMapper {
    @Override
    public String kind() {
        return FailoverGlobalDatabaseKind.NAME;
    }

    @Override
    public Optional<ArcBlock> failover(PlanStep step, MappingContext context) {
        return Optional.empty();
    }

    @Override
    public String whenDrkit() {
        return "always: drkit chooses between switchover, managed failover and detach by what the primary Region answers, and reports the replication lag at promotion as the RPO achieved; ARC's Aurora Global Database block is not mapped yet";
    }
}
