package io.github.drkit.runtime.readiness.permissions;

import java.util.List;

import io.github.drkit.plan.FleetPlan;
import io.github.drkit.plan.ScaleFleetKind;

/**
 * {@code scaleFleet}: the group's update on its name, the reads on any, as {@code FleetPermissions}; for a fleet that
 * changes instance type also the table's vertical-scaling rows, whose launch template and instance role only the
 * group names.
 */
public final class ScaleFleetScopes implements PermissionScopes<FleetPlan> {
    @Override
    public String kind() {
        return ScaleFleetKind.NAME;
    }

    @Override
    public Class<FleetPlan> type() {
        return FleetPlan.class;
    }

    @Override
    public List<String> tableKinds(FleetPlan step) {
        return step.scalesVertically() ? List.of("fleet", "vertical-scaling") : List.of("fleet");
    }

    @Override
    public Grant grant(String tableKind, String scope, FleetPlan step, Account account) {
        return switch (scope) {
            case "any" -> Grant.on("*");
            case "asg" -> Grant.on(LaunchTemplates.groupArn(account, step.region(), step.autoScalingGroupName()));
            default -> LaunchTemplates.atRunTime(scope, step.autoScalingGroupName());
        };
    }
}
