package io.github.drkit.runtime.readiness.permissions;

import java.util.List;

import io.github.drkit.plan.RestoreImageKind;
import io.github.drkit.plan.RestoreImagePlan;

/**
 * {@code restoreImage}: the group's update on its name and the reads on any, as {@code RestoreImagePermissions}; its
 * launch template and instance role are the group's, known when the step runs.
 */
public final class RestoreImageScopes implements PermissionScopes<RestoreImagePlan> {
    @Override
    public String kind() {
        return RestoreImageKind.NAME;
    }

    @Override
    public Class<RestoreImagePlan> type() {
        return RestoreImagePlan.class;
    }

    @Override
    public List<String> tableKinds(RestoreImagePlan step) {
        return List.of("restore-image");
    }

    @Override
    public Grant grant(String tableKind, String scope, RestoreImagePlan step, Account account) {
        return switch (scope) {
            case "any" -> Grant.on("*");
            case "asg" -> Grant.on(LaunchTemplates.groupArn(account, step.region(), step.autoScalingGroupName()));
            default -> LaunchTemplates.atRunTime(scope, step.autoScalingGroupName());
        };
    }
}
