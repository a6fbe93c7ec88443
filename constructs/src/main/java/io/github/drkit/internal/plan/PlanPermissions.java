package io.github.drkit.internal.plan;

import io.github.drkit.plan.RuntimePermissions;
import io.github.drkit.failover.FailoverPlan;
import io.github.drkit.failover.PlanDnsRecord;
import io.github.drkit.failover.PlanDnsZone;
import io.github.drkit.failover.PlanFleet;
import io.github.drkit.failover.PlanInstances;
import io.github.drkit.failover.PlanSiteSwitch;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;

/**
 * The least-privilege policy for a plan: the actions of each step kind the plan uses, as {@link RuntimePermissions}
 * lists them, with every mutating action scoped to the resources the plan names. The few read-only calls that AWS
 * authorizes only on "*" say why beside them.
 */
public final class PlanPermissions {
    private PlanPermissions() {
    }

    public static List<PolicyStatement> statements(Stack stack, FailoverPlan plan) {
        List<PolicyStatement> out = new ArrayList<>();
        String account = stack.getAccount();
        String partition = Aws.PARTITION;

        if (!plan.databases().isEmpty()) {
            List<String> dbArns = plan.databases().stream()
                    .map(d -> "arn:" + partition + ":rds:" + d.region() + ":" + account + ":db:" + d.dbInstanceIdentifier())
                    .collect(Collectors.toList());
            // DescribeDBInstances accepts a db ARN, so even the read is scoped; AddTagsToResource marks the replica
            // before PromoteReadReplica.
            out.add(allow("Databases", RuntimePermissions.actions("database", "db"), dbArns));
        }

        if (!plan.instances().isEmpty()) {
            List<String> arns = new ArrayList<>();
            for (PlanInstances group : plan.instances()) {
                for (String id : group.instanceIds()) {
                    arns.add("arn:" + partition + ":ec2:" + group.region() + ":" + account + ":instance/" + id);
                }
            }
            out.add(allow("Instances", RuntimePermissions.actions("instances", "instance"), arns));
            // DescribeInstances does not support resource-level permissions.
            out.add(allow("DescribeInstances", RuntimePermissions.actions("instances", "any"), List.of("*")));
        }

        if (!plan.fleets().isEmpty()) {
            // An ASG ARN carries a generated UUID; the name after autoScalingGroupName/ pins the group.
            List<String> asgArns = plan.fleets().stream()
                    .map(f -> "arn:" + partition + ":autoscaling:" + f.region() + ":" + account + ":autoScalingGroup:*:autoScalingGroupName/"
                            + f.autoScalingGroupName())
                    .collect(Collectors.toList());
            out.add(allow("Fleets", RuntimePermissions.actions("fleet", "asg"), asgArns));
            // Auto Scaling and ELBv2 Describe* calls do not support resource-level permissions.
            out.add(allow("DescribeFleets", RuntimePermissions.actions("fleet", "any"), List.of("*")));
            verticalScaling(out, plan.fleets(), partition, account);
        }

        if (!plan.dns().isEmpty()) {
            List<String> zoneArns = plan.dns().stream()
                    .map(z -> "arn:" + partition + ":route53:::hostedzone/" + z.hostedZoneId()).collect(Collectors.toList());
            PolicyStatement change = allow("DnsChange", RuntimePermissions.actions("dns", "zone-records"), zoneArns);
            Set<String> names = recordNames(plan.dns());
            if (names != null) {
                // Only the records in the plan: Route 53 compares lower-case names without the final dot.
                change.addCondition("ForAllValues:StringEquals", Map.of("route53:ChangeResourceRecordSetsNormalizedRecordNames", List.copyOf(names)));
            }
            out.add(change);
            out.add(allow("DnsRead", RuntimePermissions.actions("dns", "zone"), zoneArns));
            // GetChange is read-only and addressed by a change id that only exists after the change is made.
            out.add(allow("DnsChangeStatus", RuntimePermissions.actions("dns", "change"), List.of("arn:" + partition + ":route53:::change/*")));
            // Read-only: health of the records' checks before and after the switch.
            out.add(allow("HealthCheckStatus", RuntimePermissions.actions("dns", "healthcheck"), List.of("arn:" + partition + ":route53:::healthcheck/*")));
        }

        if (!plan.siteSwitches().isEmpty()) {
            // PutMetricData has no resource-level permission; the namespace condition is the scope AWS offers.
            Set<String> namespaces = plan.siteSwitches().stream().map(PlanSiteSwitch::namespace).collect(Collectors.toCollection(LinkedHashSet::new));
            PolicyStatement put = allow("SiteSwitches", RuntimePermissions.actions("site-switch", "metric-namespace"), List.of("*"));
            put.addCondition("StringEquals", Map.of("cloudwatch:namespace", List.copyOf(namespaces)));
            out.add(put);
            // GetMetricStatistics (the switch's current value) and DescribeAlarmsForMetric (the state of its alarm, which
            // Route 53 follows and which failback waits for) have no resource-level permission.
            out.add(allow("ReadSiteSwitches", RuntimePermissions.actions("site-switch", "any"), List.of("*")));
        }
        return out;
    }

