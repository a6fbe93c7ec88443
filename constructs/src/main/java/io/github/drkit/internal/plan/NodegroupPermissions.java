package io.github.drkit.internal.plan;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.drkit.failover.PlanNodegroup;
import io.github.drkit.failover.RecoveryStep;
import io.github.drkit.failover.StepPermissions;
import io.github.drkit.plan.RuntimePermissions;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;

/**
 * {@code scaleNodegroup}: describe and update the plan's node groups (their ARNs end in a generated id, matched by
 * {@code *}), and read the updates of their clusters.
 */
public final class NodegroupPermissions implements StepPermissions {
    /** The one instance: every step of the kind shares it, so that one statement covers them all. */
    public static final NodegroupPermissions INSTANCE = new NodegroupPermissions();

    private NodegroupPermissions() {
    }

    @Override
    public List<PolicyStatement> statements(Stack stack, List<RecoveryStep> steps) {
        String account = stack.getAccount();
        Set<String> nodegroups = new LinkedHashSet<>();
        Set<String> clusters = new LinkedHashSet<>();
        for (RecoveryStep step : steps) {
            PlanNodegroup n = (PlanNodegroup) step;
            String prefix = "arn:" + Aws.PARTITION + ":eks:" + n.region() + ":" + account + ":";
            nodegroups.add(prefix + "nodegroup/" + n.clusterName() + "/" + n.nodegroupName() + "/*");
            clusters.add(prefix + "cluster/" + n.clusterName());
        }
        return List.of(Statements.allow("EksNodegroups", RuntimePermissions.actions("eks-nodegroup", "eks-nodegroup"), List.copyOf(nodegroups)),
                Statements.allow("EksNodegroupUpdates", RuntimePermissions.actions("eks-nodegroup", "eks-cluster"), List.copyOf(clusters)));
    }
}
