package io.github.drkit.arc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.drkit.plan.DatabasePlan;
import io.github.drkit.plan.FleetPlan;
import io.github.drkit.plan.HealthGatePlan;
import io.github.drkit.plan.InstancePlan;
import io.github.drkit.plan.PlanStep;
import io.github.drkit.plan.RecoveryPlan;
import io.github.drkit.plan.SiteSwitchPlan;
import io.github.drkit.plan.StepKinds;
import io.github.drkit.plan.ZonePlan;
import io.github.drkit.testsupport.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;

/** One test per mapper: the block each step kind becomes, or why drkit's function keeps it. */
class StepBlockMappersTest {

    private static <T extends PlanStep> T first(RecoveryPlan plan, Class<T> type) {
        return plan.steps(type).get(0);
    }

    private static Map<String, Object> resolved(Stack stack, Object value) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) stack.resolve(value);
        return map;
    }

    @Test
    void mappers_whenLoaded_coverEveryRegisteredStepKind() {
        List<String> kinds = StepKinds.names();
        assertEquals(kinds.stream().sorted().toList(), StepBlockMappers.kinds().stream().sorted().toList());
    }

    @Test
    void of_whenKindHasNoMapper_namesKindAndRegistration() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StepBlockMappers.of("drainQueue"));
        assertEquals("ArcRegionSwitchPlan: step kind 'drainQueue' has no StepBlockMapper; register one in "
                + "META-INF/services/io.github.drkit.arc.StepBlockMapper (kinds with one: " + StepBlockMappers.kinds() + ")", e.getMessage());
    }

    @Test
    void promoteDatabase_whenMapped_promotesTheReplicaInTheRecoveryRegionOnly() {
        Stack stack = Fixtures.recoveryStack();
        RecoveryPlan plan = ArcFixtures.read(ArcFixtures.function(stack, ArcFixtures.everyKind()));
        DatabasePlan database = first(plan, DatabasePlan.class);
        ArcBlock block = new PromoteDatabaseMapper().failover(database, ArcFixtures.context(stack, plan, List.of())).orElseThrow();
        assertEquals(ArcBlock.RDS_PROMOTE_READ_REPLICA, block.type());
        assertEquals("data-promoteDatabase-1", block.name());
        assertEquals(List.of("stages[0].steps[0]"), block.steps());
        Map<String, Object> config = resolved(stack, block.configuration());
        @SuppressWarnings("unchecked")
        Map<String, Object> rds = (Map<String, Object>) config.get("rdsPromoteReadReplicaConfig");
        assertEquals(Map.of("us-west-2", arn(":rds:us-west-2:111111111111:db:shop-replica")), rds.get("dbInstanceArnMap"));
        assertEquals(60, rds.get("timeoutMinutes"));
        Map<String, Object> statement = resolved(stack, block.permissions().get(0).toStatementJson());
        assertEquals(List.of("rds:DescribeDBInstances", "rds:PromoteReadReplica", "rds:ModifyDBInstance"), statement.get("Action"));
        assertEquals(arn(":rds:us-west-2:111111111111:db:shop-replica"), statement.get("Resource"));
    }

    @Test
    void scaleFleet_whenCounterpartAndScaleOutOnly_raisesRecoveryGroupToPrimaryCapacity() {
        Stack stack = Fixtures.recoveryStack();
        RecoveryPlan plan = ArcFixtures.read(ArcFixtures.function(stack, ArcFixtures.scaleOut()));
        FleetPlan fleet = first(plan, FleetPlan.class);
        ArcBlock block = new ScaleFleetMapper().failover(fleet, ArcFixtures.context(stack, plan, List.of(ArcFixtures.counterpart())))
                .orElseThrow();
        assertEquals(ArcBlock.EC2_AUTO_SCALING, block.type());
        assertEquals("compute-scaleFleet-1", block.name());
        @SuppressWarnings("unchecked")
        Map<String, Object> ec2 = (Map<String, Object>) resolved(stack, block.configuration()).get("ec2AsgCapacityIncreaseConfig");
        assertEquals(List.of(Map.of("arn", ArcFixtures.PRIMARY_GROUP), Map.of("arn", ArcFixtures.RECOVERY_GROUP)), ec2.get("asgs"));
        assertEquals(100, ec2.get("targetPercent"));
        Map<String, Object> update = resolved(stack, block.permissions().get(1).toStatementJson());
        assertEquals("autoscaling:UpdateAutoScalingGroup", update.get("Action"));
        assertEquals(List.of(ArcFixtures.PRIMARY_GROUP, ArcFixtures.RECOVERY_GROUP), update.get("Resource"));
        Map<String, Object> metrics = resolved(stack, block.permissions().get(2).toStatementJson());
        assertEquals(Map.of("StringEquals", Map.of("cloudwatch:namespace", "AWS/AutoScaling")), metrics.get("Condition"));
    }

    @Test
    void scaleFleet_whenNoCounterpartOrVertical_staysWithDrkit() {
        Stack stack = Fixtures.recoveryStack();
        RecoveryPlan scaleOut = ArcFixtures.read(ArcFixtures.function(stack, ArcFixtures.scaleOut()));
        assertEquals(Optional.empty(), new ScaleFleetMapper().failover(first(scaleOut, FleetPlan.class),
                ArcFixtures.context(stack, scaleOut, List.of())));
        Stack other = Fixtures.recoveryStack();
        RecoveryPlan vertical = ArcFixtures.read(ArcFixtures.function(other, ArcFixtures.everyKind()));
        assertEquals(Optional.empty(), new ScaleFleetMapper().failover(first(vertical, FleetPlan.class),
                ArcFixtures.context(other, vertical, List.of(ArcFixtures.counterpart()))));
        assertTrue(new ScaleFleetMapper().whenDrkit().contains("launch template"));
    }

    @Test
    void startInstances_whenMapped_staysWithDrkit() {
        assertDrkit(new StartInstancesMapper(), InstancePlan.class, "starts stopped EC2 instances");
    }

    @Test
    void healthGate_whenMapped_staysWithDrkit() {
        assertDrkit(new HealthGateMapper(), HealthGatePlan.class, "healthy load balancer targets");
    }

    @Test
    void changeDns_whenMapped_staysWithDrkit() {
        assertDrkit(new ChangeDnsMapper(), ZonePlan.class, "ChangeResourceRecordSets");
    }

    @Test
    void switchSite_whenMapped_staysWithDrkit() {
        assertDrkit(new SwitchSiteMapper(), SiteSwitchPlan.class, "CloudWatch metric");
    }

    private static <T extends PlanStep> void assertDrkit(StepBlockMapper mapper, Class<T> type, String why) {
        Stack stack = Fixtures.recoveryStack();
        RecoveryPlan plan = ArcFixtures.read(ArcFixtures.function(stack, ArcFixtures.everyKind()));
        T step = first(plan, type);
        assertEquals(step.kind(), mapper.kind());
        assertEquals(Optional.empty(), mapper.failover(step, ArcFixtures.context(stack, plan, List.of(ArcFixtures.counterpart()))));
        assertTrue(mapper.whenDrkit().contains(why), mapper.whenDrkit());
    }

    /** An ARN as CloudFormation writes one in the stack's partition. */
    static Map<String, Object> arn(String afterPartition) {
        return Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"), afterPartition)));
    }
}
