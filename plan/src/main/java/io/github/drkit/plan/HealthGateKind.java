package io.github.drkit.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** {@code healthGate}: wait until the recovered resources are healthy ({@link HealthGatePlan}). */
public final class HealthGateKind implements StepKind<HealthGatePlan> {
    public static final String NAME = "healthGate";
    /** The longest wait a plan may ask for. */
    public static final int MAX_TIMEOUT_SECONDS = 3600;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<HealthGatePlan> type() {
        return HealthGatePlan.class;
    }

    @Override
    public HealthGatePlan read(Fields gate, StepContext context) {
        Integer timeout = gate.optionalInt("timeoutSeconds", 0, MAX_TIMEOUT_SECONDS);
        gate.finish();
        return new HealthGatePlan(timeout == null ? RecoveryPlan.DEFAULT_HEALTH_TIMEOUT_SECONDS : timeout, gate.path());
    }

    @Override
    public Map<String, Object> write(HealthGatePlan gate) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("timeoutSeconds", gate.timeoutSeconds());
        return m;
    }

    /** Failback checks the primary Region's health itself before it moves traffic back. */
    @Override
    public OptionalInt failbackRank() {
        return OptionalInt.empty();
    }

    @Override
    public String version1Field() {
        return "healthTimeoutSeconds";
    }

    @Override
    public String version1Stage() {
        return "health";
    }

    /** Version 1 had one gate, always, with the plan-level {@code healthTimeoutSeconds}. */
    @Override
    public List<HealthGatePlan> readVersion1(Fields plan, StepContext context) {
        Integer timeout = plan.optionalInt("healthTimeoutSeconds", 0, MAX_TIMEOUT_SECONDS);
        return List.of(new HealthGatePlan(timeout == null ? RecoveryPlan.DEFAULT_HEALTH_TIMEOUT_SECONDS : timeout, "healthTimeoutSeconds"));
    }
}
