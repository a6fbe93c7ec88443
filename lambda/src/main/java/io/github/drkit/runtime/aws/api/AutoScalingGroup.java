package io.github.drkit.runtime.aws.api;

import java.util.List;

/**
 * An Auto Scaling group as the runtime reads it.
 *
 * @param launchTemplate          null when the group launches from something else
 * @param mixedInstancesPolicy    true when the group launches through a mixed instances policy
 * @param launchConfigurationName null unless the group uses a launch configuration
 */
public record AutoScalingGroup(String name, int minSize, int desiredCapacity, int maxSize, List<Instance> instances,
                               LaunchTemplateRef launchTemplate, boolean mixedInstancesPolicy, String launchConfigurationName) {

    public AutoScalingGroup {
        instances = List.copyOf(instances);
    }

    /** One instance of the group. */
    public record Instance(String instanceId, String lifecycleState, String healthStatus, String instanceType) {
    }

    /**
     * The launch template a group launches from: by id or by name, and a version as the group names it (a number,
     * {@code $Latest} or {@code $Default}; null means {@code $Default}).
     */
    public record LaunchTemplateRef(String id, String name, String version) {
    }
}
