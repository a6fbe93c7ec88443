package io.github.drkit.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** {@code restoreVolume}: create an EBS volume from a snapshot copied to the recovery Region ({@link RestoreVolumePlan}). */
public final class RestoreVolumeKind implements StepKind<RestoreVolumePlan> {
    public static final String NAME = "restoreVolume";
    /** The volume types CreateVolume takes. */
    public static final Set<String> VOLUME_TYPES = Set.of("gp2", "gp3", "io1", "io2", "st1", "sc1", "standard");
    /** A tag value EC2 accepts and a name a person reads: no spaces, so the delete command it appears in needs no quoting. */
    private static final Pattern VOLUME_NAME = Pattern.compile("[A-Za-z0-9._:/=+@-]{1,128}");
    private static final Pattern INSTANCE_ID = Pattern.compile("i-([0-9a-f]{8}|[0-9a-f]{17})");
    private static final Pattern DEVICE = Pattern.compile("(/dev/(sd|xvd)|xvd)[a-z]{1,2}");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<RestoreVolumePlan> type() {
        return RestoreVolumePlan.class;
    }

    @Override
    public RestoreVolumePlan read(Fields step, StepContext context) {
        String region = context.region(step, "region");
        String zone = step.requiredMatching("availabilityZone", AvailabilityZones.ZONE, "must be " + AvailabilityZones.RULE);
        if (!step.isUnresolved(zone) && !step.isUnresolved(region)) {
            AvailabilityZones.requireInRegion(step.child("availabilityZone"), zone, region, "the volume is restored where the snapshot copies are");
        }
        Map<String, String> tags = TagSelection.read(step, "snapshotTags", "copied EBS snapshots");
        String name = step.requiredMatching("volumeName", VOLUME_NAME, "must be 1-128 letters, digits or '.', '_', ':', '/', '=', '+', '@', '-'"
                + " (it becomes the volume's drkit:restored-volume tag)");
        String type = step.optionalString("volumeType");
        if (type != null && !step.isUnresolved(type) && !VOLUME_TYPES.contains(type)) {
            throw new PlanValidationException(step.child("volumeType"), "must be one of " + String.join(", ", new java.util.TreeSet<>(VOLUME_TYPES))
                    + " (got '" + type + "')");
        }
        RestoreVolumePlan.Attachment attachTo = null;
        Fields attach = step.optionalObject("attachTo");
        if (attach != null) {
            String instance = attach.requiredMatching("instanceId", INSTANCE_ID, "must be an EC2 instance id such as i-0123456789abcdef0");
            String device = attach.requiredMatching("device", DEVICE, "must be a device name such as /dev/sdf or xvdf");
            attach.finish();
            attachTo = new RestoreVolumePlan.Attachment(instance, device);
        }
        Integer rpo = step.optionalInt("rpoSeconds", 1, RestoreDatabaseKind.MAX_RPO_SECONDS);
        step.finish();
        return new RestoreVolumePlan(region, zone, tags, name, type, attachTo, rpo, step.path());
    }

    @Override
    public Map<String, Object> write(RestoreVolumePlan step) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("region", step.region());
        m.put("availabilityZone", step.availabilityZone());
        m.put("snapshotTags", new LinkedHashMap<>(new TreeMap<>(step.snapshotTags())));
        m.put("volumeName", step.volumeName());
        if (step.volumeType() != null) {
            m.put("volumeType", step.volumeType());
        }
        if (step.attachTo() != null) {
            Map<String, Object> attach = new LinkedHashMap<>();
            attach.put("instanceId", step.attachTo().instanceId());
            attach.put("device", step.attachTo().device());
            m.put("attachTo", attach);
        }
        if (step.rpoSeconds() != null) {
            m.put("rpoSeconds", step.rpoSeconds());
        }
        return m;
    }

    /** One name is one volume (a re-run finds it by its tag); one device of an instance takes one volume. */
    @Override
    public void checkAcross(List<RestoreVolumePlan> steps) {
        Uniqueness.unique(steps, s -> s.region() + "/" + s.volumeName(), RestoreVolumePlan::path, "volumeName", "restored volume");
        Uniqueness.unique(steps.stream().filter(s -> s.attachTo() != null).toList(),
                s -> s.region() + "/" + s.attachTo().instanceId() + "/" + s.attachTo().device(), RestoreVolumePlan::path, "attachTo.device",
                "device of an instance");
    }

    /** Failback never deletes what a restore created: a person decides when the restored volume goes. */
    @Override
    public OptionalInt failbackRank() {
        return OptionalInt.empty();
    }
}