    private static void verticalScaling(List<PolicyStatement> out, List<PlanFleet> fleets, String partition, String account) {
        List<PlanFleet> vertical = fleets.stream().filter(PlanFleet::scalesVertically).collect(Collectors.toList());
        if (vertical.isEmpty()) {
            return;
        }
        List<String> templateArns = vertical.stream()
                .map(f -> "arn:" + partition + ":ec2:" + f.region() + ":" + account + ":launch-template/" + f.launchTemplateId())
                .collect(Collectors.toList());
        out.add(allow("LaunchTemplates", RuntimePermissions.actions("vertical-scaling", "launch-template"), templateArns));
        // Auto Scaling checks ec2:RunInstances for the caller when a group moves to another launch
        // template version; the condition allows it only through the plan's launch templates.
        Set<String> regions = vertical.stream().map(PlanFleet::region).collect(Collectors.toCollection(LinkedHashSet::new));
        List<String> runArns = new ArrayList<>();
        for (String region : regions) {
            runArns.add("arn:" + partition + ":ec2:" + region + ":" + account + ":*");
            runArns.add("arn:" + partition + ":ec2:" + region + "::image/*");
        }
        PolicyStatement run = allow("RunFromLaunchTemplates", RuntimePermissions.actions("vertical-scaling", "run-from-launch-template"), runArns);
        run.addCondition("ArnLike", Map.of("ec2:LaunchTemplate", templateArns));
        out.add(run);
        // DescribeLaunchTemplateVersions does not support resource-level permissions.
        out.add(allow("DescribeLaunchTemplates", RuntimePermissions.actions("vertical-scaling", "any"), List.of("*")));
        List<String> roles = vertical.stream().map(PlanFleet::instanceRoleArn).filter(r -> r != null).collect(Collectors.toList());
        if (!roles.isEmpty()) {
            PolicyStatement pass = allow("PassInstanceRole", RuntimePermissions.actions("vertical-scaling", "instance-role"), roles);
            pass.addCondition("StringEquals", Map.of("iam:PassedToService", "ec2.amazonaws.com"));
            out.add(pass);
        }
    }

    /** The normalized names of every record in the plan, or null when one is a token (no condition then). */
    private static Set<String> recordNames(List<PlanDnsZone> zones) {
        Set<String> names = new LinkedHashSet<>();
        for (PlanDnsZone zone : zones) {
            for (PlanDnsRecord r : zone.records()) {
                if (Checks.isToken(r.name())) {
                    return null;
                }
                String n = r.name().toLowerCase(java.util.Locale.ROOT);
                names.add(n.endsWith(".") ? n.substring(0, n.length() - 1) : n);
            }
        }
        return names;
    }

    private static PolicyStatement allow(String sid, List<String> actions, List<String> resources) {
        return PolicyStatement.Builder.create().sid(sid).effect(Effect.ALLOW).actions(actions).resources(resources).build();
    }
}
