package io.github.drkit.internal.plan;

import io.github.drkit.failover.PlanFleet;
import io.github.drkit.failover.RecoveryStep;
import io.github.drkit.failover.StepPermissions;
import io.github.drkit.plan.RuntimePermissions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;

/**
 * {@code scaleFleet}: update the plan's Auto Scaling groups, scoped to their names; for fleets that scale vertically,
 * new launch template versions of their templates and what Auto Scaling checks for the caller when a group moves to one.
 */
public final class FleetPermissions implements StepPermissions {
    /** The one instance: every step of the kind shares it, so that one statement covers them all. */
    public static final FleetPermissions INSTANCE = new FleetPermissions();

    private FleetPermissions() {
    }

    @Override
    public List<PolicyStatement> statements(Stack stack, List<RecoveryStep> steps) {
        List<PlanFleet> fleets = steps.stream().map(PlanFleet.class::cast).toList();
        String account = stack.getAccount();
        List<PolicyStatement> out = new ArrayList<>();
        // An ASG ARN carries a generated UUID; the name after autoScalingGroupName/ pins the group.
        List<String> asgArns = fleets.stream()
                .map(f -> "arn:" + Aws.PARTITION + ":autoscaling:" + f.region() + ":" + account + ":autoScalingGroup:*:autoScalingGroupName/"
                        + f.autoScalingGroupName())
                .toList();
        out.add(Statements.allow("Fleets", RuntimePermissions.actions("fleet", "asg"), asgArns));
        // Auto Scaling and ELBv2 Describe* calls do not support resource-level permissions.
        out.add(Statements.allow("DescribeFleets", RuntimePermissions.actions("fleet", "any"), List.of("*")));
        verticalScaling(out, fleets, account);
        return out;
    }

    private static void verticalScaling(List<PolicyStatement> out, List<PlanFleet> fleets, String account) {
        List<PlanFleet> vertical = fleets.stream().filter(PlanFleet::scalesVertically).toList();
        if (vertical.isEmpty()) {
            return;
        }
        String partition = Aws.PARTITION;
        List<String> templateArns = vertical.stream()
                .map(f -> "arn:" + partition + ":ec2:" + f.region() + ":" + account + ":launch-template/" + f.launchTemplateId())
                .toList();
        out.add(Statements.allow("LaunchTemplates", RuntimePermissions.actions("vertical-scaling", "launch-template"), templateArns));
        // Auto Scaling checks ec2:RunInstances for the caller when a group moves to another launch
        // template version; the condition allows it only through the plan's launch templates.
        Set<String> regions = new LinkedHashSet<>();
        vertical.forEach(f -> regions.add(f.region()));
        List<String> runArns = new ArrayList<>();
        for (String region : regions) {
            runArns.add("arn:" + partition + ":ec2:" + region + ":" + account + ":*");
            runArns.add("arn:" + partition + ":ec2:" + region + "::image/*");
        }
        PolicyStatement run = Statements.allow("RunFromLaunchTemplates",
                RuntimePermissions.actions("vertical-scaling", "run-from-launch-template"), runArns);
        run.addCondition("ArnLike", Map.of("ec2:LaunchTemplate", templateArns));
        out.add(run);
        // DescribeLaunchTemplateVersions does not support resource-level permissions.
        out.add(Statements.allow("DescribeLaunchTemplates", RuntimePermissions.actions("vertical-scaling", "any"), List.of("*")));
        List<String> roles = vertical.stream().map(PlanFleet::instanceRoleArn).filter(r -> r != null).toList();
        if (!roles.isEmpty()) {
            PolicyStatement pass = Statements.allow("PassInstanceRole", RuntimePermissions.actions("vertical-scaling", "instance-role"), roles);
            pass.addCondition("StringEquals", Map.of("iam:PassedToService", "ec2.amazonaws.com"));
            out.add(pass);
        }
    }
}
