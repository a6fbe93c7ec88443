package io.github.drkit.runtime.scenario;

import static io.github.drkit.runtime.scenario.Emulator.RECOVERY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.drkit.runtime.aws.AwsClients;
import io.github.drkit.runtime.engine.Action;
import io.github.drkit.runtime.engine.RecoveryEngine;
import io.github.drkit.runtime.engine.RecoveryRequest;
import io.github.drkit.runtime.engine.Report;
import io.github.drkit.runtime.engine.SystemState;
import io.github.drkit.runtime.plan.RecoveryPlan;
import io.github.drkit.testing.MotoServer;
import io.github.drkit.testing.MotoServerExtension;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * Multi-site: both Regions serve traffic at 50/50. Failover moves all weight to the recovery site, scales it
 * to carry the whole load and flips the primary's site switch metric; failback restores the split.
 */
@ExtendWith(MotoServerExtension.class)
class MultiSiteScenarioTest {
    private Emulator emulator;
    private RecordingHook calls;
    private AwsClients clients;
    private RecoveryEngine engine;
    private static final String SWITCH = """
            "siteSwitches": [{"region": "us-east-1", "site": "primary", "namespace": "drkit", "metricName": "SiteEnabled",
                              "dimensions": {"Application": "shop", "Site": "primary"}, "normalValue": 1, "failoverValue": 0}],
            """;
    private String planJson;
    private RecoveryPlan plan;
    private RecoveryPlan planWithSwitch;
    private String zone;

    @BeforeEach
    void setUp(MotoServer moto) {
        emulator = new Emulator(moto);
        calls = new RecordingHook();
        clients = emulator.runtimeClients(calls);
        engine = RecoveryEngine.builder(clients).pollInterval(Duration.ofMillis(100)).build();
        Emulator.Fleet fleet = emulator.fleet(RECOVERY, "shop-site", 2, 2, 4, "m5.large", true);
        zone = emulator.zone("example.com");
        emulator.upsert(zone,
                ResourceRecordSet.builder().name("shop.example.com").type(RRType.CNAME).setIdentifier("us-east-1").weight(50L).ttl(60L)
                        .resourceRecords(r -> r.value("shop-east.example.com")).build(),
                ResourceRecordSet.builder().name("shop.example.com").type(RRType.CNAME).setIdentifier("us-west-2").weight(50L).ttl(60L)
                        .resourceRecords(r -> r.value("shop-west.example.com")).build());
        planJson = """
                {"version": 1, "application": "shop", "strategy": "MULTI_SITE",
                 "primaryRegion": "us-east-1", "recoveryRegion": "us-west-2",
                 "fleets": [{"autoScalingGroupName": "shop-site",
                             "standby": {"min": 2, "desired": 2, "max": 4}, "recovery": {"min": 4, "desired": 6, "max": 12},
                             "targetGroupArns": ["%s"]}],
                 "dns": [{"hostedZoneId": "%s", "records": [
                   {"routing": "WEIGHTED", "name": "shop.example.com", "type": "CNAME", "setIdentifier": "us-east-1", "normalWeight": 50, "failoverWeight": 0},
                   {"routing": "WEIGHTED", "name": "shop.example.com", "type": "CNAME", "setIdentifier": "us-west-2", "normalWeight": 50, "failoverWeight": 100}]}],
%s                 "healthTimeoutSeconds": 30}
                """;
        plan = RecoveryPlan.parse(planJson.formatted(fleet.targetGroupArn(), zone, ""));
        planWithSwitch = RecoveryPlan.parse(planJson.formatted(fleet.targetGroupArn(), zone, SWITCH));
    }

    @AfterEach
    void tearDown() {
        engine.close();
        clients.close();
        emulator.close();
    }

    @Test
    void failoverThenFailback_whenMultiSite_shiftsWeightScalesAndFlipsSwitch() {
        Report failover = engine.run(plan, new RecoveryRequest(Action.FAILOVER, false, false));

        assertEquals(Report.RunOutcome.SUCCEEDED, failover.outcome(), failover.message());
        assertEquals(0L, emulator.record(zone, "shop.example.com.", "us-east-1").weight());
        assertEquals(100L, emulator.record(zone, "shop.example.com.", "us-west-2").weight());
        assertEquals("shop-west.example.com", emulator.record(zone, "shop.example.com.", "us-west-2").resourceRecords().get(0).value());
        AutoScalingGroup group = emulator.group(RECOVERY, "shop-site");
        assertEquals(List.of(4, 6, 12), List.of(group.minSize(), group.desiredCapacity(), group.maxSize()));
        assertEquals(SystemState.FAILED_OVER, failover.stateAfter().state());

        Report failback = engine.run(plan, new RecoveryRequest(Action.FAILBACK, false, false));

        assertEquals(Report.RunOutcome.SUCCEEDED, failback.outcome(), failback.message());
        assertEquals(50L, emulator.record(zone, "shop.example.com.", "us-east-1").weight());
        assertEquals(50L, emulator.record(zone, "shop.example.com.", "us-west-2").weight());
        group = emulator.group(RECOVERY, "shop-site");
        assertEquals(List.of(2, 2, 4), List.of(group.minSize(), group.desiredCapacity(), group.maxSize()));
        assertEquals(SystemState.NORMAL, failback.stateAfter().state());
        assertEquals(2, calls.count("ChangeResourceRecordSets"), "one batch per zone per run");
        assertTrue(failback.leftForOperator().isEmpty(), failback.leftForOperator().toString());
    }

    /**
     * Site switches are CloudWatch metrics. The SDK's CloudWatch client speaks Smithy RPCv2 CBOR, which
     * moto 5.2.1 does not serve (HTTP 404), so against the emulator the switch is checked as a dry run: the
     * exact metric change is listed, nothing is changed, and an unreadable metric does not block the read.
     */
    @Test
    void failover_whenSiteSwitchAndDryRun_listsMetricChangeAndChangesNothing() {
        Report dryRun = engine.run(planWithSwitch, new RecoveryRequest(Action.FAILOVER, true, false));

        assertEquals(Report.RunOutcome.DRY_RUN, dryRun.outcome(), dryRun.message());
        assertTrue(dryRun.steps().stream().anyMatch(s -> s.changes().contains(
                "PutMetricData drkit/SiteEnabled {Application=shop, Site=primary} = 0.0 (was no data)")), dryRun.steps().toString());
        assertTrue(calls.mutating().isEmpty(), "a dry run changed something: " + calls.mutating());
        assertEquals(50L, emulator.record(zone, "shop.example.com.", "us-east-1").weight());
    }
}
