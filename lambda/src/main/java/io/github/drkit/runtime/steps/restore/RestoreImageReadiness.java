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
import io.github.drkit.plan.RestoreImageKind;
import io.github.drkit.plan.RestoreImagePlan;
import io.github.drkit.runtime.aws.api.AutoScalingGroup;
import io.github.drkit.runtime.aws.api.Ec2Api;
import io.github.drkit.runtime.aws.api.MachineImage;
import io.github.drkit.runtime.readiness.Answer;
import io.github.drkit.runtime.readiness.Finding;
import io.github.drkit.runtime.readiness.ReadinessCheck;
import io.github.drkit.runtime.readiness.ReadinessContext;
import io.github.drkit.runtime.readiness.Severity;

/**
 * Image restores: the Auto Scaling group exists and launches from a launch template version that exists (what the restore
 * makes a new version of), and the AMI a restore now would choose exists in the recovery Region and is younger than the
 * step's RPO. A group that already launches that AMI is said to. Reads: one DescribeAutoScalingGroups per account, Region
 * and 50 groups, one DescribeLaunchTemplateVersions per step (the API reads one template a call), one DescribeImages per
 * account, Region and set of image tags.
 */
public final class RestoreImageReadiness implements ReadinessCheck<RestoreImagePlan> {
    private static final int GROUPS_PER_CALL = 50;

    @Override
    public String kind() {
        return RestoreImageKind.NAME;
    }

    @Override
    public Class<RestoreImagePlan> type() {
        return RestoreImagePlan.class;
    }

    @Override
    public List<Finding> check(List<RestoreImagePlan> steps, ReadinessContext context) {
        Map<String, Answer<List<AutoScalingGroup>>> groups = groups(steps, context);
        Map<String, Callable<Ec2Api.LaunchTemplateVersion>> versionReads = new LinkedHashMap<>();
        Map<String, Callable<List<MachineImage>>> imageReads = new LinkedHashMap<>();
        for (RestoreImagePlan step : steps) {
            Answer<List<AutoScalingGroup>> described = groups.get(step.path());
            versionReads.put(step.path(), () -> {
                if (described.error() != null) {
                    throw described.error();
                }
                return RestoreImageExecutor.version(context.aws(step), step, RestoreImageExecutor.group(step, described.value()));
            });
            imageReads.putIfAbsent(imagesKey(step, context), () -> context.aws(step).ec2().imagesTagged(step.region(), step.imageTags()));
        }
        Map<String, Answer<Ec2Api.LaunchTemplateVersion>> versions = Answer.readAll(context, versionReads);
        Map<String, Answer<List<MachineImage>>> images = Answer.readAll(context, imageReads);
        Instant now = Instant.now();
        List<Finding> findings = new ArrayList<>();
        for (RestoreImagePlan step : steps) {
            findings.addAll(findings(step, context, now, versions.get(step.path()), images.get(imagesKey(step, context))));
        }
        return findings;
    }

    /** The groups described for each step, by step path: one DescribeAutoScalingGroups per account, Region and 50 groups. */
    private static Map<String, Answer<List<AutoScalingGroup>>> groups(List<RestoreImagePlan> steps, ReadinessContext context) {
        Map<String, List<RestoreImagePlan>> byScope = new LinkedHashMap<>();
        steps.forEach(step -> byScope.computeIfAbsent(RecoveryPointFindings.scope(step, context), k -> new ArrayList<>()).add(step));
        Map<String, Callable<List<AutoScalingGroup>>> reads = new LinkedHashMap<>();
        Map<String, List<RestoreImagePlan>> chunks = new LinkedHashMap<>();
        for (Map.Entry<String, List<RestoreImagePlan>> scope : byScope.entrySet()) {
            List<RestoreImagePlan> members = scope.getValue();
            for (int i = 0; i < members.size(); i += GROUPS_PER_CALL) {
                List<RestoreImagePlan> chunk = members.subList(i, Math.min(members.size(), i + GROUPS_PER_CALL));
                RestoreImagePlan first = chunk.get(0);
                String key = scope.getKey() + "|" + i;
                chunks.put(key, chunk);
                reads.put(key, () -> context.aws(first).autoScaling().describe(first.region(),
                        chunk.stream().map(RestoreImagePlan::autoScalingGroupName).distinct().toList()));
            }
        }
        Map<String, Answer<List<AutoScalingGroup>>> groups = new LinkedHashMap<>();
        Answer.readAll(context, reads).forEach((key, answer) -> chunks.get(key).forEach(step -> groups.put(step.path(), answer)));
        return groups;
    }

    private static List<Finding> findings(RestoreImagePlan step, ReadinessContext context, Instant now,
                                          Answer<Ec2Api.LaunchTemplateVersion> version, Answer<List<MachineImage>> images) {
        String resource = "Auto Scaling group " + step.autoScalingGroupName() + " (" + step.region() + ")";
        List<Finding> findings = new ArrayList<>();
        if (version.error() instanceof PlanValidationException missing) {
            findings.add(Finding.of(Severity.CRITICAL, Finding.Category.EXISTENCE, missing.field(), resource, missing.getMessage()
                    + ": a restore now would stop at this step", "redeploy the stack that creates the group and its launch template,"
                    + " or correct the plan's autoScalingGroupName"));
        } else if (version.error() != null) {
            findings.add(ReadinessContext.unchecked(step.path(), resource, "the group and its launch template", version.error()));
        }
        String what = RestoreImageExecutor.what(step);
        String field = step.path() + ".imageTags";
        if (images.error() != null) {
            findings.add(ReadinessContext.unchecked(step.path(), resource, "the " + what, images.error()));
            return findings;
        }
        List<RecoveryPoint> points = RestoreImageExecutor.imagePoints(images.value());
        if (points.isEmpty()) {
            findings.add(RecoveryPointFindings.none(step, field, resource, what));
            return findings;
        }
        RecoveryPoint point = RecoveryPoint.choose(points, Optional.empty(), what, field);
        boolean launched = version.value() != null && point.id().equals(version.value().imageId());
        findings.add(RecoveryPointFindings.age(step, resource, point, RecoveryPointFindings.rpoSeconds(step.rpoSeconds(), context), now, what,
                launched ? "; the group already launches it (launch template version " + version.value().versionNumber() + ")" : ""));
        return findings;
    }

    private static String imagesKey(RestoreImagePlan step, ReadinessContext context) {
        return RecoveryPointFindings.scope(step, context) + "|" + new TreeMap<>(step.imageTags());
    }
}
