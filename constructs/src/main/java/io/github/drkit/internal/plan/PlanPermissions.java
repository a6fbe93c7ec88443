package io.github.drkit.internal.plan;

import io.github.drkit.failover.FailoverPlan;
import io.github.drkit.failover.RecoveryStep;
import io.github.drkit.failover.StepPermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;

/**
 * The least-privilege policy for a plan: each step kind's statements ({@link RecoveryStep#permissions()}), granted once
 * per kind over all its steps, in the order the kinds first appear in the plan.
 */
public final class PlanPermissions {
    private PlanPermissions() {
    }

    public static List<PolicyStatement> statements(Stack stack, FailoverPlan plan) {
        return statements(stack, plan.steps());
    }

    /** The statements for these steps alone, e.g. those a workload account's role carries out. */
    public static List<PolicyStatement> statements(Stack stack, List<? extends RecoveryStep> steps) {
        Map<StepPermissions, List<RecoveryStep>> byKind = new LinkedHashMap<>();
        for (RecoveryStep step : steps) {
            byKind.computeIfAbsent(step.permissions(), k -> new ArrayList<>()).add(step);
        }
        List<PolicyStatement> out = new ArrayList<>();
        byKind.forEach((permissions, kindSteps) -> out.addAll(permissions.statements(stack, kindSteps)));
        return out;
    }
}
