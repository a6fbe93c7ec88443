package io.github.drkit.runtime.steps.restore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.github.drkit.plan.PlanValidationException;
import io.github.drkit.plan.RestoreVolumeKind;
import io.github.drkit.plan.RestoreVolumePlan;
import io.github.drkit.runtime.aws.api.EbsSnapshot;
import io.github.drkit.runtime.aws.api.EbsVolume;
import io.github.drkit.runtime.aws.api.Ec2VolumesApi;
import io.github.drkit.runtime.engine.Execution;
import io.github.drkit.runtime.engine.Inspection;
import io.github.drkit.runtime.engine.Position;
import io.github.drkit.runtime.engine.StateReport;
import io.github.drkit.runtime.engine.Step;
import io.github.drkit.runtime.engine.StepExecutor;
import io.github.drkit.runtime.engine.StepLive;

/**
 * The runtime side of {@code restoreVolume}: creates an EBS volume in the step's Availability Zone from the chosen copied
 * snapshot ({@code CreateVolume}, tagged as it is created with its name, the snapshot and the time of its data), waits
 * until it is {@code available}, and attaches it to the named instance. A run finds the volume by its name tag and never
 * creates a second; failback lists it for a person, never deletes it.
 */
public final class RestoreVolumeExecutor implements StepExecutor<RestoreVolumePlan> {
    /** The tag that names a restored volume: how a second run finds it. */
    public static final String RESTORED_VOLUME = "drkit:restored-volume";
    /** EBS creates a volume from a snapshot in minutes (its blocks load lazily afterwards); the run's deadline caps the wait. */
    static final Duration AVAILABLE_TIMEOUT = Duration.ofHours(1);
    /** An attachment takes seconds. */
    static final Duration ATTACHED_TIMEOUT = Duration.ofMinutes(5);
    /** The state the wait reads for a volume that DescribeVolumes no longer returns. */
    private static final String GONE = "gone";

    /**
     * What inspect read: the restored volume if it exists (and any other volume of the same name, which only racing runs
     * before this one can have made), else the snapshot the restore would use (null for status and failback while there is none).
     */
    record State(EbsVolume restored, List<String> others, RecoveryPoint point) {
    }

    @Override
    public String kind() {
        return RestoreVolumeKind.NAME;
    }

    @Override
    public Class<RestoreVolumePlan> type() {
        return RestoreVolumePlan.class;
    }

