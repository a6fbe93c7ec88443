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
        Emulator.PilotLightSite site = emulator.pilotLightSite();
        String zone = site.zone();
        String plan = site.plan(60);
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
        assertEquals("action: must be one of status, failover, failback, evaluate, restore (got 'promote')", error.get("errorMessage").asText());
        assertTrue(runtimeApi.output().contains("drkit failover SUCCEEDED"), "the handler logs through the runtime's logger: " + runtimeApi.output());
    }
}
