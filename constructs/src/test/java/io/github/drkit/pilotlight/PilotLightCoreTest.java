package io.github.drkit.pilotlight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.drkit.failover.Capacity;
import io.github.drkit.failover.DatabaseOptions;
import io.github.drkit.failover.DnsRouting;
import io.github.drkit.failover.DnsSwitchOptions;
import io.github.drkit.failover.Endpoint;
import io.github.drkit.failover.HealthCheckOptions;
import io.github.drkit.failover.RecoveryTimings;
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

class PilotLightCoreTest {
    static final String SOURCE = "arn:aws:rds:us-east-1:111111111111:db:shop-primary";

    static PilotLightCoreProps.Builder props(Stack stack) {
        return PilotLightCoreProps.builder()
                .applicationName("shop")
                .primaryRegion("us-east-1")
                .vpc(Fixtures.vpc(stack))
                .database(DatabaseOptions.crossRegionReplica(SOURCE).replicaIdentifier("shop-replica").build())
                .tiers(List.of(ServerTier.builder().name("proxy").build(),
                        ServerTier.builder().name("app").port(8080).recoveryCapacity(Capacity.of(2, 3, 6)).build()))
                .dns(DnsSwitchOptions.builder().hostedZone(Fixtures.zone(stack)).recordName("shop")
                        .primary(Endpoint.zoneRecord("primary.shop")).build());
    }

