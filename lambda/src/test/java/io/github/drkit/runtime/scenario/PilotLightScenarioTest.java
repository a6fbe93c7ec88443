package io.github.drkit.runtime.scenario;

import static io.github.drkit.runtime.scenario.Emulator.RECOVERY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import io.github.drkit.runtime.engine.StepReport;
import io.github.drkit.runtime.engine.SystemState;
import io.github.drkit.plan.RecoveryPlan;
import io.github.drkit.testing.MotoServer;
import io.github.drkit.testing.MotoServerExtension;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.route53.model.RRType;

/**
 * Pilot light: the database replicates, app servers are stopped, the Auto Scaling group is at 0. Failover
 * promotes, starts, scales and moves a simple record and a failover record; failback undoes all but the
 * promotion.
 */
@ExtendWith(MotoServerExtension.class)
class PilotLightScenarioTest {
    private Emulator emulator;
    private RecordingHook calls;
    private AwsClients clients;
    private RecoveryEngine engine;
    private RecoveryPlan plan;
    private Emulator.Fleet fleet;
    private List<String> instances;
    private String zone;
    private String topic;

    @BeforeEach
    void setUp(MotoServer moto) {
        emulator = new Emulator(moto);
        calls = new RecordingHook();
        // The engine runs as a role holding the permission table's actions for the plan's step kinds, IAM enforced.
        clients = emulator.runtimeClients(emulator.failoverRole("database", "instances", "fleet", "dns", "notifications"), calls);
        engine = RecoveryEngine.builder(clients).pollInterval(Duration.ofMillis(100)).build();
        String replica = emulator.replica("shop");
        instances = emulator.stoppedInstances(RECOVERY, 2);
        fleet = emulator.fleet(RECOVERY, "shop-app", 0, 0, 2, "t3.small", true);
        zone = emulator.zone("example.com");
        emulator.upsert(zone,
                ResourceRecordSet.builder().name("api.example.com").type(RRType.CNAME).ttl(60L)
                        .resourceRecords(r -> r.value("api.primary.example.com")).build(),
                ResourceRecordSet.builder().name("www.example.com").type(RRType.A).setIdentifier("primary").failover("PRIMARY")
                        .aliasTarget(a -> a.dnsName("primary-alb.us-east-1.elb.amazonaws.com").hostedZoneId("Z35SXDOTRQ7X7K").evaluateTargetHealth(true))
                        .build());
        topic = emulator.topic(RECOVERY, "shop-dr");
        plan = RecoveryPlan.parse("""
                {"version": 1, "application": "shop", "strategy": "PILOT_LIGHT",
                 "primaryRegion": "us-east-1", "recoveryRegion": "us-west-2",
                 "databases": [{"dbInstanceIdentifier": "%s"}],
                 "instances": [{"instanceIds": ["%s", "%s"]}],
                 "fleets": [{"autoScalingGroupName": "shop-app",
                             "standby": {"min": 0, "desired": 0, "max": 2}, "recovery": {"min": 2, "desired": 4, "max": 8},
                             "targetGroupArns": ["%s"]}],
                 "dns": [{"hostedZoneId": "%s", "records": [
                   {"routing": "SIMPLE", "name": "api.example.com", "type": "CNAME", "ttl": 60,
                    "normal": {"values": ["api.primary.example.com"]}, "recovery": {"values": ["api.recovery.example.com"]}},
                   {"routing": "FAILOVER", "name": "www.example.com", "type": "A", "setIdentifier": "primary",
                    "normal": {"alias": {"dnsName": "primary-alb.us-east-1.elb.amazonaws.com", "hostedZoneId": "Z35SXDOTRQ7X7K"}},
                    "recovery": {"alias": {"dnsName": "recovery-alb.us-west-2.elb.amazonaws.com", "hostedZoneId": "Z1H1FL5HABSF5"}}}]}],
                 "healthTimeoutSeconds": 30,
                 "notificationTopicArn": "%s"}
                """.formatted(replica, instances.get(0), instances.get(1), fleet.targetGroupArn(), zone, topic));
    }

    @AfterEach
    void tearDown() {
        engine.close();
        clients.close();
        emulator.close();
    }

