package io.github.drkit.runtime.readiness.permissions;

import java.util.List;

import io.github.drkit.plan.InstancePlan;
import io.github.drkit.plan.StartInstancesKind;

/** {@code startInstances}: start and stop on each instance's ARN, describe on any, as {@code InstancesPermissions}. */
public final class StartInstancesScopes implements PermissionScopes<InstancePlan> {
    @Override
    public String kind() {
        return StartInstancesKind.NAME;
    }

    @Override
    public Class<InstancePlan> type() {
        return InstancePlan.class;
    }

    @Override
    public List<String> tableKinds(InstancePlan step) {
        return List.of("instances");
    }

    @Override
    public Grant grant(String tableKind, String scope, InstancePlan step, Account account) {
        return switch (scope) {
            case "any" -> Grant.on("*");
            case "instance" -> Grant.on(step.instanceIds().stream().map(id -> account.arn("ec2", step.region(), "instance/" + id)).toList());
            default -> null;
        };
    }
}
