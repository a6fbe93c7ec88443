package io.github.drkit.arc;

import io.github.drkit.plan.PlanStep;
import io.github.drkit.plan.RestoreBackupKind;
import java.util.Optional;

/** {@code restoreBackup} stays with drkit's function: ARC has no block that starts an AWS Backup restore job from a chosen recovery point. */
public final class RestoreBackupMapper implements StepBlockMapper {
    @Override
    public String kind() {
        return RestoreBackupKind.NAME;
    }

    @Override
    public Optional<ArcBlock> failover(PlanStep step, MappingContext context) {
        return Optional.empty();
    }

    @Override
    public String whenDrkit() {
        return "always: ARC has no block that starts an AWS Backup restore job from a chosen recovery point";
    }
}
