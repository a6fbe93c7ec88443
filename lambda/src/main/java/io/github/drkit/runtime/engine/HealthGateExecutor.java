package io.github.drkit.runtime.engine;

import java.util.List;

import io.github.drkit.plan.HealthGatePlan;
import io.github.drkit.plan.HealthGateKind;

/**
 * Waits, within the gate's timeout, until every database, instance and fleet of the stages before the gate's stage is
 * healthy. Failback checks the primary Region's health itself.
 */
public final class HealthGateExecutor implements StepExecutor<HealthGatePlan> {
    @Override
    public String kind() {
        return HealthGateKind.NAME;
    }

    @Override
    public Class<HealthGatePlan> type() {
        return HealthGatePlan.class;
    }

    @Override
    public List<Step> failover(HealthGatePlan step, Execution execution) {
        // A gate waits for what the stages before it recovered, not for what later stages have yet to start.
        return List.of(execution.health.step(execution.plan.before(step), step.timeoutSeconds(), execution.force));
    }

    @Override
    public List<Step> failback(HealthGatePlan step, Execution execution) {
        return List.of();
    }
}
