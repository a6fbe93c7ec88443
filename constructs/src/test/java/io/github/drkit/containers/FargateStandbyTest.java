package io.github.drkit.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.drkit.failover.DnsSwitchOptions;
import io.github.drkit.failover.Endpoint;
import io.github.drkit.objectives.DrStrategy;
import io.github.drkit.objectives.RecoveryEstimate;
import io.github.drkit.plan.ServicePlan;
import io.github.drkit.testsupport.Fixtures;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.PortMapping;

class FargateStandbyTest {

    static FargateStandbyProps.Builder props(Stack stack) {
        FargateTaskDefinition task = FargateTaskDefinition.Builder.create(stack, "Task").cpu(256).memoryLimitMiB(512).build();
        task.addContainer("web", ContainerDefinitionOptions.builder().image(ContainerImage.fromRegistry("public.ecr.aws/nginx/nginx:stable"))
                .portMappings(List.of(PortMapping.builder().containerPort(80).build())).build());
        return FargateStandbyProps.builder()
                .applicationName("shop")
                .primaryRegion("us-east-1")
                .vpc(Fixtures.vpc(stack))
                .taskDefinition(task)
                .recoveryTasks(4)
                .dns(DnsSwitchOptions.builder().hostedZone(Fixtures.zone(stack)).recordName("shop")
                        .primary(Endpoint.zoneRecord("primary.shop")).build());
    }

    @Test
    void constructor_whenDefaults_runsNoTaskBehindTheLoadBalancerAndScalesItOnFailover() {
        Stack stack = Fixtures.recoveryStack();
        FargateStandby standby = new FargateStandby(stack, "Shop", props(stack).build());
        Template t = Template.fromStack(stack);

        t.hasResourceProperties("AWS::ECS::Service", Map.of("DesiredCount", 0, "LaunchType", "FARGATE",
                "DeploymentConfiguration", Match.objectLike(Map.of("DeploymentCircuitBreaker", Map.of("Enable", true, "Rollback", true))),
                "LoadBalancers", Match.anyValue()));
        t.hasResourceProperties("AWS::ElasticLoadBalancingV2::TargetGroup", Map.of("TargetType", "ip"));
        t.hasResourceProperties("AWS::ECS::Cluster", Map.of("ClusterSettings", List.of(Map.of("Name", "containerInsights", "Value", "enabled"))));
        assertEquals(DrStrategy.PILOT_LIGHT, standby.strategy());
        ServicePlan step = standby.getStep().toPlan();
        assertEquals(0, step.standbyDesiredCount());
        assertEquals(4, step.recoveryDesiredCount());
        List<Map<String, Object>> statements = Fixtures.policyStatements(t);
        Map<String, Object> ecs = statements.stream().filter(s -> "EcsServices".equals(s.get("Sid"))).findFirst().orElseThrow();
        assertEquals(List.of("ecs:DescribeServices", "ecs:UpdateService"), ecs.get("Action"));
        assertTrue(String.valueOf(ecs.get("Resource")).contains(":service/"), String.valueOf(ecs.get("Resource")));
        Fixtures.assertNoMutatingActionOnWildcard(t);
    }

    @Test
    void constructor_whenStandbyTasksAndShareOfPrimary_isAWarmStandbyThatReadsThePrimary() {
        Stack stack = Fixtures.recoveryStack();
        FargateStandby standby = new FargateStandby(stack, "Shop", props(stack).standbyTasks(1).recoveryPercentOfPrimary(50)
                .primaryClusterName("shop").primaryServiceName("web").build());
        Template t = Template.fromStack(stack);

        t.hasResourceProperties("AWS::ECS::Service", Map.of("DesiredCount", 1));
        assertEquals(DrStrategy.WARM_STANDBY, standby.strategy());
        Map<String, Object> read = Fixtures.policyStatements(t).stream().filter(s -> "ReadPrimaryEcsServices".equals(s.get("Sid")))
                .findFirst().orElseThrow();
        assertEquals("ecs:DescribeServices", read.get("Action"));
        assertTrue(String.valueOf(read.get("Resource")).contains(":ecs:us-east-1:"), String.valueOf(read.get("Resource")));
    }

    @Test
    void recoveryEstimate_whenDefaults_countsTaskStartAndHasZeroRpo() {
        Stack stack = Fixtures.recoveryStack();
        RecoveryEstimate e = new FargateStandby(stack, "Shop", props(stack).build()).recoveryEstimate();

        assertEquals(Duration.ZERO, e.rpo());
        // 90 detection + 300 decision + 30 orchestration + 120 task start + 180 warm-up + 20 target health + 60 + 60
        assertEquals(Duration.ofSeconds(90 + 300 + 30 + 120 + 180 + 20 + 60 + 60), e.rto());
        assertEquals("FargateStandby.taskStartTime", e.rtoTerms().stream().filter(t -> t.name().equals("task start")).findFirst()
                .orElseThrow().prop());
    }

    private static void assertRefused(String message, UnaryOperator<FargateStandbyProps.Builder> change) {
        Stack stack = Fixtures.recoveryStack();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FargateStandby(stack, "Shop", change.apply(props(stack)).build()));
        assertEquals(message, e.getMessage());
    }

    @Test
    void constructor_whenRecoveryBelowStandby_refuses() {
        assertRefused("FargateStandby: recoveryTasks must be at least standbyTasks (got 2, standbyTasks 3): failover never shrinks the service",
                p -> p.standbyTasks(3).recoveryTasks(2));
    }

    @Test
    void constructor_whenRecoveryTasksZero_refuses() {
        assertRefused("FargateStandby: recoveryTasks must be at least 1 (got 0): a recovery site that runs no task serves nothing",
                p -> p.recoveryTasks(0));
    }

    @Test
    void constructor_whenStandbyTasksNegative_refuses() {
        assertRefused("FargateStandby: standbyTasks must be a whole number from 0 to 10000 (got -1)", p -> p.standbyTasks(-1));
    }

    @Test
    void constructor_whenContainerPortOutOfRange_refuses() {
        assertRefused("FargateStandby: containerPort must be a whole number from 1 to 65535 (got 70000)", p -> p.containerPort(70000));
    }

    @Test
    void constructor_whenPercentOverHundred_refusesNamingTheField() {
        assertRefused("PlanEcsService: recoveryPercentOfPrimary: must be between 1 and 100 (got 101)",
                p -> p.recoveryPercentOfPrimary(101));
    }

    @Test
    void constructor_whenPercentWithoutPrimaryRegion_refusesNamingTheField() {
        assertRefused("PlanEcsService: primaryRegion: is required when recoveryPercentOfPrimary is set (got recoveryPercentOfPrimary 50):"
                + " the Region to read the primary service in", p -> p.primaryRegion(null).recoveryPercentOfPrimary(50));
    }

    @Test
    void constructor_whenTaskDefinitionMissing_refuses() {
        assertRefused("FargateStandby: taskDefinition is required", p -> p.taskDefinition(null));
    }
}
