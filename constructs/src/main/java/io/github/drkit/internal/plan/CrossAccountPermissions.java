package io.github.drkit.internal.plan;

import io.github.drkit.failover.RecoveryStep;
import io.github.drkit.failover.StepPermissions;
import io.github.drkit.plan.RuntimePermissions;
import java.util.LinkedHashSet;
import java.util.List;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;

/**
 * Steps in another account: the failover role may assume (and tag a session of) exactly the roles those steps name,
 * nothing of the steps' own work, which the roles in the workload accounts are granted
 * ({@link io.github.drkit.crossaccount.WorkloadAccountRole}).
 */
public final class CrossAccountPermissions implements StepPermissions {
    /** The one instance: every step in another account shares it, so that one statement covers every role. */
    public static final CrossAccountPermissions INSTANCE = new CrossAccountPermissions();

    private CrossAccountPermissions() {
    }

    @Override
    public List<PolicyStatement> statements(Stack stack, List<RecoveryStep> steps) {
        LinkedHashSet<String> roles = new LinkedHashSet<>();
        steps.forEach(step -> roles.add(step.assumeRole().roleArn()));
        return List.of(Statements.allow("AssumeWorkloadRoles", RuntimePermissions.actions("cross-account", "workload-role"),
                List.copyOf(roles)));
    }
}
