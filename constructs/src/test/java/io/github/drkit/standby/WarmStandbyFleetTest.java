package io.github.drkit.standby;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.drkit.failover.Capacity;
import io.github.drkit.failover.DatabaseOptions;
import io.github.drkit.failover.DnsSwitchOptions;
import io.github.drkit.failover.Endpoint;
import io.github.drkit.objectives.DrStrategy;
import io.github.drkit.objectives.RecoveryEstimate;
import io.github.drkit.testsupport.Fixtures;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.ec2.InstanceClass;
import software.amazon.awscdk.services.ec2.InstanceSize;
import software.amazon.awscdk.services.ec2.InstanceType;

class WarmStandbyFleetTest {

    static WarmStandbyFleetProps.Builder props(Stack stack) {
        return WarmStandbyFleetProps.builder()
                .applicationName("shop")
                .primaryRegion("us-east-1")
                .vpc(Fixtures.vpc(stack))
                .recoveryCapacity(Capacity.of(2, 4, 8))
                .dns(DnsSwitchOptions.builder().hostedZone(Fixtures.zone(stack)).recordName("shop")
                        .primary(Endpoint.zoneRecord("primary.shop")).build());
    }

    @Test
    void constructor_whenDefaults_runsMinimalFleetWithTargetTracking() {
        Stack stack = Fixtures.recoveryStack();
        new WarmStandbyFleet(stack, "Shop", props(stack).build());
        Template t = Template.fromStack(stack);
        t.hasResourceProperties("AWS::AutoScaling::AutoScalingGroup", Map.of("MinSize", "1", "MaxSize", "2", "HealthCheckType", "ELB",
                "TargetGroupARNs", Match.anyValue()));
        t.hasResourceProperties("AWS::AutoScaling::ScalingPolicy", Map.of("PolicyType", "TargetTrackingScaling",
                "TargetTrackingConfiguration", Match.objectLike(Map.of("TargetValue", 60))));
        t.hasResourceProperties("AWS::EC2::LaunchTemplate", Map.of("LaunchTemplateData", Match.objectLike(Map.of(
                "InstanceType", "t3.small", "MetadataOptions", Match.objectLike(Map.of("HttpTokens", "required"))))));
        t.hasResourceProperties("AWS::ElasticLoadBalancingV2::LoadBalancer", Map.of("Scheme", "internet-facing"));
        t.resourceCountIs("AWS::RDS::DBInstance", 0);
        t.hasResourceProperties("AWS::Lambda::Function", Map.of("Runtime", "java21"));
        // Without vertical scaling the function may not touch launch templates.
        List<Map<String, Object>> statements = Fixtures.policyStatements(t);
        assertEquals(0, statements.stream().filter(s -> "LaunchTemplates".equals(s.get("Sid"))).count());
    }

    @Test
    void constructor_whenRecoveryInstanceType_grantsScopedVerticalScaling() {
        Stack stack = Fixtures.recoveryStack();
        new WarmStandbyFleet(stack, "Shop", props(stack).recoveryInstanceType(InstanceType.of(InstanceClass.M5, InstanceSize.LARGE))
                .database(DatabaseOptions.crossRegionReplica("arn:aws:rds:us-east-1:111111111111:db:shop").build()).build());
        Template t = Template.fromStack(stack);
        List<Map<String, Object>> statements = Fixtures.policyStatements(t);
        Map<String, Object> run = statements.stream().filter(s -> "RunFromLaunchTemplates".equals(s.get("Sid"))).findFirst().orElseThrow();
        assertEquals(List.of("ArnLike"), List.copyOf(((Map<?, ?>) run.get("Condition")).keySet()));
        Map<String, Object> pass = statements.stream().filter(s -> "PassInstanceRole".equals(s.get("Sid"))).findFirst().orElseThrow();
        assertEquals(Map.of("StringEquals", Map.of("iam:PassedToService", "ec2.amazonaws.com")), pass.get("Condition"));
        t.hasResourceProperties("AWS::RDS::DBInstance", Map.of("SourceRegion", "us-east-1"));
        assertTrue(Fixtures.assertNoMutatingActionOnWildcard(t) >= 8);
    }