    @Test
    void constructor_whenDefaults_createsStoppedTiersReplicaAndFailoverRecords() {
        Stack stack = Fixtures.recoveryStack();
        new PilotLightCore(stack, "Shop", props(stack).build());
        Template t = Template.fromStack(stack);

        t.resourceCountIs("AWS::AutoScaling::AutoScalingGroup", 2);
        t.hasResourceProperties("AWS::AutoScaling::AutoScalingGroup", Map.of("MinSize", "0", "MaxSize", "6",
                "DesiredCapacity", Match.absent()));
        t.hasResourceProperties("AWS::AutoScaling::AutoScalingGroup", Map.of("MinSize", "0", "MaxSize", "4",
                "HealthCheckType", "ELB", "TargetGroupARNs", Match.anyValue()));
        t.hasResourceProperties("AWS::RDS::DBInstance", Map.of(
                "SourceDBInstanceIdentifier", SOURCE, "SourceRegion", "us-east-1", "KmsKeyId", Match.anyValue(),
                "StorageEncrypted", Match.absent(), "Port", "5432",
                "MultiAZ", true, "DeletionProtection", true, "BackupRetentionPeriod", 7));
        t.hasResourceProperties("AWS::Route53::RecordSet", Map.of("Failover", "PRIMARY", "SetIdentifier", "primary",
                "Name", "shop.example.com.", "HealthCheckId", Match.anyValue(),
                "AliasTarget", Map.of("DNSName", "primary.shop.example.com.", "HostedZoneId", Fixtures.ZONE_ID, "EvaluateTargetHealth", true)));
        t.hasResourceProperties("AWS::Route53::RecordSet", Map.of("Failover", "SECONDARY", "SetIdentifier", "recovery",
                "AliasTarget", Match.objectLike(Map.of("EvaluateTargetHealth", true))));
        t.hasResourceProperties("AWS::Route53::HealthCheck", Map.of("HealthCheckConfig", Match.objectLike(Map.of(
                "Type", "HTTPS", "FullyQualifiedDomainName", "primary.shop.example.com", "RequestInterval", 30, "FailureThreshold", 3))));
        t.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("MetricName", "ReplicaLag", "Threshold", 300));
        t.hasResourceProperties("AWS::Lambda::Function", Map.of("Runtime", "java21",
                "SnapStart", Map.of("ApplyOn", "PublishedVersions"),
                "Environment", Map.of("Variables", Match.objectLike(Map.of("DRKIT_PLAN", Match.anyValue())))));
        t.hasResourceProperties("AWS::Lambda::Alias", Map.of("Name", "live"));
        // promote, 2 x (update, set desired) on the groups, change records, publish, logs
        assertTrue(Fixtures.assertNoMutatingActionOnWildcard(t) >= 6);
    }

    @Test
    void constructor_whenWeightedRouting_createsWeightedRecords() {
        Stack stack = Fixtures.recoveryStack();
        new PilotLightCore(stack, "Shop", props(stack).dns(DnsSwitchOptions.builder().hostedZone(Fixtures.zone(stack)).recordName("shop")
                .primary(Endpoint.ipAddress("203.0.113.10")).routing(DnsRouting.WEIGHTED)
                .healthCheck(HealthCheckOptions.builder().https(false).interval(software.amazon.awscdk.Duration.seconds(10)).failureThreshold(2).build()).build()).build());
        Template t = Template.fromStack(stack);
        t.hasResourceProperties("AWS::Route53::RecordSet", Map.of("Weight", 100, "SetIdentifier", "primary",
                "ResourceRecords", List.of("203.0.113.10"), "TTL", "60"));
        t.hasResourceProperties("AWS::Route53::RecordSet", Map.of("Weight", 0, "SetIdentifier", "recovery"));
        t.hasResourceProperties("AWS::Route53::HealthCheck", Map.of("HealthCheckConfig", Match.objectLike(Map.of(
                "Type", "HTTP", "IPAddress", "203.0.113.10", "FullyQualifiedDomainName", "shop.example.com", "RequestInterval", 10))));
    }

    @Test
    void recoveryEstimate_whenDefaults_sumsDocumentedTerms() {
        Stack stack = Fixtures.recoveryStack();
        PilotLightCore core = new PilotLightCore(stack, "Shop", props(stack)
                .timings(RecoveryTimings.builder().decisionTime(software.amazon.awscdk.Duration.minutes(2)).build()).build());
        RecoveryEstimate e = core.recoveryEstimate();
        assertEquals(DrStrategy.PILOT_LIGHT, e.strategy());
        assertEquals("Test/Shop", e.source());
        // 90 s detection + 120 s decision + 30 s orchestration + 600 s promotion + 120 s boot
        // + 180 s warm-up + 20 s target health + 60 s propagation + 60 s TTL
        assertEquals(Duration.ofSeconds(90 + 120 + 30 + 600 + 120 + 180 + 20 + 60 + 60), e.rto());
        assertEquals(Duration.ofMinutes(5), e.rpo());
        assertTrue(e.rpoBounded());
        assertEquals("PilotLightCore.timings.decisionTime", e.rtoTerms().get(1).prop());
    }

    @Test
    void recoveryEstimate_whenPropsTuned_followsThem() {
        Stack stack = Fixtures.recoveryStack();
        PilotLightCore core = new PilotLightCore(stack, "Shop", props(stack)
                .database(DatabaseOptions.existingReplica("my-replica").promotionTime(software.amazon.awscdk.Duration.minutes(4))
                        .expectedReplicationLag(software.amazon.awscdk.Duration.seconds(30)).build())
                .build());
        RecoveryEstimate e = core.recoveryEstimate();
        assertEquals(Duration.ofSeconds(30), e.rpo());
        assertEquals(Duration.ofMinutes(4), e.rtoTerms().stream().filter(x -> x.name().equals("data promotion")).findFirst().get().duration());
        Template.fromStack(stack).resourceCountIs("AWS::RDS::DBInstance", 0);
    }

    @Test
    void constructor_whenNoTiers_throws() {
        Stack stack = Fixtures.recoveryStack();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PilotLightCore(stack, "Shop", props(stack).tiers(List.of()).build()));
        assertEquals("PilotLightCore: tiers must not be empty", e.getMessage());
    }

    @Test
    void constructor_whenDuplicateTier_throws() {
        Stack stack = Fixtures.recoveryStack();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PilotLightCore(stack, "Shop",
                props(stack).tiers(List.of(ServerTier.builder().name("app").build(), ServerTier.builder().name("app").build())).build()));
        assertEquals("PilotLightCore: tier names must be unique (got app twice)", e.getMessage());
    }

    @Test
    void constructor_whenNoDatabase_throws() {
        Stack stack = Fixtures.recoveryStack();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PilotLightCore(stack, "Shop", props(stack).database(null).build()));
        assertEquals("PilotLightCore: database (DatabaseOptions.crossRegionReplica or existingReplica) is required", e.getMessage());
    }

    @Test
    void constructor_whenPrimaryRegionIsRecoveryRegion_throws() {
        Stack stack = Fixtures.recoveryStack();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PilotLightCore(stack, "Shop", props(stack).primaryRegion("us-west-2").build()));
        assertEquals("PilotLightCore: primaryRegion must differ from the stack's Region, which is the recovery Region (got us-west-2 for both)",
                e.getMessage());
    }

    @Test
    void serverTier_whenRecoveryMinZero_throws() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ServerTier.builder().name("app").recoveryCapacity(Capacity.of(0, 0, 2)).build());
        assertEquals("ServerTier: recoveryCapacity min of tier app must be at least 1, or failover starts nothing (got 0)", e.getMessage());
    }

    @Test
    void serverTier_whenBadName_throws() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ServerTier.builder().name("app-1").build());
        assertEquals("ServerTier: name must be 1 to 32 letters or digits, starting with a letter (got app-1)", e.getMessage());
    }

    @Test
    void constructor_whenVpcOrDnsMissing_throws() {
        Stack stack = Fixtures.recoveryStack();
        assertEquals("PilotLightCore: vpc is required", assertThrows(IllegalArgumentException.class,
                () -> new PilotLightCore(stack, "Shop", props(stack).vpc(null).build())).getMessage());
        assertEquals("PilotLightCore: dns is required", assertThrows(IllegalArgumentException.class,
                () -> new PilotLightCore(stack, "Shop2", props(stack).dns(null).build())).getMessage());
    }

    @Test
    void getTier_whenUnknownName_throws() {
        Stack stack = Fixtures.recoveryStack();
        PilotLightCore core = new PilotLightCore(stack, "Shop", props(stack).build());
        assertEquals("PilotLightCore: no tier named web (tiers: [proxy, app])",
                assertThrows(IllegalArgumentException.class, () -> core.getTier("web")).getMessage());
    }

    @Test
    void serverTier_whenPortOutOfRange_throws() {
        assertEquals("ServerTier: port must be a whole number from 1 to 65535 (got 70000)",
                assertThrows(IllegalArgumentException.class, () -> ServerTier.builder().name("app").port(70000).build()).getMessage());
        assertEquals("ServerTier: name is required", assertThrows(IllegalArgumentException.class, () -> ServerTier.builder().build()).getMessage());
    }

    @Test
    void constructor_whenRegionSwitchPlanOption_promotesWithArcAndRunsDrkitFromCompute() {
        Stack stack = Fixtures.recoveryStack();
        PilotLightCore core = new PilotLightCore(stack, "Shop", props(stack)
                .regionSwitchPlan(io.github.drkit.arc.ArcRegionSwitchPlanProps.builder().build()).build());
        List<String> blocks = core.getRegionSwitchPlan().workflow("failover").orElseThrow().blocks().stream()
                .map(io.github.drkit.arc.ArcBlock::type).toList();
        assertEquals(List.of("RdsPromoteReadReplica", "CustomActionLambda"), blocks);
        Template.fromStack(stack).hasResourceProperties("AWS::ARCRegionSwitch::Plan", Map.of("Name", "drkit-shop",
                "PrimaryRegion", "us-east-1", "RecoveryApproach", "activePassive"));
    }
}
