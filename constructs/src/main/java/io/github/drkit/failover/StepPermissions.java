package io.github.drkit.failover;

import java.util.List;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;

/**
 * The least-privilege statements the failover role needs for every step of one kind in a plan: the kind's actions as
 * the runtime's permission table lists them ({@link io.github.drkit.plan.RuntimePermissions}), each mutating action
 * scoped to the resources the steps name. A read AWS authorizes only on "*" says why beside it.
 */
public interface StepPermissions {
    /**
     * @param stack the stack of the failover function (its account scopes the ARNs)
     * @param steps every step of the plan whose {@link RecoveryStep#permissions()} is this, in plan order
     */
    List<PolicyStatement> statements(Stack stack, List<RecoveryStep> steps);
}
