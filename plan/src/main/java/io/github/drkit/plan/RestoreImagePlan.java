package io.github.drkit.plan;

import java.util.Map;

/**
 * An Auto Scaling group in the recovery Region that a restore points at the latest AMI copied there (by Data
 * Lifecycle Manager or AWS Backup), or at the latest created at or before the time the operator gives: a new version
 * of the group's launch template with only the image changed. A {@code scaleFleet} step of a later stage gives the
 * group its capacity.
 *
 * @param imageTags  the tags that select the copied AMIs (every one must match); copies keep their source's tags
 * @param rpoSeconds the recovery point objective the report holds the chosen image's age to; null for none
 */
public record RestoreImagePlan(String region, String autoScalingGroupName, Map<String, String> imageTags, Integer rpoSeconds,
                               String path) implements PlanStep {
    public RestoreImagePlan {
        imageTags = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(imageTags));
    }

    /** A step written by a construct, before it has a place in a plan. */
    public RestoreImagePlan(String region, String autoScalingGroupName, Map<String, String> imageTags, Integer rpoSeconds) {
        this(region, autoScalingGroupName, imageTags, rpoSeconds, null);
    }

    @Override
    public String kind() {
        return RestoreImageKind.NAME;
    }
}
