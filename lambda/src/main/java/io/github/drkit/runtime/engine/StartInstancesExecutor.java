package io.github.drkit.runtime.engine;

import java.util.List;

import io.github.drkit.plan.InstancePlan;
import io.github.drkit.plan.StartInstancesKind;

/** Starts the instances on failover, stops them on failback. */
public final class StartInstancesExecutor implements StepExecutor<InstancePlan> {
    @Override
    public String kind() {
        return StartInstancesKind.NAME;
    }

    @Override
    public Class<InstancePlan> type() {
        return InstancePlan.class;
    }

    @Override
    public List<Step> failover(InstancePlan step, Execution execution) {
        return execution.compute.instances(List.of(step), execution.live, Action.FAILOVER);
    }

    @Override
    public List<Step> failback(InstancePlan step, Execution execution) {
        return execution.compute.instances(List.of(step), execution.live, Action.FAILBACK);
    }
}
