package io.github.drkit.runtime.scenario;

import static io.github.drkit.runtime.scenario.Emulator.PRIMARY;
import static io.github.drkit.runtime.scenario.Emulator.RECOVERY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.drkit.runtime.aws.AwsCall;
import io.github.drkit.runtime.aws.AwsClients;
import io.github.drkit.runtime.engine.Action;
import io.github.drkit.runtime.engine.Position;
import io.github.drkit.runtime.engine.RecoveryEngine;
import io.github.drkit.runtime.engine.RecoveryRequest;
import io.github.drkit.runtime.engine.Report;
import io.github.drkit.runtime.engine.StateReport;
import io.github.drkit.runtime.engine.StepReport;
import io.github.drkit.runtime.engine.SystemState;
import io.github.drkit.plan.RecoveryPlan;
import io.github.drkit.testing.CloudWatchQuery;
import io.github.drkit.testing.MotoServer;
import io.github.drkit.testing.MotoServerExtension;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * Multi-site: both Regions serve traffic at 50/50. Failover moves all weight to the recovery site, scales it
 * to carry the whole load and flips the primary's site switch metric; failback restores the split and the switch.
 */
@ExtendWith(MotoServerExtension.class)
class MultiSiteScenarioTest {
    private MotoServer moto;
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
        this.moto = moto;
        emulator = new Emulator(moto);
        calls = new RecordingHook();
        // The engine runs as a role holding the permission table's actions for the plan's step kinds, IAM enforced.
        clients = emulator.runtimeClients(emulator.failoverRole("fleet", "dns", "site-switch", "notifications"), calls);
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
        Report failover = emulator.enforcing(() -> engine.run(plan, new RecoveryRequest(Action.FAILOVER, false, false)));

        assertEquals(Report.RunOutcome.SUCCEEDED, failover.outcome(), failover.message());
        assertEquals(0L, emulator.record(zone, "shop.example.com.", "us-east-1").weight());
        assertEquals(100L, emulator.record(zone, "shop.example.com.", "us-west-2").weight());
        assertEquals("shop-west.example.com", emulator.record(zone, "shop.example.com.", "us-west-2").resourceRecords().get(0).value());
        AutoScalingGroup group = emulator.group(RECOVERY, "shop-site");
        assertEquals(List.of(4, 6, 12), List.of(group.minSize(), group.desiredCapacity(), group.maxSize()));
        assertEquals(SystemState.FAILED_OVER, failover.stateAfter().state());

        Report failback = emulator.enforcing(() -> engine.run(plan, new RecoveryRequest(Action.FAILBACK, false, false)));

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
     * The data-plane switch against the emulator: failover publishes the failover value, a second failover reads
     * it back and publishes nothing, failback publishes the normal value. The test reads what moto holds
     * through CloudWatch's Query protocol, not through the runtime's JSON 1.0 client.
     */
    @Test
    void failoverThenFailback_whenSiteSwitch_publishesFailoverThenNormalValue() {
        Report failover = emulator.enforcing(() -> engine.run(planWithSwitch, new RecoveryRequest(Action.FAILOVER, false, false)));

        assertEquals(Report.RunOutcome.SUCCEEDED, failover.outcome(), failover.message());
        assertEquals(Optional.of(0.0), switchValue());
        StepReport switched = step(failover, "switch site primary (us-east-1)");
        assertEquals(StepReport.Outcome.DONE, switched.outcome(), switched.toString());
        assertEquals(List.of("PutMetricData drkit/SiteEnabled {Application=shop, Site=primary} = 0.0 (was no data)"), switched.changes());
        // Re-read before acting (the alarms on the metric, its last value), then one publication: no alarm watches it here.
        assertEquals(List.of("CloudWatch DescribeAlarmsForMetric us-east-1 200", "CloudWatch GetMetricStatistics us-east-1 200",
                "CloudWatch PutMetricData us-east-1 200"), switched.calls().stream()
                .map(c -> c.service() + " " + c.operation() + " " + c.region() + " " + c.httpStatus()).toList());
        assertEquals(List.of(new StateReport.SiteSwitchStatus("siteSwitches[0]", PRIMARY, "primary", 0.0, null, Position.FAILED_OVER)),
                failover.stateAfter().siteSwitches());
        assertEquals(SystemState.FAILED_OVER, failover.stateAfter().state());

        Report again = emulator.enforcing(() -> engine.run(planWithSwitch, new RecoveryRequest(Action.FAILOVER, false, false)));

        assertEquals(Report.RunOutcome.ALREADY_DONE, again.outcome(), again.message());
        assertTrue(again.steps().stream().flatMap(s -> s.calls().stream()).noneMatch(AwsCall::mutating),
                "the switch was read back as failed over, so nothing is published again: " + again.steps());

        Report failback = emulator.enforcing(() -> engine.run(planWithSwitch, new RecoveryRequest(Action.FAILBACK, false, false)));

        assertEquals(Report.RunOutcome.SUCCEEDED, failback.outcome(), failback.message());
        assertEquals(Optional.of(1.0), switchValue());
        assertEquals(List.of("PutMetricData drkit/SiteEnabled {Application=shop, Site=primary} = 1.0 (was 0.0)"),
                step(failback, "switch site primary (us-east-1)").changes());
        assertEquals(Position.NORMAL, failback.stateAfter().siteSwitches().get(0).position());
        assertEquals(SystemState.NORMAL, failback.stateAfter().state());
    }

    @Test
    void failover_whenSiteSwitchAndDryRun_listsMetricChangeAndChangesNothing() {
        Report dryRun = emulator.enforcing(() -> engine.run(planWithSwitch, new RecoveryRequest(Action.FAILOVER, true, false)));

        assertEquals(Report.RunOutcome.DRY_RUN, dryRun.outcome(), dryRun.message());
        assertTrue(dryRun.steps().stream().anyMatch(s -> s.changes().contains(
                "PutMetricData drkit/SiteEnabled {Application=shop, Site=primary} = 0.0 (was no data)")), dryRun.steps().toString());
        assertTrue(calls.mutating().isEmpty(), "a dry run changed something: " + calls.mutating());
        // The switch's client is not an SDK client: its calls are checked in the report.
        assertTrue(dryRun.steps().stream().flatMap(s -> s.calls().stream()).noneMatch(AwsCall::mutating), dryRun.steps().toString());
        assertTrue(dryRun.steps().stream().flatMap(s -> s.calls().stream()).anyMatch(c -> c.operation().equals("GetMetricStatistics")),
                "the switch was read: " + dryRun.steps());
        assertEquals(Optional.empty(), switchValue());
        assertEquals(50L, emulator.record(zone, "shop.example.com.", "us-east-1").weight());
    }

    private Optional<Double> switchValue() {
        return CloudWatchQuery.latestMaximum(moto.endpoint(), moto.credentials(), PRIMARY, "drkit", "SiteEnabled",
                Map.of("Application", "shop", "Site", "primary"));
    }

    private static StepReport step(Report report, String name) {
        return report.steps().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no step '" + name + "' in " + report.steps()));
    }
}