    @Override
    public Map<String, StepLive> inspect(List<RestoreVolumePlan> steps, Inspection inspection) {
        List<Callable<StepLive>> reads = new ArrayList<>();
        for (RestoreVolumePlan step : steps) {
            reads.add(() -> read(step, inspection));
        }
        List<StepLive> answers = inspection.all(reads);
        Map<String, StepLive> live = new LinkedHashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            live.put(steps.get(i).path(), answers.get(i));
        }
        return live;
    }

    private static StepLive read(RestoreVolumePlan step, Inspection inspection) {
        Ec2VolumesApi ec2 = inspection.aws(step).ec2Volumes();
        if (step.attachTo() != null && inspection.restoring()) {
            checkInstance(step, ec2);
        }
        List<EbsVolume> volumes = restored(ec2, step);
        Instant now = Instant.now();
        if (!volumes.isEmpty()) {
            EbsVolume volume = chosen(volumes, step);
            List<String> others = volumes.stream().map(EbsVolume::volumeId).filter(id -> !id.equals(volume.volumeId())).toList();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("volumeId", volume.volumeId());
            volume.attachments().stream().findFirst().ifPresent(a -> details.put("attachedTo", a.instanceId() + " " + a.device()));
            if (!others.isEmpty()) {
                details.put("otherVolumes", others);
            }
            RecoveryPoint point = RestoreTags.pointOf(volume.tags());
            if (point != null) {
                details.putAll(point.details(step.rpoSeconds(), now));
            }
            // The restored volume serves whichever way traffic points: it does not vote on the state.
            return new StepLive(new StateReport.StepStatus(step.path(), RestoreVolumeKind.NAME, step.region(), step.volumeName(),
                    volume.state(), details, Position.EITHER), new State(volume, others, point));
        }
        List<RecoveryPoint> points = snapshotPoints(ec2.snapshotsTagged(step.region(), step.snapshotTags()));
        String what = what(step);
        RecoveryPoint point = RecoveryPoint.choose(inspection, points, what, step.path() + ".snapshotTags");
        return new StepLive(new StateReport.StepStatus(step.path(), RestoreVolumeKind.NAME, step.region(), step.volumeName(), null,
                point == null ? RecoveryPoint.missing(what) : point.details(step.rpoSeconds(), now), Position.NORMAL),
                new State(null, List.of(), point));
    }

    /** The snapshots a restore may create the volume from: the completed ones whose start time is known. */
    static List<RecoveryPoint> snapshotPoints(List<EbsSnapshot> snapshots) {
        return snapshots.stream().filter(s -> "completed".equals(s.state()) && s.startTime() != null)
                .map(s -> new RecoveryPoint(s.snapshotId(), s.startTime())).toList();
    }

    /** The step's snapshots in words, for messages. */
    static String what(RestoreVolumePlan step) {
        return "EBS snapshot tagged " + step.snapshotTags() + " in " + step.region();
    }

    /** The named instance must exist in the volume's zone: an EBS volume attaches only there. Checked before any change. */
    static void checkInstance(RestoreVolumePlan step, Ec2VolumesApi ec2) {
        String instance = step.attachTo().instanceId();
        Optional<String> zone = ec2.instanceZone(step.region(), instance);
        if (zone.isEmpty()) {
            throw new PlanValidationException(step.path() + ".attachTo.instanceId", "instance " + instance + " not found in " + step.region());
        }
        if (!zone.get().equals(step.availabilityZone())) {
            throw new PlanValidationException(step.path() + ".attachTo.instanceId", "instance " + instance + " is in " + zone.get()
                    + ", not in the step's availabilityZone " + step.availabilityZone() + ": an EBS volume attaches only in its own zone");
        }
    }

    /** The volumes of the step's name that still exist. */
    static List<EbsVolume> restored(Ec2VolumesApi ec2, RestoreVolumePlan step) {
        return ec2.volumesTagged(step.region(), RESTORED_VOLUME, step.volumeName()).stream()
                .filter(v -> !"deleting".equals(v.state()) && !"deleted".equals(v.state()))
                .sorted(Comparator.comparing(EbsVolume::volumeId)).toList();
    }

    /** The one attached where the step attaches, else the first by id: the one later runs keep choosing. */
    private static EbsVolume chosen(List<EbsVolume> volumes, RestoreVolumePlan step) {
        return volumes.stream().filter(v -> attachedAsPlanned(v, step)).findFirst().orElse(volumes.get(0));
    }

    private static boolean attachedAsPlanned(EbsVolume volume, RestoreVolumePlan step) {
        return step.attachTo() != null && volume.attachments().stream().anyMatch(a -> a.instanceId().equals(step.attachTo().instanceId())
                && a.device().equals(step.attachTo().device()) && "attached".equals(a.state()));
    }

    @Override
    public List<Step> failover(RestoreVolumePlan step, Execution execution) {
        State state = execution.state(step, State.class);
        String name = "restore volume " + step.volumeName() + " (" + step.availabilityZone() + ")";
        EbsVolume volume = state.restored();
        if (volume == null) {
            RecoveryPoint point = state.point();
            String change = "create EBS volume " + step.volumeName() + " in " + step.availabilityZone() + " from snapshot "
                    + point.describe(step.rpoSeconds(), Instant.now()) + (step.volumeType() == null ? "" : ", type " + step.volumeType())
                    + (step.attachTo() == null ? "" : ", attached to " + step.attachTo().instanceId() + " as " + step.attachTo().device());
            return List.of(Step.change(name, step.path(), List.of(change), () -> create(step, point, execution, name), null));
        }
        if ("error".equals(volume.state())) {
            return List.of(Step.change(name, step.path(), List.of("none: EBS volume " + volume.volumeId() + " is in state error; nothing is created"),
                    () -> Step.Result.failed(endedWithout(step, volume.volumeId(), "error")), null));
        }
        if ("creating".equals(volume.state())) {
            // A restore an earlier run started (or cut by its deadline): wait for it, make nothing new.
            return List.of(Step.gate(name, step.path(), List.of(volume.volumeId() + " available"),
                    () -> availableThenAttached(step, volume.volumeId(), execution, name, "restore under way")));
        }
        if (step.attachTo() == null || attachedAsPlanned(volume, step)) {
            return List.of(Step.change(name, step.path(), List.of(), () -> Step.Result.noChange("already restored"),
                    "already restored as " + volume.volumeId() + (state.point() == null ? "" : " from " + state.point().id())
                            + (step.attachTo() == null ? "" : " and attached")));
        }
        String change = "attach EBS volume " + volume.volumeId() + " to " + step.attachTo().instanceId() + " as " + step.attachTo().device();
        return List.of(Step.change(name, step.path(), List.of(change), () -> attach(step, volume.volumeId(), execution, name,
                "restored as " + volume.volumeId()), null));
    }

    private static Step.Result create(RestoreVolumePlan step, RecoveryPoint point, Execution execution, String name) {
        Ec2VolumesApi ec2 = execution.aws(step).ec2Volumes();
        List<EbsVolume> existing = restored(ec2, step);
        if (!existing.isEmpty()) {
            return Step.Result.byAnotherRun("volume " + existing.get(0).volumeId() + " named " + step.volumeName() + " exists");
        }
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(RESTORED_VOLUME, step.volumeName());
        tags.put("Name", step.volumeName());
        tags.putAll(RestoreTags.of(point));
        String volumeId = ec2.createVolume(step.region(), step.availabilityZone(), point.id(), step.volumeType(), tags,
                clientToken(step, point, execution.runId()));
        return availableThenAttached(step, volumeId, execution, name, "restored from " + point.id() + " as " + volumeId);
    }

    private static Step.Result availableThenAttached(RestoreVolumePlan step, String volumeId, Execution execution, String name, String done) {
        Ec2VolumesApi ec2 = execution.aws(step).ec2Volumes();
        String[] ended = new String[1];
        String pending = execution.await(name, AVAILABLE_TIMEOUT, () -> {
            String state = ec2.volume(step.region(), volumeId).map(EbsVolume::state).orElse(GONE);
            ended[0] = endedWithout(step, volumeId, state);
            return ended[0] != null || "available".equals(state) || "in-use".equals(state) ? null
                    : "EBS volume " + volumeId + " to be available (now " + state + ")";
        });
        if (ended[0] != null) {
            return Step.Result.failed(done + "; " + ended[0]);
        }
        if (pending != null) {
            return Step.Result.failed(done + "; still waiting for " + pending + " when the time ran out: run restore again to wait on");
        }
        if (step.attachTo() == null) {
            return Step.Result.done(done + "; available");
        }
        EbsVolume volume = ec2.volume(step.region(), volumeId).orElseThrow();
        if (attachedAsPlanned(volume, step)) {
            return Step.Result.done(done + "; available and attached");
        }
        return attach(step, volumeId, execution, name, done);
    }

    private static Step.Result attach(RestoreVolumePlan step, String volumeId, Execution execution, String name, String done) {
        Ec2VolumesApi ec2 = execution.aws(step).ec2Volumes();
        EbsVolume now = ec2.volume(step.region(), volumeId).orElse(null);
        if (now == null) {
            return Step.Result.failed(done + "; volume " + volumeId + " is gone: run restore again to restore it");
        }
        if (now.attachments().isEmpty()) {
            ec2.attachVolume(step.region(), volumeId, step.attachTo().instanceId(), step.attachTo().device());
        } else if (now.attachments().stream().noneMatch(a -> a.instanceId().equals(step.attachTo().instanceId())
                && a.device().equals(step.attachTo().device()))) {
            EbsVolume.Attachment other = now.attachments().get(0);
            return Step.Result.failed(done + "; volume " + volumeId + " is attached to " + other.instanceId() + " as " + other.device()
                    + ", not to " + step.attachTo().instanceId() + " as " + step.attachTo().device()
                    + ": drkit does not detach it; detach it or change the plan");
        }
        String pending = execution.await(name, ATTACHED_TIMEOUT, () -> {
            EbsVolume volume = ec2.volume(step.region(), volumeId).orElse(null);
            if (volume != null && attachedAsPlanned(volume, step)) {
                return null;
            }
            String state = volume == null ? "gone" : volume.attachments().stream().map(EbsVolume.Attachment::state).findFirst().orElse("detached");
            return "EBS volume " + volumeId + " to be attached to " + step.attachTo().instanceId() + " (now " + state + ")";
        });
        if (pending != null) {
            return Step.Result.failed(done + "; still waiting for " + pending + " when the time ran out: run restore again to wait on");
        }
        return Step.Result.done(done + "; attached to " + step.attachTo().instanceId() + " as " + step.attachTo().device());
    }

    /**
     * What a volume's state says when it will never become available: {@code error} (EC2 could not create it) or gone
     * (deleted while the run waited); null while it may still get there. The wait stops at once on these.
     */
    static String endedWithout(RestoreVolumePlan step, String volumeId, String state) {
        if ("error".equals(state)) {
            return "EBS volume " + volumeId + " (" + step.volumeName() + ") is in state error and will not become available: delete it"
                    + " (aws ec2 delete-volume --region " + step.region() + " --volume-id " + volumeId + ") and run restore again";
        }
        if (GONE.equals(state) || "deleting".equals(state) || "deleted".equals(state)) {
            return "EBS volume " + volumeId + " (" + step.volumeName() + ") is " + state + " (deleted while the restore waited for it): run"
                    + " restore again to restore a new one";
        }
        return null;
    }

    /**
     * The same token for every attempt of one run to create this step's volume from this snapshot, so that EC2 returns the
     * volume a timed-out attempt made instead of a second one (the name tag covers later runs). The run id is part of it:
     * EC2 answers a repeated token with the volume it first made even after that volume was deleted, so a new run after a
     * deletion must send another token to get a new volume.
     */
    static String clientToken(RestoreVolumePlan step, RecoveryPoint point, String runId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((step.region() + "/" + step.availabilityZone() + "/" + step.volumeName()
                    + "/" + point.id() + "/" + runId).getBytes(StandardCharsets.UTF_8));
            return "drkit-" + HexFormat.of().formatHex(digest, 0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Failback never deletes a restored volume (the kind has no failback rank): this is not called. */
    @Override
    public List<Step> failback(RestoreVolumePlan step, Execution execution) {
        return List.of();
    }

    @Override
    public List<String> leftForOperator(RestoreVolumePlan step, StateReport.StepStatus after) {
        if (after.status() == null) {
            return List.of();
        }
        Object volumeId = after.details().get("volumeId");
        Object from = after.details().get("recoveryPoint");
        Object attached = after.details().get("attachedTo");
        List<String> left = new ArrayList<>();
        left.add(step.path() + ": EBS volume " + volumeId + " (" + step.volumeName() + ") in " + step.availabilityZone() + " was restored"
                + (from == null ? "" : " from snapshot " + from) + (attached == null ? "" : " and is attached to " + attached)
                + "; drkit never deletes it. When the primary serves again and its data is no longer needed: "
                + (attached == null ? "" : "aws ec2 detach-volume --region " + step.region() + " --volume-id " + volumeId + ", then ")
                + "aws ec2 delete-volume --region " + step.region() + " --volume-id " + volumeId);
        if (after.details().get("otherVolumes") instanceof List<?> others) {
            for (Object other : others) {
                left.add(step.path() + ": EBS volume " + other + " is a second volume named " + step.volumeName() + " (made by runs that"
                        + " raced); drkit uses " + volumeId + ": aws ec2 delete-volume --region " + step.region() + " --volume-id " + other);
            }
        }
        return left;
    }
}
