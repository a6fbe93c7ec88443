package io.github.drkit.runtime.readiness.permissions;

import java.util.List;

import io.github.drkit.plan.NodegroupPlan;
import io.github.drkit.plan.ScaleNodegroupKind;

/**
 * {@code scaleNodegroup}: the node group's calls on its ARN (which ends in a generated id, matched by {@code *}), the
 * update's read on its cluster, as {@code NodegroupPermissions}.
 */
public final class ScaleNodegroupScopes implements PermissionScopes<NodegroupPlan> {
    @Override
    public String kind() {
        return ScaleNodegroupKind.NAME;
    }

    @Override
    public Class<NodegroupPlan> type() {
        return NodegroupPlan.class;
    }

    @Override
    public List<String> tableKinds(NodegroupPlan step) {
        return List.of("eks-nodegroup");
    }

    @Override
    public Grant grant(String tableKind, String scope, NodegroupPlan step, Account account) {
        return switch (scope) {
            case "eks-nodegroup" -> Grant.on(account.arn("eks", step.region(), "nodegroup/" + step.clusterName() + "/" + step.nodegroupName() + "/*"));
            case "eks-cluster" -> Grant.on(account.arn("eks", step.region(), "cluster/" + step.clusterName()));
            default -> null;
        };
    }
}
