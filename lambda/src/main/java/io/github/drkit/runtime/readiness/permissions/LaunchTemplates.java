package io.github.drkit.runtime.readiness.permissions;

/**
 * The scopes of a group moved to a new launch template version (a fleet that changes instance type, an image restore):
 * the constructs grant them on the group's launch template and instance role, which the plan does not name; the runtime
 * reads them from the group when the step runs.
 */
final class LaunchTemplates {
    private LaunchTemplates() {
    }

    /** The grant of the scopes the plan cannot name; null for any other scope. */
    static Grant atRunTime(String scope, String autoScalingGroupName) {
        return switch (scope) {
            case "launch-template", "run-from-launch-template" -> Grant.atRunTime("the launch template is group " + autoScalingGroupName
                    + "'s, read when the step runs; the plan does not name it");
            case "instance-role" -> Grant.atRunTime("the instance role is that of group " + autoScalingGroupName
                    + "'s launch template, read when the step runs; the plan does not name it");
            default -> null;
        };
    }

    /** The group's ARN as the constructs scope it: the name pins the group, the generated id is matched by {@code *}. */
    static String groupArn(Account account, String region, String autoScalingGroupName) {
        return account.arn("autoscaling", region, "autoScalingGroup:*:autoScalingGroupName/" + autoScalingGroupName);
    }
}
