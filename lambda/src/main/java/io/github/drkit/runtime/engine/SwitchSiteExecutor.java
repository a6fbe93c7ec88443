package io.github.drkit.runtime.engine;

import java.util.List;

import io.github.drkit.plan.SiteSwitchPlan;
import io.github.drkit.plan.SwitchSiteKind;

/** Publishes the site switch's failover (failover) or normal (failback) value. */
public final class SwitchSiteExecutor implements StepExecutor<SiteSwitchPlan> {
    @Override
    public String kind() {
        return SwitchSiteKind.NAME;
    }

    @Override
    public Class<SiteSwitchPlan> type() {
        return SiteSwitchPlan.class;
    }

    @Override
    public List<Step> failover(SiteSwitchPlan step, Execution execution) {
        return execution.dns.siteSwitches(List.of(step), execution.live, Action.FAILOVER);
    }

    @Override
    public List<Step> failback(SiteSwitchPlan step, Execution execution) {
        return execution.dns.siteSwitches(List.of(step), execution.live, Action.FAILBACK);
    }
}