    @Test
    void failoverThenFailback_whenPilotLight_promotesStartsScalesMovesDnsAndBack() {
        Report status = emulator.enforcing(() -> engine.run(plan, new RecoveryRequest(Action.STATUS, false, false)));
        assertEquals(SystemState.NORMAL, status.stateBefore().state(), status.message());
        assertTrue(calls.mutating().isEmpty(), "status changed something: " + calls.mutating());

        Report failover = emulator.enforcing(() -> engine.run(plan, new RecoveryRequest(Action.FAILOVER, false, false)));

        assertEquals(Report.RunOutcome.SUCCEEDED, failover.outcome(), () -> io.github.drkit.runtime.engine.ReportJson.write(failover));
        assertEquals(SystemState.FAILED_OVER, failover.stateAfter().state());
        assertTrue(failover.stateAfter().databases().get(0).promoted());
        assertTrue(emulator.database(RECOVERY, "shop-replica").tagList().stream().anyMatch(t -> t.key().equals("drkit:promoted-at")));
        assertEquals(1, calls.count("PromoteReadReplica"));
        assertEquals("running", emulator.instanceState(RECOVERY, instances.get(0)));
        assertEquals("running", emulator.instanceState(RECOVERY, instances.get(1)));
        AutoScalingGroup group = emulator.group(RECOVERY, "shop-app");
        assertEquals(List.of(2, 4, 8), List.of(group.minSize(), group.desiredCapacity(), group.maxSize()));
        assertEquals(4, group.instances().size());
        assertEquals("api.recovery.example.com", emulator.record(zone, "api.example.com.", null).resourceRecords().get(0).value());
        ResourceRecordSet www = emulator.record(zone, "www.example.com.", "primary");
        assertTrue(www.aliasTarget().dnsName().startsWith("recovery-alb.us-west-2"), www.toString());
        assertEquals("PRIMARY", www.failoverAsString());
        assertEquals(1, calls.count("ChangeResourceRecordSets"), "one batch per zone");
        assertEquals(1, calls.count("Publish"));
        assertTrue(failover.steps().stream().anyMatch(s -> s.name().startsWith("wait for health") && s.outcome() == StepReport.Outcome.DONE));

        Report again = emulator.enforcing(() -> engine.run(plan, new RecoveryRequest(Action.FAILOVER, false, false)));
        assertEquals(Report.RunOutcome.ALREADY_DONE, again.outcome(), again.message());
        assertTrue(again.message().startsWith("already failed over"), again.message());
        assertEquals(1, calls.count("PromoteReadReplica"), "second failover promoted again");
        assertEquals(1, calls.count("ChangeResourceRecordSets"), "second failover changed DNS again");
        assertEquals(1, calls.count("UpdateAutoScalingGroup"));

        Report failback = emulator.enforcing(() -> engine.run(plan, new RecoveryRequest(Action.FAILBACK, false, false)));

        assertEquals(Report.RunOutcome.SUCCEEDED, failback.outcome(), failback.message());
        assertEquals(SystemState.NORMAL, failback.stateAfter().state());
        assertEquals("api.primary.example.com", emulator.record(zone, "api.example.com.", null).resourceRecords().get(0).value());
        assertTrue(emulator.record(zone, "www.example.com.", "primary").aliasTarget().dnsName().startsWith("primary-alb"));
        group = emulator.group(RECOVERY, "shop-app");
        assertEquals(List.of(0, 0, 2), List.of(group.minSize(), group.desiredCapacity(), group.maxSize()));
        assertEquals("stopped", emulator.instanceState(RECOVERY, instances.get(0)));
        assertTrue(failback.leftForOperator().stream().anyMatch(l -> l.contains("shop-replica") && l.contains("not demoted")),
                failback.leftForOperator().toString());
        int dnsStep = indexOf(failback, "move DNS");
        int scaleStep = indexOf(failback, "scale in");
        assertTrue(dnsStep < scaleStep, "DNS must move back before the fleet shrinks");
        assertNull(failback.stateAfter().fleets().get(0).instanceType());
    }

    private static int indexOf(Report report, String prefix) {
        for (int i = 0; i < report.steps().size(); i++) {
            if (report.steps().get(i).name().startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no step " + prefix + " in " + report.steps());
    }
}
