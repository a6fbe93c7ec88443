package io.github.drkit.runtime.steps.restore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.github.drkit.plan.PlanValidationException;
import io.github.drkit.plan.RestoreImageKind;
import io.github.drkit.plan.RestoreImagePlan;
import io.github.drkit.runtime.aws.AwsClients;
import io.github.drkit.runtime.aws.api.AutoScalingGroup;
import io.github.drkit.runtime.aws.api.Ec2Api;
import io.github.drkit.runtime.aws.api.MachineImage;
import io.github.drkit.runtime.aws.api.UpdateAutoScalingGroupRequest;
import io.github.drkit.runtime.engine.Execution;
import io.github.drkit.runtime.engine.Inspection;
import io.github.drkit.runtime.engine.Position;
import io.github.drkit.runtime.engine.StateReport;
import io.github.drkit.runtime.engine.Step;
import io.github.drkit.runtime.engine.StepExecutor;
import io.github.drkit.runtime.engine.StepLive;

/**
 * The runtime side of {@code restoreImage}: points an Auto Scaling group at the chosen copied AMI through a new version of
 * its launch template with only the image changed ({@code CreateLaunchTemplateVersion}), and the group at that version
 * unless it follows {@code $Latest}. The instances come with the group's capacity (a {@code scaleFleet} step).
 */
public final class RestoreImageExecutor implements StepExecutor<RestoreImagePlan> {
    private static final String LATEST = "$Latest";

    /**
     * What inspect read: the group, the template version it launches (with its image) and the AMI the restore would use
     * (null for status and failback while there is none).
     */
    record State(AutoScalingGroup group, Ec2Api.LaunchTemplateVersion version, RecoveryPoint point) {
    }

    @Override
    public String kind() {
        return RestoreImageKind.NAME;
    }

    @Override
    public Class<RestoreImagePlan> type() {
        return RestoreImagePlan.class;
    }

