package io.github.drkit.runtime.engine;

import java.util.List;

import io.github.drkit.plan.DatabasePlan;
import io.github.drkit.plan.PromoteDatabaseKind;

/** Promotes the read replica; failback never demotes it (the report says what a person must do). */
public final class PromoteDatabaseExecutor implements StepExecutor<DatabasePlan> {
    @Override
    public String kind() {
        return PromoteDatabaseKind.NAME;
    }

    @Override
    public Class<DatabasePlan> type() {
        return DatabasePlan.class;
    }

    @Override
    public List<Step> failover(DatabasePlan step, Execution execution) {
        return execution.databases.failover(List.of(step), execution.live);
    }

    @Override
    public List<Step> failback(DatabasePlan step, Execution execution) {
        return List.of();
    }
}