    @Test
    void recoveryEstimate_whenStateless_hasZeroRpoAndNoPromotion() {
        Stack stack = Fixtures.recoveryStack();
        RecoveryEstimate e = new WarmStandbyFleet(stack, "Shop", props(stack).build()).recoveryEstimate();
        assertEquals(DrStrategy.WARM_STANDBY, e.strategy());
        assertEquals(Duration.ZERO, e.rpo());
        // 90 detection + 300 decision + 30 orchestration + 120 boot + 180 warm-up + 20 target health + 60 + 60
        assertEquals(Duration.ofSeconds(90 + 300 + 30 + 120 + 180 + 20 + 60 + 60), e.rto());
        assertEquals(0, e.rtoTerms().stream().filter(t -> t.name().equals("data promotion")).count());
    }

    @Test
    void recoveryEstimate_whenReplica_countsPromotionAndLag() {
        Stack stack = Fixtures.recoveryStack();
        RecoveryEstimate e = new WarmStandbyFleet(stack, "Shop", props(stack).database(DatabaseOptions.existingReplica("shop-replica")
                .expectedReplicationLag(software.amazon.awscdk.Duration.seconds(45)).promotionTime(software.amazon.awscdk.Duration.minutes(6)).build()).build()).recoveryEstimate();
        assertEquals(Duration.ofSeconds(45), e.rpo());
        assertEquals("WarmStandbyFleet.database.promotionTime",
                e.rtoTerms().stream().filter(t -> t.name().equals("data promotion")).findFirst().orElseThrow().prop());
    }

    @Test
    void constructor_whenStandbyMinZero_throws() {
        Stack stack = Fixtures.recoveryStack();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new WarmStandbyFleet(stack, "Shop", props(stack).standbyCapacity(Capacity.of(0, 0, 2)).build()));
        assertEquals("WarmStandbyFleet: standbyCapacity min must be at least 1, a warm standby always runs (got 0)", e.getMessage());
    }

    @Test
    void constructor_whenRecoveryBelowStandby_throws() {
        Stack stack = Fixtures.recoveryStack();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new WarmStandbyFleet(stack, "Shop",
                props(stack).standbyCapacity(Capacity.of(2, 2, 4)).recoveryCapacity(Capacity.of(1, 2, 4)).build()));
        assertEquals("WarmStandbyFleet: recovery.min: must be at least standby.min (got 1, standby 2): failover never shrinks a fleet",
                e.getMessage());
    }

    @Test
    void constructor_whenNoRecoveryCapacity_throws() {
        Stack stack = Fixtures.recoveryStack();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new WarmStandbyFleet(stack, "Shop", props(stack).recoveryCapacity(null).build()));
        assertEquals("WarmStandbyFleet: recoveryCapacity is required", e.getMessage());
    }

    @Test
    void constructor_whenSameRecoveryInstanceType_throws() {
        Stack stack = Fixtures.recoveryStack();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new WarmStandbyFleet(stack, "Shop",
                props(stack).recoveryInstanceType(InstanceType.of(InstanceClass.T3, InstanceSize.SMALL)).build()));
        assertEquals("WarmStandbyFleet: recoveryInstanceType must differ from instanceType (both t3.small); leave it unset to scale out only",
                e.getMessage());
    }

    @Test
    void constructor_whenTargetCpuOutOfRange_throws() {
        Stack stack = Fixtures.recoveryStack();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new WarmStandbyFleet(stack, "Shop", props(stack).targetCpuUtilization(95).build()));
        assertEquals("WarmStandbyFleet: targetCpuUtilization must be a whole number from 10 to 90 (got 95)", e.getMessage());
    }

    @Test
    void constructor_whenPrimaryRegionIsRecoveryRegion_throws() {
        Stack stack = Fixtures.recoveryStack();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new WarmStandbyFleet(stack, "Shop", props(stack).primaryRegion("us-west-2").build()));
        assertEquals("WarmStandbyFleet: primaryRegion must differ from the stack's Region, which is the recovery Region (got us-west-2 for both)",
                e.getMessage());
    }

    @Test
    void constructor_whenVpcDnsOrPortInvalid_throws() {
        Stack stack = Fixtures.recoveryStack();
        assertEquals("WarmStandbyFleet: vpc is required", assertThrows(IllegalArgumentException.class,
                () -> new WarmStandbyFleet(stack, "Shop", props(stack).vpc(null).build())).getMessage());
        assertEquals("WarmStandbyFleet: dns is required", assertThrows(IllegalArgumentException.class,
                () -> new WarmStandbyFleet(stack, "Shop2", props(stack).dns(null).build())).getMessage());
        assertEquals("WarmStandbyFleet: port must be a whole number from 1 to 65535 (got 0)", assertThrows(IllegalArgumentException.class,
                () -> new WarmStandbyFleet(stack, "Shop3", props(stack).port(0).build())).getMessage());
    }
}