    @Override
    public Map<String, StepLive> inspect(List<RestoreImagePlan> steps, Inspection inspection) {
        List<Callable<StepLive>> reads = new ArrayList<>();
        for (RestoreImagePlan step : steps) {
            reads.add(() -> read(step, inspection));
        }
        List<StepLive> answers = inspection.all(reads);
        Map<String, StepLive> live = new LinkedHashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            live.put(steps.get(i).path(), answers.get(i));
        }
        return live;
    }

    private static StepLive read(RestoreImagePlan step, Inspection inspection) {
        AutoScalingGroup group = group(inspection.aws(step), step);
        Ec2Api.LaunchTemplateVersion version = version(inspection.aws(step), step, group);
        List<RecoveryPoint> points = imagePoints(inspection.aws(step).ec2().imagesTagged(step.region(), step.imageTags()));
        String what = what(step);
        RecoveryPoint point = RecoveryPoint.choose(inspection, points, what, step.path() + ".imageTags");
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("imageId", version.imageId() == null ? "" : version.imageId());
        details.put("launchTemplateVersion", version.versionNumber());
        details.putAll(point == null ? RecoveryPoint.missing(what) : point.details(step.rpoSeconds(), Instant.now()));
        // The image a group launches from says nothing about where traffic goes: the group does not vote on the state.
        return new StepLive(new StateReport.StepStatus(step.path(), RestoreImageKind.NAME, step.region(), step.autoScalingGroupName(),
                null, details, Position.EITHER), new State(group, version, point));
    }

    /** The AMIs a restore may point the group at: the available ones whose creation time is known. */
    static List<RecoveryPoint> imagePoints(List<MachineImage> images) {
        return images.stream().filter(image -> "available".equals(image.state()) && image.created() != null)
                .map(image -> new RecoveryPoint(image.imageId(), image.created())).toList();
    }

    /** The step's AMIs in words, for messages. */
    static String what(RestoreImagePlan step) {
        return "AMI tagged " + step.imageTags() + " in " + step.region();
    }

    private static AutoScalingGroup group(AwsClients aws, RestoreImagePlan step) {
        return group(step, aws.autoScaling().describe(step.region(), List.of(step.autoScalingGroupName())));
    }

    /**
     * The step's group among the groups described (one call may describe many), which must launch from a launch template;
     * refused naming {@code autoScalingGroupName} otherwise.
     */
    static AutoScalingGroup group(RestoreImagePlan step, List<AutoScalingGroup> described) {
        AutoScalingGroup group = described.stream().filter(g -> g.name().equals(step.autoScalingGroupName())).findFirst()
                .orElseThrow(() -> new PlanValidationException(step.path() + ".autoScalingGroupName", "Auto Scaling group '"
                        + step.autoScalingGroupName() + "' not found in " + step.region()));
        if (group.launchTemplate() == null || group.mixedInstancesPolicy()) {
            throw new PlanValidationException(step.path() + ".autoScalingGroupName", "Auto Scaling group '" + step.autoScalingGroupName()
                    + "' in " + step.region() + " must launch from a launch template (not a launch configuration or a mixed instances"
                    + " policy): the restore makes a launch template version with the copied image");
        }
        return group;
    }

    /** The launch template version the group launches; refused naming {@code autoScalingGroupName} when it does not exist. */
    static Ec2Api.LaunchTemplateVersion version(AwsClients aws, RestoreImagePlan step, AutoScalingGroup group) {
        AutoScalingGroup.LaunchTemplateRef ref = group.launchTemplate();
        Ec2Api.LaunchTemplateVersion version = aws.ec2().launchTemplateVersion(step.region(), ref.id(), ref.name(),
                ref.version() == null ? "$Default" : ref.version());
        if (version == null) {
            throw new PlanValidationException(step.path() + ".autoScalingGroupName", "the launch template version "
                    + (ref.version() == null ? "$Default" : ref.version()) + " of Auto Scaling group '" + step.autoScalingGroupName()
                    + "' was not found in " + step.region());
        }
        return version;
    }

    @Override
    public List<Step> failover(RestoreImagePlan step, Execution execution) {
        State state = execution.state(step, State.class);
        RecoveryPoint point = state.point();
        String name = "restore image of " + step.autoScalingGroupName() + " (" + step.region() + ")";
        if (point.id().equals(state.version().imageId())) {
            return List.of(Step.change(name, step.path(), List.of(), () -> Step.Result.noChange("already on " + point.id()),
                    "already launches " + point.id()));
        }
        boolean latest = LATEST.equals(state.group().launchTemplate().version());
        String change = "launch template " + state.version().launchTemplateId() + ": new version from " + state.version().versionNumber()
                + " with image " + point.describe(step.rpoSeconds(), Instant.now()) + " (was " + state.version().imageId() + ")"
                + (latest ? "; the group follows $Latest" : "; group " + step.autoScalingGroupName() + " -> the new version");
        return List.of(Step.change(name, step.path(), List.of(change), () -> apply(step, point, execution), null));
    }

    private static Step.Result apply(RestoreImagePlan step, RecoveryPoint point, Execution execution) {
        AwsClients aws = execution.aws(step);
        AutoScalingGroup group = group(aws, step);
        Ec2Api.LaunchTemplateVersion now = version(aws, step, group);
        if (point.id().equals(now.imageId())) {
            return Step.Result.byAnotherRun(step.autoScalingGroupName() + " already launches " + point.id());
        }
        long number = aws.ec2().createLaunchTemplateVersionWithImage(step.region(), now.launchTemplateId(),
                String.valueOf(now.versionNumber()), "drkit restore: image " + point.id() + " of " + point.time(), point.id());
        if (!LATEST.equals(group.launchTemplate().version())) {
            aws.autoScaling().update(UpdateAutoScalingGroupRequest.builder().region(step.region()).groupName(group.name())
                    .minSize(group.minSize()).desiredCapacity(group.desiredCapacity()).maxSize(group.maxSize())
                    .launchTemplate(now.launchTemplateId(), String.valueOf(number)).build());
        }
        return Step.Result.done("launch template version " + number + " launches " + point.id());
    }

    /** Failback leaves the group on the restored image (the kind has no failback rank): this is not called. */
    @Override
    public List<Step> failback(RestoreImagePlan step, Execution execution) {
        return List.of();
    }
}
