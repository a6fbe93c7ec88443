package io.github.drkit.lambda;

import static io.github.drkit.runtime.scenario.Emulator.RECOVERY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.drkit.runtime.scenario.Emulator;
import io.github.drkit.testing.LambdaRuntimeApi;
import io.github.drkit.testing.MotoServer;
import io.github.drkit.testing.MotoServerExtension;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * The handler exactly as Lambda runs it: the real Java runtime interface client (with its JNI part) in its
 * own JVM, polling a Lambda Runtime API served by this test on loopback, so events and results go through
 * the runtime's own serializer. The function's environment is what Lambda would give it. The module's
 * classes are on the function's classpath here; the shaded deployment package gets the same test in drkit-tests.
 */
@ExtendWith(MotoServerExtension.class)
class RuntimeInterfaceClientTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private Emulator emulator;
    private LambdaRuntimeApi runtimeApi;

    @BeforeEach
    void setUp() throws IOException {
        runtimeApi = LambdaRuntimeApi.start();
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        runtimeApi.close();
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void handleRequest_whenRunByRuntimeInterfaceClient_failsOverAndRejectsBadEvent(MotoServer moto) throws Exception {
        emulator = new Emulator(moto);
        Emulator.Fleet fleet = emulator.fleet(RECOVERY, "web", 0, 0, 2, "t3.small", true);
        String zone = emulator.zone("example.com");
        emulator.upsert(zone,
                ResourceRecordSet.builder().name("app.example.com").type(RRType.A).setIdentifier("primary").weight(100L).ttl(60L)
                        .resourceRecords(r -> r.value("192.0.2.10")).build(),
                ResourceRecordSet.builder().name("app.example.com").type(RRType.A).setIdentifier("recovery").weight(0L).ttl(60L)
                        .resourceRecords(r -> r.value("198.51.100.10")).build());
        String plan = """
                {"version": 1, "application": "web", "strategy": "PILOT_LIGHT", "recoveryRegion": "us-west-2",
                 "fleets": [{"autoScalingGroupName": "web", "standby": {"min": 0, "desired": 0, "max": 2},
                             "recovery": {"min": 2, "desired": 4, "max": 8}, "targetGroupArns": ["%s"]}],
                 "dns": [{"hostedZoneId": "%s", "records": [
                   {"routing": "WEIGHTED", "name": "app.example.com", "type": "A", "setIdentifier": "primary", "normalWeight": 100, "failoverWeight": 0},
                   {"routing": "WEIGHTED", "name": "app.example.com", "type": "A", "setIdentifier": "recovery", "normalWeight": 0, "failoverWeight": 100}]}],
                 "healthTimeoutSeconds": 60}
                """.formatted(fleet.targetGroupArn(), zone);
        runtimeApi.invoke("{\"action\": \"failover\", \"dryRun\": false, \"force\": false}");
        runtimeApi.invoke("{\"action\": \"promote\"}");

        runtimeApi.startFunction(System.getProperty("java.class.path"), FailoverHandler.class.getName() + "::handleRequest",
                Map.of("AWS_REGION", RECOVERY, "AWS_ENDPOINT_URL", moto.endpoint().toString(), "AWS_ACCESS_KEY_ID", "testing",
                        "AWS_SECRET_ACCESS_KEY", "testing", "DRKIT_PLAN", plan),
                dir.resolve("function.log"));

        LambdaRuntimeApi.Answer failover = runtimeApi.next();
        assertEquals("response", failover.kind(), failover.body() + "\n" + runtimeApi.output());
        JsonNode report = JSON.readTree(failover.body());
        assertEquals("SUCCEEDED", report.get("outcome").asText(), failover.body());
        assertEquals("FAILED_OVER", report.get("stateAfter").get("state").asText());
        AutoScalingGroup group = emulator.group(RECOVERY, "web");
        assertEquals(List.of(2, 4, 8), List.of(group.minSize(), group.desiredCapacity(), group.maxSize()));
        assertEquals(100L, emulator.record(zone, "app.example.com.", "recovery").weight());

        LambdaRuntimeApi.Answer rejected = runtimeApi.next();
        assertEquals("error", rejected.kind(), rejected.body());
        JsonNode error = JSON.readTree(rejected.body());
        assertEquals("io.github.drkit.runtime.engine.InvalidRequestException", error.get("errorType").asText(), rejected.body());
        assertEquals("action: must be one of status, failover, failback (got 'promote')", error.get("errorMessage").asText());
        assertTrue(runtimeApi.output().contains("drkit failover SUCCEEDED"), "the handler logs through the runtime's logger: " + runtimeApi.output());
    }
}
