package io.github.drkit.runtime.scenario;

import static io.github.drkit.runtime.scenario.Emulator.RECOVERY;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.drkit.lambda.FailoverHandler;
import io.github.drkit.runtime.aws.AwsClients;
import io.github.drkit.testing.MotoServer;
import io.github.drkit.testing.MotoServerExtension;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * A version 2 plan with stages of its own names and order: failover runs them in plan order, a failed step stops
 * the run after its stage, and failback orders the steps by kind (traffic, then compute).
 */
@ExtendWith(MotoServerExtension.class)
class StagedPlanScenarioTest {
    private Emulator emulator;
    private AwsClients clients;
    private String zone;
    private String targetGroupArn;

    @BeforeEach
    void setUp(MotoServer moto) {
        emulator = new Emulator(moto);
        clients = emulator.runtimeClients(emulator.failoverRole("fleet", "dns"), new RecordingHook());
        targetGroupArn = emulator.fleet(RECOVERY, "shop-web", 0, 0, 2, "t3.small", true).targetGroupArn();
        zone = emulator.zone("example.com");
        emulator.upsert(zone,
                ResourceRecordSet.builder().name("app.example.com").type(RRType.A).setIdentifier("primary").weight(100L).ttl(60L)
                        .resourceRecords(r -> r.value("192.0.2.10")).build(),
                ResourceRecordSet.builder().name("app.example.com").type(RRType.A).setIdentifier("recovery").weight(0L).ttl(60L)
                        .resourceRecords(r -> r.value("198.51.100.10")).build());
    }

    @AfterEach
    void tearDown() {
        clients.close();
        emulator.close();
    }

    private FailoverHandler handler(String targetGroupArn, int gateSeconds) {
        String plan = """
                {"version": 2, "application": "shop", "strategy": "WARM_STANDBY",
                 "primaryRegion": "us-east-1", "recoveryRegion": "us-west-2",
                 "stages": [
                   {"name": "scale-out", "steps": [
                     {"kind": "scaleFleet", "autoScalingGroupName": "shop-web", "standby": {"min": 0, "desired": 0, "max": 2},
                      "recovery": {"min": 2, "desired": 2, "max": 4}, "targetGroupArns": ["%s"]}]},
                   {"name": "wait", "steps": [{"kind": "healthGate", "timeoutSeconds": %d}]},
                   {"name": "move-traffic", "steps": [
                     {"kind": "changeDns", "hostedZoneId": "%s", "records": [
                       {"routing": "WEIGHTED", "name": "app.example.com.", "type": "A", "setIdentifier": "primary", "normalWeight": 100, "failoverWeight": 0},
                       {"routing": "WEIGHTED", "name": "app.example.com.", "type": "A", "setIdentifier": "recovery", "normalWeight": 0, "failoverWeight": 100}]}]}]}
                """.formatted(targetGroupArn, gateSeconds, zone);
        return new FailoverHandler(Map.of("DRKIT_PLAN", plan), clients, Duration.ofMillis(100));
    }

    // The handler's answer is ReportJson's plain form: every JSON object a Map<String, Object>, every array a List.
    @SuppressWarnings("unchecked")
    private static List<String> steps(Map<String, Object> report) {
        return ((List<Map<String, Object>>) report.get("steps")).stream()
                .map(step -> step.get("resource") + " " + step.get("outcome")).toList();
    }

    @Test
    void failoverThenFailback_whenStagesOfTheirOwn_runsThemInPlanOrderAndFailsBackByKind() {
        FailoverHandler handler = handler(targetGroupArn, 30);

        Map<String, Object> failover = emulator.enforcing(() -> handler.handleRequest(Map.of("action", "failover"), null));

        assertEquals("SUCCEEDED", failover.get("outcome"), String.valueOf(failover));
        assertEquals(List.of("plan DONE", "stages[0].steps[0] DONE", "health DONE", "stages[2].steps[0] DONE", "plan DONE"), steps(failover));
        AutoScalingGroup group = emulator.group(RECOVERY, "shop-web");
        assertEquals(List.of(2, 2, 4), List.of(group.minSize(), group.desiredCapacity(), group.maxSize()));
        assertEquals(100L, emulator.record(zone, "app.example.com.", "recovery").weight());

        Map<String, Object> failback = emulator.enforcing(() -> handler.handleRequest(Map.of("action", "failback"), null));

        assertEquals("SUCCEEDED", failback.get("outcome"), String.valueOf(failback));
        // The primary's health first, then traffic (the zone), then compute (the fleet); the health gate is not run.
        List<String> back = steps(failback);
        assertEquals(List.of("stages[2].steps[0] DONE", "stages[0].steps[0] DONE"),
                back.stream().filter(s -> s.startsWith("stages[")).toList(), String.valueOf(back));
        assertEquals(0L, emulator.record(zone, "app.example.com.", "recovery").weight());
        assertEquals(0, emulator.group(RECOVERY, "shop-web").desiredCapacity());
    }

    @Test
    void failover_whenGateStageFails_stopsBeforeTheNextStage() {
        // A target group the group is not attached to never has a healthy target: the gate fails at once.
        FailoverHandler handler = handler(emulator.createTargetGroup(RECOVERY, "detached"), 0);

        Map<String, Object> failover = emulator.enforcing(() -> handler.handleRequest(Map.of("action", "failover"), null));

        assertEquals("FAILED", failover.get("outcome"), String.valueOf(failover));
        List<String> steps = steps(failover);
        assertEquals("health FAILED", steps.get(2), String.valueOf(steps));
        assertEquals("stages[2].steps[0] NOT_RUN", steps.get(3), String.valueOf(steps));
        assertEquals(100L, emulator.record(zone, "app.example.com.", "primary").weight());
        assertEquals(0L, emulator.record(zone, "app.example.com.", "recovery").weight());
    }

    @Test
    void failover_whenGateStageComesFirst_waitsOnlyForEarlierStages() {
        // The fleet's target group has no healthy target ever; a gate before the fleet's stage must not wait for it.
        String detached = emulator.createTargetGroup(RECOVERY, "detached");
        String plan = """
                {"version": 2, "application": "shop", "strategy": "WARM_STANDBY", "recoveryRegion": "us-west-2",
                 "stages": [
                   {"name": "wait", "steps": [{"kind": "healthGate", "timeoutSeconds": 5}]},
                   {"name": "scale-out", "steps": [
                     {"kind": "scaleFleet", "autoScalingGroupName": "shop-web", "standby": {"min": 0, "desired": 0, "max": 2},
                      "recovery": {"min": 2, "desired": 2, "max": 4}, "targetGroupArns": ["%s"]}]}]}
                """.formatted(detached);
        FailoverHandler handler = new FailoverHandler(Map.of("DRKIT_PLAN", plan), clients, Duration.ofMillis(100));

        Map<String, Object> failover = emulator.enforcing(() -> handler.handleRequest(Map.of("action", "failover"), null));

        assertEquals("SUCCEEDED", failover.get("outcome"), String.valueOf(failover));
        assertEquals(List.of("plan DONE", "health DONE", "stages[1].steps[0] DONE", "plan DONE"), steps(failover));
        assertEquals(2, emulator.group(RECOVERY, "shop-web").desiredCapacity());
    }
}
