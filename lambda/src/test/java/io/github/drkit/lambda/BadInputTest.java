package io.github.drkit.lambda;

import static io.github.drkit.runtime.scenario.Emulator.RECOVERY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.drkit.runtime.aws.AwsClients;
import io.github.drkit.plan.InvalidInputException;
import io.github.drkit.runtime.scenario.Emulator;
import io.github.drkit.runtime.scenario.RecordingHook;
import io.github.drkit.testing.MotoServer;
import io.github.drkit.testing.MotoServerExtension;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;

/**
 * Bad input through the Lambda handler, against a live emulator account: each case gets an error naming
 * the field, and neither the interceptor nor the emulator's state shows any change. The base plan is valid
 * and names real resources, so the preflight has something it could have changed.
 */
@ExtendWith(MotoServerExtension.class)
class BadInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Object> FAILOVER = Map.of("action", "failover");

    private Emulator emulator;
    private RecordingHook calls;
    private AwsClients clients;
    private String zone;
    private String validPlan;

    @BeforeEach
    void setUp(MotoServer moto) {
        emulator = new Emulator(moto);
        calls = new RecordingHook();
        clients = emulator.runtimeClients(calls);
        Emulator.PilotLightSite site = emulator.pilotLightSite();
        emulator.autoScaling(RECOVERY).createLaunchConfiguration(c -> c.launchConfigurationName("legacy")
                .imageId("ami-12c6146b").instanceType("t3.small"));
        emulator.autoScaling(RECOVERY).createAutoScalingGroup(g -> g.autoScalingGroupName("legacy").launchConfigurationName("legacy")
                .minSize(0).maxSize(1).desiredCapacity(0).vpcZoneIdentifier(emulator.subnet(RECOVERY)));
        zone = site.zone();
        validPlan = site.plan(5);
    }

    @AfterEach
    void tearDown() {
        clients.close();
        emulator.close();
    }

    /** A case: how to break the environment, the event and the plan, and the message expected. */
    record Case(String name, Map<String, Object> event, UnaryOperator<Map<String, String>> env, UnaryOperator<ObjectNode> plan,
                String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case event(String name, Map<String, Object> event, String expected) {
        return new Case(name, event, e -> e, p -> p, expected);
    }

    private static Case plan(String name, UnaryOperator<ObjectNode> plan, String expected) {
        return new Case(name, FAILOVER, e -> e, plan, expected);
    }

    private static Case env(String name, UnaryOperator<Map<String, String>> env, String expected) {
        return new Case(name, FAILOVER, env, p -> p, expected);
    }

    private static ObjectNode fleet(ObjectNode plan) {
        return (ObjectNode) plan.get("fleets").get(0);
    }

    static List<Case> cases() {
        Map<String, Object> dryRunAsText = new HashMap<>(Map.of("action", "failover", "dryRun", "yes"));
        return List.of(
                event("unknown action", Map.of("action", "promote"), "action: must be one of status, failover, failback, evaluate, restore (got 'promote')"),
                event("no action", Map.of("dryRun", true), "action: must be one of status, failover, failback, evaluate, restore (got nothing)"),
                event("dryRun as text", dryRunAsText, "dryRun: must be true or false (got 'yes')"),
                event("misspelt option", Map.of("action", "failover", "dry_run", true), "dry_run: is not a field of the event"),
                env("malformed plan", e -> Map.of("DRKIT_PLAN", "{\"version\": 1,"), "the plan is not valid JSON at line 1"),
                plan("wrong version", p -> p.put("version", 3), "version: must be 1 or 2 (got 3); this runtime reads plan versions 1 and 2 only"),
                env("no plan", e -> Map.of(), "DRKIT_PLAN: is not set, nor is DRKIT_PLAN_PARAMETER; the function has no plan"),
                env("two plans", e -> Map.of("DRKIT_PLAN", e.get("DRKIT_PLAN"), "DRKIT_PLAN_PARAMETER", "/drkit/plan"),
                        "DRKIT_PLAN: and DRKIT_PLAN_PARAMETER are both set; set one"),
                env("missing SSM parameter", e -> Map.of("DRKIT_PLAN_PARAMETER", "/drkit/missing"),
                        "DRKIT_PLAN_PARAMETER: SSM parameter '/drkit/missing' not found in us-west-2"),
                plan("bad Region", p -> p.put("recoveryRegion", "us-moon-1"), "recoveryRegion: 'us-moon-1' is not an AWS Region this runtime knows"),
                plan("unknown Auto Scaling group", p -> { fleet(p).put("autoScalingGroupName", "nope"); return p; },
                        "fleets[0].autoScalingGroupName: Auto Scaling group 'nope' not found in us-west-2"),
                plan("unknown target group", p -> { ((ArrayNode) fleet(p).get("targetGroupArns")).set(0,
                                "arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/nope/0123456789abcdef"); return p; },
                        "fleets[0].targetGroupArns[0]: target group 'arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/nope/0123456789abcdef' not found in us-west-2"),
                plan("unknown hosted zone", p -> { ((ObjectNode) p.get("dns").get(0)).put("hostedZoneId", "ZNOSUCHZONE"); return p; },
                        "dns[0].hostedZoneId: hosted zone 'ZNOSUCHZONE' not found"),
                plan("unknown record", p -> { ((ObjectNode) p.get("dns").get(0).get("records").get(1)).put("setIdentifier", "west"); return p; },
                        "dns[0].records[1]: record app.example.com. A [west] not found in hosted zone"),
                plan("unknown database", p -> { p.putArray("databases").addObject().put("dbInstanceIdentifier", "nope"); return p; },
                        "databases[0].dbInstanceIdentifier: DB instance 'nope' not found in us-west-2"),
                plan("unknown instance", p -> { p.putArray("instances").addObject().putArray("instanceIds").add("i-0123456789abcdef0"); return p; },
                        "instances[0].instanceIds[0]: EC2 instance 'i-0123456789abcdef0' not found in us-west-2"),
                plan("unknown topic", p -> p.put("notificationTopicArn", "arn:aws:sns:us-west-2:123456789012:nope"),
                        "notificationTopicArn: SNS topic 'arn:aws:sns:us-west-2:123456789012:nope' not found"),
                plan("vertical scaling without launch template", p -> {
                            ObjectNode legacy = ((ArrayNode) p.get("fleets")).addObject();
                            legacy.put("autoScalingGroupName", "legacy").put("standbyInstanceType", "t3.small").put("recoveryInstanceType", "m5.large");
                            legacy.putObject("standby").put("min", 0).put("desired", 0).put("max", 1);
                            legacy.putObject("recovery").put("min", 1).put("desired", 1).put("max", 1);
                            return p; },
                        "fleets[1].recoveryInstanceType: Auto Scaling group 'legacy' uses launch configuration 'legacy'; vertical scaling needs a launch template"),
                plan("recovery below standby", p -> { ((ObjectNode) fleet(p).get("recovery")).put("max", 1).put("desired", 1).put("min", 0); return p; },
                        "fleets[0].recovery.max: must be at least standby.max (got 1, standby 2)"),
                plan("all weights zero", p -> { ((ObjectNode) p.get("dns").get(0).get("records").get(1)).put("failoverWeight", 0); return p; },
                        "has failoverWeight 0; at least one must carry traffic after failover"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void handleRequest_whenBadInput_namesFieldAndChangesNothing(Case input) throws Exception {
        ObjectNode plan = (ObjectNode) JSON.readTree(validPlan);
        Map<String, String> env = input.env().apply(Map.of("DRKIT_PLAN", JSON.writeValueAsString(input.plan().apply(plan))));
        FailoverHandler handler = new FailoverHandler(env, clients, Duration.ofMillis(100));

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> handler.handleRequest(input.event(), null));

        assertTrue(e.getMessage().contains(input.expected()), () -> "expected <" + input.expected() + "> in <" + e.getMessage() + ">");
        assertEquals(List.of(), calls.mutating(), "a mutating call was made");
        AutoScalingGroup group = emulator.group(RECOVERY, "web");
        assertEquals(List.of(0, 0, 2), List.of(group.minSize(), group.desiredCapacity(), group.maxSize()));
        assertEquals(100L, emulator.record(zone, "app.example.com.", "primary").weight());
        assertEquals(0L, emulator.record(zone, "app.example.com.", "recovery").weight());
    }
}
