package io.github.drkit.internal.plan;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.drkit.failover.PlanRestoreImage;
import io.github.drkit.failover.RecoveryStep;
import io.github.drkit.failover.StepPermissions;
import io.github.drkit.plan.RuntimePermissions;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;

/**
 * {@code restoreImage}: new versions of the groups' launch templates only, the groups moved to them (by name), and what
 * Auto Scaling checks for the caller when a group moves to a version: running instances only through those templates,
 * and passing the instance role only to EC2.
 */
public final class RestoreImagePermissions implements StepPermissions {
    /** The one instance: every step of the kind shares it, so that one statement covers them all. */
    public static final RestoreImagePermissions INSTANCE = new RestoreImagePermissions();

    private RestoreImagePermissions() {
    }

    @Override
    public List<PolicyStatement> statements(Stack stack, List<RecoveryStep> steps) {
        List<PlanRestoreImage> images = steps.stream().map(PlanRestoreImage.class::cast).toList();
        String partition = Aws.PARTITION;
        String account = stack.getAccount();
        List<PolicyStatement> out = new ArrayList<>();
        List<String> asgArns = images.stream().map(i -> "arn:" + partition + ":autoscaling:" + i.getRegion() + ":" + account
                + ":autoScalingGroup:*:autoScalingGroupName/" + i.getAutoScalingGroupName()).toList();
        out.add(Statements.allow("RestoreImageGroups", RuntimePermissions.actions("restore-image", "asg"), asgArns));
        List<String> templateArns = images.stream().map(i -> "arn:" + partition + ":ec2:" + i.getRegion() + ":" + account
                + ":launch-template/" + i.getLaunchTemplateId()).toList();
        out.add(Statements.allow("RestoreImageTemplates", RuntimePermissions.actions("restore-image", "launch-template"), templateArns));
        Set<String> regions = new LinkedHashSet<>();
        images.forEach(i -> regions.add(i.getRegion()));
        List<String> runArns = new ArrayList<>();
        for (String region : regions) {
            runArns.add("arn:" + partition + ":ec2:" + region + ":" + account + ":*");
            runArns.add("arn:" + partition + ":ec2:" + region + "::image/*");
        }
        PolicyStatement run = Statements.allow("RestoreImageRun", RuntimePermissions.actions("restore-image", "run-from-launch-template"), runArns);
        run.addCondition("ArnLike", Map.of("ec2:LaunchTemplate", templateArns));
        out.add(run);
        // DescribeAutoScalingGroups, DescribeLaunchTemplateVersions and DescribeImages support no resource-level permissions.
        out.add(Statements.allow("RestoreImageDescribe", RuntimePermissions.actions("restore-image", "any"), List.of("*")));
        List<String> roles = images.stream().map(PlanRestoreImage::getInstanceRoleArn).filter(r -> r != null).distinct().toList();
        if (!roles.isEmpty()) {
            PolicyStatement pass = Statements.allow("RestoreImagePassRole", RuntimePermissions.actions("restore-image", "instance-role"), roles);
            pass.addCondition("StringEquals", Map.of("iam:PassedToService", "ec2.amazonaws.com"));
            out.add(pass);
        }
        return out;
    }
}
