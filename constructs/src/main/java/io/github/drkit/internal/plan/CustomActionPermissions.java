package io.github.drkit.internal.plan;

import io.github.drkit.failover.CustomAction;
import io.github.drkit.failover.RecoveryStep;
import io.github.drkit.failover.StepPermissions;
import io.github.drkit.plan.RuntimePermissions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;

/**
 * {@code invokeFunction}: read and invoke the plan's functions only, each as its ARN and its versions and aliases
 * ({@code <arn>:*}): a step may name a function through an alias, and Lambda authorizes a qualified call on the
 * qualified ARN.
 */
public final class CustomActionPermissions implements StepPermissions {
    /** The one instance: every custom action shares it, so that one statement covers them all. */
    public static final CustomActionPermissions INSTANCE = new CustomActionPermissions();

    private CustomActionPermissions() {
    }

    @Override
    public List<PolicyStatement> statements(Stack stack, List<RecoveryStep> steps) {
        LinkedHashSet<String> arns = new LinkedHashSet<>();
        for (RecoveryStep step : steps) {
            String arn = ((CustomAction) step).functionArn();
            arns.add(arn);
            arns.add(arn + ":*");
        }
        return List.of(Statements.allow("CustomActions", RuntimePermissions.actions("custom-action", "function"), new ArrayList<>(arns)));
    }
}
