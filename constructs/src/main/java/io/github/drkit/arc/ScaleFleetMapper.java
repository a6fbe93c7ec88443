package io.github.drkit.arc;

import io.github.drkit.plan.FleetPlan;
import io.github.drkit.plan.PlanStep;
import io.github.drkit.plan.ScaleFleetKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.services.arcregionswitch.CfnPlan;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;

/**
 * {@code scaleFleet} becomes ARC's EC2 Auto Scaling block when the user named the primary Region's counterpart
 * group ({@link AutoScalingCounterpart}) and the fleet does not change instance type. ARC then raises the recovery
 * group to a share of the capacity the primary ran at; drkit's explicit recovery capacity is not what it sends.
 */
public final class ScaleFleetMapper implements StepBlockMapper {
    @Override
    public String kind() {
        return ScaleFleetKind.NAME;
    }

    @Override
    public Optional<ArcBlock> failover(PlanStep step, MappingContext context) {
        FleetPlan fleet = (FleetPlan) step;
        AutoScalingCounterpart counterpart = context.counterpartOf(fleet.autoScalingGroupName());
        // A new launch template version (a larger instance type) is work ARC's block does not do.
        if (counterpart == null || fleet.scalesVertically()) {
            return Optional.empty();
        }
        CfnPlan.ExecutionBlockConfigurationProperty configuration = CfnPlan.ExecutionBlockConfigurationProperty.builder()
                .ec2AsgCapacityIncreaseConfig(CfnPlan.Ec2AsgCapacityIncreaseConfigurationProperty.builder()
                        .asgs(List.of(CfnPlan.AsgProperty.builder().arn(counterpart.getPrimaryGroupArn()).build(),
                                CfnPlan.AsgProperty.builder().arn(counterpart.getRecoveryGroupArn()).build()))
                        .targetPercent(counterpart.getTargetPercent())
                        .capacityMonitoringApproach("sampledMaxInLast24Hours")
                        .timeoutMinutes(context.blockTimeoutMinutes()).build())
                .build();
        // ARC's documented statements: Describe on every group (no resource-level permission), Update on these two,
        // and the capacity samples from the AWS/AutoScaling namespace only.
        List<PolicyStatement> permissions = List.of(
                PolicyStatement.Builder.create().effect(Effect.ALLOW).actions(List.of("autoscaling:DescribeAutoScalingGroups"))
                        .resources(List.of("*")).build(),
                PolicyStatement.Builder.create().effect(Effect.ALLOW).actions(List.of("autoscaling:UpdateAutoScalingGroup"))
                        .resources(List.of(counterpart.getPrimaryGroupArn(), counterpart.getRecoveryGroupArn())).build(),
                PolicyStatement.Builder.create().effect(Effect.ALLOW).actions(List.of("cloudwatch:GetMetricStatistics"))
                        .resources(List.of("*")).conditions(Map.of("StringEquals", Map.of("cloudwatch:namespace", "AWS/AutoScaling")))
                        .build());
        return Optional.of(new ArcBlock(context.blockName(step), ArcBlock.EC2_AUTO_SCALING,
                "raises the recovery Region's group to " + counterpart.getTargetPercent() + "% of the primary's capacity (drkit "
                        + step.path() + ")", List.of(step.path()), configuration, permissions));
    }

    @Override
    public String whenDrkit() {
        return "a fleet without a named primary counterpart group, or one that moves to a larger instance type "
                + "(a new launch template version), which ARC's EC2 Auto Scaling block does not do";
    }
}
