package io.github.drkit.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.drkit.runtime.engine.Action;
import io.github.drkit.runtime.scenario.Emulator;
import io.github.drkit.runtime.scenario.RecordingHook;
import io.github.drkit.testing.MotoServer;
import io.github.drkit.testing.MotoServerExtension;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * Bad values of the container step kinds' fields, from the command line: exit 2, {@code INVALID_INPUT} naming the
 * field, and the emulator's ECS service as it was (no mutating call).
 */
@ExtendWith(MotoServerExtension.class)
class ContainerCliBadInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PLAN = """
            {"version": 2, "application": "shop", "strategy": "PILOT_LIGHT", "primaryRegion": "us-east-1", "recoveryRegion": "us-west-2",
             "stages": [{"name": "compute", "steps": [%s]}]}""";

    @TempDir
    Path dir;
    private MotoServer moto;
    private Emulator emulator;
    private RecordingHook calls;

    @BeforeEach
    void setUp(MotoServer moto) {
        this.moto = moto;
        emulator = new Emulator(moto);
        calls = new RecordingHook();
        try (EcsClient ecs = ecs()) {
            ecs.createCluster(c -> c.clusterName("shop"));
            ecs.registerTaskDefinition(t -> t.family("web").requiresCompatibilitiesWithStrings("FARGATE").networkMode("awsvpc").cpu("256")
                    .memory("512").containerDefinitions(c -> c.name("web").image("public.ecr.aws/nginx/nginx:stable").essential(true)));
            ecs.createService(s -> s.cluster("shop").serviceName("web").taskDefinition("web").desiredCount(0).launchType("FARGATE"));
        }
    }

    @AfterEach
    void tearDown() {
        emulator.close();
    }

    private EcsClient ecs() {
        return EcsClient.builder().endpointOverride(moto.endpoint()).region(Region.of(Emulator.RECOVERY)).credentialsProvider(moto.credentials())
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"cluster\": \"nope\", \"service\": \"web\", \"standbyDesiredCount\": 0, \"recoveryDesiredCount\": 2"
                    + " | stages[0].steps[0].cluster | ECS cluster 'nope' not found in us-west-2",
            "\"cluster\": \"shop\", \"service\": \"api\", \"standbyDesiredCount\": 0, \"recoveryDesiredCount\": 2"
                    + " | stages[0].steps[0].service | ECS service 'api' not found in cluster 'shop' in us-west-2",
            "\"cluster\": \"shop\", \"service\": \"web\", \"standbyDesiredCount\": 0, \"recoveryDesiredCount\": 2, \"recoveryPercentOfPrimary\": 101, \"primaryRegion\": \"us-east-1\""
                    + " | stages[0].steps[0].recoveryPercentOfPrimary | must be between 1 and 100 (got 101)",
            "\"cluster\": \"shop\", \"service\": \"web\", \"standbyDesiredCount\": 0, \"recoveryDesiredCount\": 2, \"recoveryPercentOfPrimary\": 0, \"primaryRegion\": \"us-east-1\""
                    + " | stages[0].steps[0].recoveryPercentOfPrimary | must be between 1 and 100 (got 0)",
            "\"cluster\": \"shop\", \"service\": \"web\", \"standbyDesiredCount\": 3, \"recoveryDesiredCount\": 2"
                    + " | stages[0].steps[0].recoveryDesiredCount | must be at least standbyDesiredCount (got 2, standbyDesiredCount 3)",
            "\"cluster\": \"shop\", \"service\": \"web\", \"standbyDesiredCount\": 0, \"recoveryDesiredCount\": 2, \"steadyStateTimeoutSeconds\": 7200"
                    + " | stages[0].steps[0].steadyStateTimeoutSeconds | must be between 0 and 3600 (got 7200)"})
    void run_whenServiceFieldIsBad_exitsTwoNamingTheFieldAndChangesNothing(String fields, String field, String text) throws IOException {
        Path plan = dir.resolve("plan.json");
        Files.writeString(plan, PLAN.formatted("{\"kind\": \"scaleService\", " + fields + "}"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        RecoveryCommand command = new RecoveryCommand(Action.FAILOVER, p -> emulator.runtimeClients(calls), Duration.ofMillis(100),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        int code = command.run(new String[] {"--plan", plan.toString()});

        assertEquals(2, code, err.toString(StandardCharsets.UTF_8));
        JsonNode json = JSON.readTree(out.toString(StandardCharsets.UTF_8));
        assertEquals("INVALID_INPUT", json.get("outcome").asText(), json.toString());
        assertEquals(field, json.get("field").asText(), json.toString());
        assertTrue(json.get("message").asText().contains(text), json.get("message").asText());
        assertFalse(err.toString(StandardCharsets.UTF_8).contains("\tat "), "no stack trace");
        assertEquals(List.of(), calls.mutating());
        try (EcsClient ecs = ecs()) {
            assertEquals(0, ecs.describeServices(d -> d.cluster("shop").services("web")).services().get(0).desiredCount());
        }
    }
}
