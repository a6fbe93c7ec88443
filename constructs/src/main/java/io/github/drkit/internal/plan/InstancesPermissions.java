package io.github.drkit.internal.plan;

import io.github.drkit.failover.PlanInstances;
import io.github.drkit.failover.RecoveryStep;
import io.github.drkit.failover.StepPermissions;
import io.github.drkit.plan.RuntimePermissions;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;

/** {@code startInstances}: start and stop the plan's instances, each scoped to its ARN. */
public final class InstancesPermissions implements StepPermissions {
    /** The one instance: every step of the kind shares it, so that one statement covers them all. */
    public static final InstancesPermissions INSTANCE = new InstancesPermissions();

    private InstancesPermissions() {
    }

    @Override
    public List<PolicyStatement> statements(Stack stack, List<RecoveryStep> steps) {
        List<String> arns = new ArrayList<>();
        for (RecoveryStep step : steps) {
            PlanInstances group = (PlanInstances) step;
            for (String id : group.instanceIds()) {
                arns.add("arn:" + Aws.PARTITION + ":ec2:" + group.region() + ":" + stack.getAccount() + ":instance/" + id);
            }
        }
        return List.of(Statements.allow("Instances", RuntimePermissions.actions("instances", "instance"), arns),
                // DescribeInstances does not support resource-level permissions.
                Statements.allow("DescribeInstances", RuntimePermissions.actions("instances", "any"), List.of("*")));
    }
}
