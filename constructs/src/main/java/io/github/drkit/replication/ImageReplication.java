package io.github.drkit.replication;

import io.github.drkit.internal.protection.Durations;
import io.github.drkit.internal.protection.NagSuppression;
import software.amazon.awscdk.CfnTag;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.dlm.CfnLifecyclePolicy;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * EBS snapshots or EBS-backed AMIs of tagged volumes and instances, taken on a schedule by Amazon
 * Data Lifecycle Manager and copied to the recovery Region, with retention on both sides: the
 * images a pilot light or a backup &amp; restore recovery starts servers from.
 *
 * <pre>{@code
 * new ImageReplication(this, "Amis", ImageReplicationProps.builder()
 *     .kind(ImageKind.AMIS)
 *     .targetTags(Map.of("dr", "ami"))
 *     .interval(Duration.hours(12))
 *     .copyTo(List.of(RegionCopy.to("us-west-2", Duration.days(14))))
 *     .build());
 * }</pre>
 */
public class ImageReplication extends Construct {
    private static final Set<Integer> INTERVAL_HOURS = Set.of(1, 2, 3, 4, 6, 8, 12, 24);

    private final ImageReplicationProps props;
    private final IRole executionRole;
    private final CfnLifecyclePolicy policy;

    public ImageReplication(Construct scope, String id, ImageReplicationProps props) {
        super(scope, id);
        check(props, Stack.of(this).getRegion());
        this.props = props;
        this.executionRole = props.getExecutionRole() != null ? props.getExecutionRole() : role(props.getKind());

        List<Object> copies = new ArrayList<>();
        for (RegionCopy c : props.getCopyTo()) {
            CfnLifecyclePolicy.CrossRegionCopyRuleProperty.Builder cb = CfnLifecyclePolicy.CrossRegionCopyRuleProperty.builder()
                    .targetRegion(c.getTargetRegion())
                    .encrypted(true)
                    .copyTags(true)
                    .retainRule(CfnLifecyclePolicy.CrossRegionCopyRetainRuleProperty.builder()
                            .interval((int) Durations.days(c.getRetention())).intervalUnit("DAYS").build());
            if (c.getEncryptionKeyArn() != null) {
                cb.cmkArn(c.getEncryptionKeyArn());
            }
            copies.add(cb.build());
        }
        CfnLifecyclePolicy.ScheduleProperty.Builder schedule = CfnLifecyclePolicy.ScheduleProperty.builder()
                .name("Every " + (int) Durations.hours(props.getInterval()) + " h")
                .copyTags(true)
                .createRule(CfnLifecyclePolicy.CreateRuleProperty.builder()
                        .interval((int) Durations.hours(props.getInterval()))
                        .intervalUnit("HOURS")
                        .times(List.of(props.getStartTime()))
                        .build())
                .retainRule(CfnLifecyclePolicy.RetainRuleProperty.builder().count(props.getRetainCount()).build());
        if (!copies.isEmpty()) {
            schedule.crossRegionCopyRules(copies);
        }
        List<CfnTag> tags = new ArrayList<>();
        new TreeMap<>(props.getTargetTags()).forEach((k, v) -> tags.add(CfnTag.builder().key(k).value(v).build()));
        CfnLifecyclePolicy.PolicyDetailsProperty.Builder details = CfnLifecyclePolicy.PolicyDetailsProperty.builder()
                .policyType(props.getKind().policyType())
                .resourceTypes(List.of(props.getKind().resourceType()))
                .targetTags(tags)
                .schedules(List.of(schedule.build()));
        if (props.getKind() == ImageKind.AMIS) {
            details.parameters(CfnLifecyclePolicy.ParametersProperty.builder().noReboot(props.getNoReboot()).build());
        }
        this.policy = CfnLifecyclePolicy.Builder.create(this, "Policy")
                // DLM descriptions allow only letters, digits, spaces, '-' and '_'.
                .description(("drkit " + props.getKind().name().toLowerCase().replace('_', ' ') + " to "
                        + (props.getCopyTo().isEmpty() ? "this Region" : String.join(" ", props.getCopyTo().stream().map(RegionCopy::getTargetRegion).toList())))
                        .replaceAll("[^0-9A-Za-z _-]", " "))
                .state("ENABLED")
                .executionRoleArn(executionRole.getRoleArn())
                .policyDetails(details.build())
                .build();
    }

    private Role role(ImageKind kind) {
        Role role = Role.Builder.create(this, "ExecutionRole")
                .assumedBy(new ServicePrincipal("dlm.amazonaws.com"))
                .description("Data Lifecycle Manager: " + kind.name().toLowerCase().replace('_', ' ') + " and cross-Region copies")
                .managedPolicies(List.of(ManagedPolicy.fromAwsManagedPolicyName(kind.managedPolicy())))
                .build();
        NagSuppression.add(role, "AwsSolutions-IAM4",
                "This is the execution-role policy AWS documents for Data Lifecycle Manager. AWS maintains it with DLM's "
                        + "features (snapshot, AMI, cross-Region copy, deprecation); EC2 snapshot and image actions it needs "
                        + "do not support resource-level scoping, so a hand-written copy would carry the same wildcards.",
                List.of("Policy::arn:<AWS::Partition>:iam::aws:policy/" + kind.managedPolicy()));
        return role;
    }

    static void check(ImageReplicationProps p, String region) {
        if (p.getTargetTags().isEmpty()) {
            throw error("targetTags must not be empty: Data Lifecycle Manager selects volumes and instances by tag");
        }
        Duration interval = p.getInterval();
        if (Durations.known(interval)) {
            double hours = Durations.hours(interval);
            if (hours != Math.rint(hours) || !INTERVAL_HOURS.contains((int) hours)) {
                throw error("interval must be 1, 2, 3, 4, 6, 8, 12 or 24 hours (got " + Durations.human(interval)
                        + "): the intervals Data Lifecycle Manager schedules");
            }
        }
        if (!p.getStartTime().matches("([01]\\d|2[0-3]):[0-5]\\d")) {
            throw error("startTime must be HH:MM in UTC (got '" + p.getStartTime() + "')");
        }
        if (p.getRetainCount() < 1 || p.getRetainCount() > 1000) {
            throw error("retainCount must be between 1 and 1000 (got " + p.getRetainCount() + ")");
        }
        if (p.getCopyTo().size() > 3) {
            throw error("copyTo must name at most 3 Regions (got " + p.getCopyTo().size() + "): a DLM schedule has at most 3 "
                    + "cross-Region copy rules");
        }
        for (int i = 0; i < p.getCopyTo().size(); i++) {
            RegionCopy c = p.getCopyTo().get(i);
            if (!Token.isUnresolved(region) && region.equals(c.getTargetRegion())) {
                throw error("copyTo[" + i + "].targetRegion must differ from the policy's Region (got " + c.getTargetRegion() + ")");
            }
            if (Durations.known(c.getRetention())) {
                double days = Durations.days(c.getRetention());
                if (days != Math.rint(days) || days < 1) {
                    throw error("copyTo[" + i + "].retention must be a whole number of days, at least 1 (got "
                            + Durations.human(c.getRetention()) + ")");
                }
            }
        }
    }

    private static IllegalArgumentException error(String message) {
        return new IllegalArgumentException("ImageReplication: " + message);
    }

    /** The DLM policy. */
    public CfnLifecyclePolicy getPolicy() {
        return policy;
    }

    /** The role DLM assumes. */
    public IRole getExecutionRole() {
        return executionRole;
    }

    /** The time between two snapshots or AMIs. */
    public java.time.Duration getInterval() {
        return Durations.toJava(props.getInterval());
    }
}
