package io.github.drkit.runtime.readiness.permissions;

import io.github.drkit.plan.HealthGateKind;
import io.github.drkit.plan.HealthGatePlan;

/** {@code healthGate}: reads what the steps before it read, with their grants; no call of its own. */
public final class HealthGateScopes extends NoCallScopes<HealthGatePlan> {
    @Override
    public String kind() {
        return HealthGateKind.NAME;
    }

    @Override
    public Class<HealthGatePlan> type() {
        return HealthGatePlan.class;
    }
}
