package io.github.drkit.internal.plan;

import io.github.drkit.failover.RecoveryStep;
import io.github.drkit.failover.StepPermissions;
import java.util.List;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;

/** A kind the runtime carries out without calling AWS (a manual approval): the role needs nothing for it. */
public final class NoPermissions implements StepPermissions {
    public static final NoPermissions INSTANCE = new NoPermissions();

    private NoPermissions() {
    }

    @Override
    public List<PolicyStatement> statements(Stack stack, List<RecoveryStep> steps) {
        return List.of();
    }
}
