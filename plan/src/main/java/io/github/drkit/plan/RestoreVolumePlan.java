package io.github.drkit.plan;

import java.util.Map;

/**
 * An EBS volume a restore creates in the recovery Region from the latest EBS snapshot copied there (by Data Lifecycle
 * Manager or AWS Backup), or from the latest taken at or before the time the operator gives, in one Availability Zone,
 * optionally attached to an instance there. The volume is tagged with {@code volumeName}, so that a second run finds it
 * and creates no other; failback leaves it for a person to delete.
 *
 * @param availabilityZone the zone of the recovery Region the volume is created in (an EBS volume lives in one zone)
 * @param snapshotTags     the tags that select the copied snapshots (every one must match); copies keep their source's tags
 * @param volumeName       the name the restored volume is tagged with ({@code drkit:restored-volume}), unique in its Region
 * @param volumeType       the restored volume's type ({@code gp3}, {@code io2}, ...); null for EC2's default
 * @param attachTo         the instance the restored volume is attached to; null to leave it unattached
 * @param rpoSeconds       the recovery point objective the report holds the chosen snapshot's age to; null for none
 */
public record RestoreVolumePlan(String region, String availabilityZone, Map<String, String> snapshotTags, String volumeName,
                                String volumeType, Attachment attachTo, Integer rpoSeconds, String path) implements PlanStep {
    public RestoreVolumePlan {
        snapshotTags = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(snapshotTags));
    }

    /** A step written by a construct, before it has a place in a plan. */
    public RestoreVolumePlan(String region, String availabilityZone, Map<String, String> snapshotTags, String volumeName,
                             String volumeType, Attachment attachTo, Integer rpoSeconds) {
        this(region, availabilityZone, snapshotTags, volumeName, volumeType, attachTo, rpoSeconds, null);
    }

    @Override
    public String kind() {
        return RestoreVolumeKind.NAME;
    }

    /**
     * Where the restored volume is attached.
     *
     * @param instanceId an instance in the volume's Availability Zone
     * @param device     the device name the instance sees it under ({@code /dev/sdf}, {@code xvdf})
     */
    public record Attachment(String instanceId, String device) {
    }
}
