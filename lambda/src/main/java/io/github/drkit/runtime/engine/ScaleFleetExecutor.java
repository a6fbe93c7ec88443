package io.github.drkit.runtime.engine;

import java.util.List;

import io.github.drkit.plan.FleetPlan;
import io.github.drkit.plan.ScaleFleetKind;

/** Scales the fleet to its recovery capacity on failover, back to standby on failback. */
public final class ScaleFleetExecutor implements StepExecutor<FleetPlan> {
    @Override
    public String kind() {
        return ScaleFleetKind.NAME;
    }

    @Override
    public Class<FleetPlan> type() {
        return FleetPlan.class;
    }

    @Override
    public List<Step> failover(FleetPlan step, Execution execution) {
        return execution.compute.fleets(List.of(step), execution.live, Action.FAILOVER);
    }

    @Override
    public List<Step> failback(FleetPlan step, Execution execution) {
        return execution.compute.fleets(List.of(step), execution.live, Action.FAILBACK);
    }
}
