package io.github.drkit.runtime.engine;

import java.util.List;

import io.github.drkit.plan.ZonePlan;
import io.github.drkit.plan.ChangeDnsKind;

/** Changes the zone's records to their recovery (failover) or normal (failback) state in one batch. */
public final class ChangeDnsExecutor implements StepExecutor<ZonePlan> {
    @Override
    public String kind() {
        return ChangeDnsKind.NAME;
    }

    @Override
    public Class<ZonePlan> type() {
        return ZonePlan.class;
    }

    @Override
    public List<Step> failover(ZonePlan step, Execution execution) {
        return execution.dns.zones(List.of(step), execution.live, Action.FAILOVER);
    }

    @Override
    public List<Step> failback(ZonePlan step, Execution execution) {
        return execution.dns.zones(List.of(step), execution.live, Action.FAILBACK);
    }
}
