package io.github.drkit.runtime.steps.restore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import io.github.drkit.plan.PlanValidationException;
import io.github.drkit.plan.RestoreVolumeKind;
import io.github.drkit.plan.RestoreVolumePlan;
import io.github.drkit.runtime.aws.api.EbsSnapshot;
import io.github.drkit.runtime.aws.api.EbsVolume;
import io.github.drkit.runtime.readiness.Answer;
import io.github.drkit.runtime.readiness.Finding;
import io.github.drkit.runtime.readiness.ReadinessCheck;
import io.github.drkit.runtime.readiness.ReadinessContext;
import io.github.drkit.runtime.readiness.Severity;

/**
 * Volume restores: the EBS snapshot a restore now would create the volume from exists in the recovery Region and is
 * younger than the step's RPO, and the instance the volume attaches to exists in the step's Availability Zone. A volume
 * already restored (found by its name tag) is reported as such. Reads: one DescribeVolumes per step, one DescribeSnapshots
 * per account, Region and set of snapshot tags, one DescribeInstances per step that attaches.
 */
public final class RestoreVolumeReadiness implements ReadinessCheck<RestoreVolumePlan> {
    @Override
    public String kind() {
        return RestoreVolumeKind.NAME;
    }

    @Override
    public Class<RestoreVolumePlan> type() {
        return RestoreVolumePlan.class;
    }

    @Override
    public List<Finding> check(List<RestoreVolumePlan> steps, ReadinessContext context) {
        Map<String, Callable<List<EbsVolume>>> volumeReads = new LinkedHashMap<>();
        Map<String, Callable<Boolean>> instanceReads = new LinkedHashMap<>();
        Map<String, Callable<List<EbsSnapshot>>> snapshotReads = new LinkedHashMap<>();
        for (RestoreVolumePlan step : steps) {
            volumeReads.put(step.path(), () -> RestoreVolumeExecutor.restored(context.aws(step).ec2Volumes(), step));
            if (step.attachTo() != null) {
                instanceReads.put(step.path(), () -> {
                    RestoreVolumeExecutor.checkInstance(step, context.aws(step).ec2Volumes());
                    return true;
                });
            }
            snapshotReads.putIfAbsent(snapshotsKey(step, context), () -> context.aws(step).ec2Volumes().snapshotsTagged(step.region(),
                    step.snapshotTags()));
        }
        Map<String, Answer<List<EbsVolume>>> volumes = Answer.readAll(context, volumeReads);
        Map<String, Answer<Boolean>> instances = Answer.readAll(context, instanceReads);
        Map<String, Answer<List<EbsSnapshot>>> snapshots = Answer.readAll(context, snapshotReads);
        Instant now = Instant.now();
        List<Finding> findings = new ArrayList<>();
        for (RestoreVolumePlan step : steps) {
            findings.addAll(findings(step, context, now, volumes.get(step.path()), instances.get(step.path()),
                    snapshots.get(snapshotsKey(step, context))));
        }
        return findings;
    }

    private static List<Finding> findings(RestoreVolumePlan step, ReadinessContext context, Instant now, Answer<List<EbsVolume>> volumes,
                                          Answer<Boolean> instance, Answer<List<EbsSnapshot>> snapshots) {
        String resource = "EBS volume " + step.volumeName() + " (" + step.availabilityZone() + ")";
        List<Finding> findings = new ArrayList<>();
        if (volumes.error() != null) {
            findings.add(ReadinessContext.unchecked(step.path(), resource, "the restored volume", volumes.error()));
        } else if (!volumes.value().isEmpty()) {
            EbsVolume volume = volumes.value().get(0);
            String made = "volume " + volume.volumeId() + " named " + step.volumeName() + " exists (" + volume.state() + ")";
            if ("error".equals(volume.state())) {
                findings.add(RecoveryPointFindings.ended(step, resource, RestoreVolumeExecutor.endedWithout(step, volume.volumeId(), "error")));
            } else if ("available".equals(volume.state()) || "in-use".equals(volume.state())) {
                findings.add(RecoveryPointFindings.restored(step, resource, made, RestoreTags.pointOf(volume.tags()),
                        RecoveryPointFindings.rpoSeconds(step.rpoSeconds(), context), now, "the volume (aws ec2 delete-volume --region "
                                + step.region() + " --volume-id " + volume.volumeId() + ", after detaching it)"));
            } else {
                findings.add(RecoveryPointFindings.underWay(step, resource, made, RestoreTags.pointOf(volume.tags()), now));
            }
            return findings;
        }
        if (instance != null && instance.error() instanceof PlanValidationException wrong) {
            findings.add(Finding.of(Severity.CRITICAL, Finding.Category.EXISTENCE, wrong.field(), resource, wrong.getMessage()
                            + ": a restore now would stop at this step before creating the volume",
                    "point attachTo at an instance in " + step.availabilityZone() + ", or start the instance the plan names"));
        } else if (instance != null && instance.error() != null) {
            findings.add(ReadinessContext.unchecked(step.path() + ".attachTo.instanceId", resource, "the instance to attach to", instance.error()));
        }
        String what = RestoreVolumeExecutor.what(step);
        String field = step.path() + ".snapshotTags";
        if (snapshots.error() != null) {
            findings.add(ReadinessContext.unchecked(step.path(), resource, "the " + what, snapshots.error()));
            return findings;
        }
        List<RecoveryPoint> points = RestoreVolumeExecutor.snapshotPoints(snapshots.value());
        if (points.isEmpty()) {
            findings.add(RecoveryPointFindings.none(step, field, resource, what));
            return findings;
        }
        findings.add(RecoveryPointFindings.age(step, resource, RecoveryPoint.choose(points, Optional.empty(), what, field),
                RecoveryPointFindings.rpoSeconds(step.rpoSeconds(), context), now, what, ""));
        return findings;
    }

    private static String snapshotsKey(RestoreVolumePlan step, ReadinessContext context) {
        return RecoveryPointFindings.scope(step, context) + "|" + new TreeMap<>(step.snapshotTags());
    }
}
