package io.github.drkit.runtime.scenario;

import static io.github.drkit.runtime.scenario.Emulator.RECOVERY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * Warm standby: a small fleet runs in the recovery Region behind weighted DNS. Failover scales it out and
 * up (a new launch template version with the larger type) and shifts the weights; failback shifts them back
 * and returns the fleet to its standby size and type. Runs through the Lambda handler, in process.
 */
@ExtendWith(MotoServerExtension.class)
class WarmStandbyScenarioTest {
    private Emulator emulator;
    private RecordingHook calls;
    private AwsClients clients;
    private FailoverHandler handler;
    private String zone;

    @BeforeEach
    void setUp(MotoServer moto) {
        emulator = new Emulator(moto);
        calls = new RecordingHook();
        // The engine runs as a role holding the permission table's actions for the plan's step kinds, IAM enforced.
        clients = emulator.runtimeClients(emulator.failoverRole("fleet", "vertical-scaling", "dns", "notifications"), calls);
        Emulator.Fleet fleet = emulator.fleet(RECOVERY, "shop-web", 1, 1, 2, "t3.small", true);
        zone = emulator.zone("example.com");
        String primaryCheck = emulator.healthCheck("primary.example.com");
        emulator.upsert(zone,
                ResourceRecordSet.builder().name("app.example.com").type(RRType.A).setIdentifier("primary").weight(100L).ttl(60L)
                        .healthCheckId(primaryCheck).resourceRecords(r -> r.value("192.0.2.10")).build(),
                ResourceRecordSet.builder().name("app.example.com").type(RRType.A).setIdentifier("recovery").weight(0L)
                        .aliasTarget(a -> a.dnsName("recovery-alb.us-west-2.elb.amazonaws.com").hostedZoneId("Z1H1FL5HABSF5").evaluateTargetHealth(true))
                        .build());
        String plan = """
                {"version": 1, "application": "shop", "strategy": "WARM_STANDBY",
                 "primaryRegion": "us-east-1", "recoveryRegion": "us-west-2",
                 "fleets": [{"autoScalingGroupName": "shop-web",
                             "standby": {"min": 1, "desired": 1, "max": 2}, "recovery": {"min": 2, "desired": 4, "max": 8},
                             "standbyInstanceType": "t3.small", "recoveryInstanceType": "m5.large", "minHealthy": 3,
                             "targetGroupArns": ["%s"]}],
                 "dns": [{"hostedZoneId": "%s", "records": [
                   {"routing": "WEIGHTED", "name": "app.example.com.", "type": "A", "setIdentifier": "primary", "normalWeight": 100, "failoverWeight": 0},
                   {"routing": "WEIGHTED", "name": "app.example.com.", "type": "A", "setIdentifier": "recovery", "normalWeight": 0, "failoverWeight": 100}]}],
                 "healthTimeoutSeconds": 30}
                """.formatted(fleet.targetGroupArn(), zone);
        handler = new FailoverHandler(Map.of("DRKIT_PLAN", plan), clients, Duration.ofMillis(100));
    }

    @AfterEach
    void tearDown() {
        clients.close();
        emulator.close();
    }

    @Test
    void failoverThenFailback_whenWarmStandby_scalesOutAndUpThenBack() {
        Map<String, Object> failover = emulator.enforcing(() -> handler.handleRequest(Map.of("action", "failover"), null));

        assertEquals("SUCCEEDED", failover.get("outcome"), String.valueOf(failover));
        AutoScalingGroup group = emulator.group(RECOVERY, "shop-web");
        assertEquals(List.of(2, 4, 8), List.of(group.minSize(), group.desiredCapacity(), group.maxSize()));
        assertEquals("m5.large", emulator.launchType(RECOVERY, "shop-web"));
        assertTrue(group.instances().stream().filter(i -> "m5.large".equals(i.instanceType())).count() >= 3,
                "the new instances launch with the recovery type: " + group.instances());
        assertEquals(0L, emulator.record(zone, "app.example.com.", "primary").weight());
        assertEquals(100L, emulator.record(zone, "app.example.com.", "recovery").weight());
        assertTrue(emulator.record(zone, "app.example.com.", "recovery").aliasTarget().dnsName().startsWith("recovery-alb"),
                "a weight change keeps the target");
        assertEquals(1, calls.count("CreateLaunchTemplateVersion"));
        assertEquals(1, calls.count("ChangeResourceRecordSets"));
        assertTrue(String.valueOf(failover.get("leftForOperator")).contains("start-instance-refresh"),
                "the one instance still on t3.small is left for a person: " + failover.get("leftForOperator"));
        assertEquals("FAILED_OVER", ((Map<?, ?>) failover.get("stateAfter")).get("state"));

        Map<String, Object> status = emulator.enforcing(() -> handler.handleRequest(Map.of("action", "status"), null));
        assertEquals("FAILED_OVER", ((Map<?, ?>) status.get("stateBefore")).get("state"));

        Map<String, Object> failback = emulator.enforcing(() -> handler.handleRequest(Map.of("action", "failback", "dryRun", false, "force", false), null));

        assertEquals("SUCCEEDED", failback.get("outcome"), String.valueOf(failback));
        assertEquals(100L, emulator.record(zone, "app.example.com.", "primary").weight());
        assertEquals(0L, emulator.record(zone, "app.example.com.", "recovery").weight());
        group = emulator.group(RECOVERY, "shop-web");
        assertEquals(List.of(1, 1, 2), List.of(group.minSize(), group.desiredCapacity(), group.maxSize()));
        assertEquals("t3.small", emulator.launchType(RECOVERY, "shop-web"));
        assertEquals(2, calls.count("CreateLaunchTemplateVersion"));
        assertTrue(String.valueOf(failback.get("steps")).contains("check health of the primary"));
        assertEquals("NORMAL", ((Map<?, ?>) failback.get("stateAfter")).get("state"));
    }
}
