package io.github.drkit.runtime.readiness;

import java.util.List;

import io.github.drkit.plan.HealthGateKind;
import io.github.drkit.plan.HealthGatePlan;

/**
 * Health gates name no resource of their own: they wait on the fleets' and instances' health, whose groups and target
 * groups the fleet and instance checks read. Listed so that every kind of this runtime has its check.
 */
public final class HealthGateReadiness implements ReadinessCheck<HealthGatePlan> {
    @Override
    public String kind() {
        return HealthGateKind.NAME;
    }

    @Override
    public Class<HealthGatePlan> type() {
        return HealthGatePlan.class;
    }

    @Override
    public List<Finding> check(List<HealthGatePlan> gates, ReadinessContext context) {
        return List.of();
    }
}
