package io.github.drkit.arc;

import io.github.drkit.plan.DatabasePlan;
import io.github.drkit.plan.PlanStep;
import io.github.drkit.plan.PromoteDatabaseKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.services.arcregionswitch.CfnPlan;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;

/**
 * {@code promoteDatabase} becomes ARC's RDS Promote Read Replica block: ARC promotes the replica in the Region it
 * activates, as drkit's runtime does with {@code PromoteReadReplica}. Only the recovery Region's replica is listed:
 * drkit's plan promotes there and never demotes, so the failback workflow has no database block.
 */
public final class PromoteDatabaseMapper implements StepBlockMapper {
    @Override
    public String kind() {
        return PromoteDatabaseKind.NAME;
    }

    @Override
    public Optional<ArcBlock> failover(PlanStep step, MappingContext context) {
        DatabasePlan database = (DatabasePlan) step;
        String region = database.region() != null ? database.region() : context.plan().recoveryRegion();
        String arn = context.stack().formatArn(ArnComponents.builder().service("rds").region(region).resource("db")
                .resourceName(database.dbInstanceIdentifier()).arnFormat(ArnFormat.COLON_RESOURCE_NAME).build());
        CfnPlan.ExecutionBlockConfigurationProperty configuration = CfnPlan.ExecutionBlockConfigurationProperty.builder()
                .rdsPromoteReadReplicaConfig(CfnPlan.RdsPromoteReadReplicaConfigurationProperty.builder()
                        .dbInstanceArnMap(Map.of(region, arn)).timeoutMinutes(context.blockTimeoutMinutes()).build())
                .build();
        // The actions ARC documents for this block, on this replica only (ARC's sample grants them on every instance).
        PolicyStatement promote = PolicyStatement.Builder.create().effect(Effect.ALLOW)
                .actions(List.of("rds:DescribeDBInstances", "rds:PromoteReadReplica", "rds:ModifyDBInstance"))
                .resources(List.of(arn)).build();
        return Optional.of(new ArcBlock(context.blockName(step), ArcBlock.RDS_PROMOTE_READ_REPLICA,
                "promotes read replica " + database.dbInstanceIdentifier() + " in " + region + " (drkit " + step.path() + ")",
                List.of(step.path()), configuration, List.of(promote)));
    }

    @Override
    public String whenDrkit() {
        return "never: ARC's RDS Promote Read Replica block promotes the replica";
    }
}
