package io.github.drkit.lambda;

import static io.github.drkit.runtime.scenario.Emulator.RECOVERY;
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
import io.github.drkit.testing.MotoServerExtension;
import io.github.drkit.testing.MotoServer;

/** A bad {@code assumeRole} on a step: exit 2 from the CLI naming the field, the value and the rule; no call changes anything. */
@ExtendWith(MotoServerExtension.class)
class CrossAccountBadInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private Emulator emulator;
    private RecordingHook calls;
    private Emulator.Fleet fleet;

    @BeforeEach
    void setUp(MotoServer moto) {
        emulator = new Emulator(moto);
        calls = new RecordingHook();
        fleet = emulator.fleet(RECOVERY, "web", 0, 0, 2, "t3.small", false);
    }

    @AfterEach
    void tearDown() {
        emulator.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"roleArn\": \"arn:aws:iam::22222:role/workload\"}|stages[0].steps[0].assumeRole.roleArn|(got 'arn:aws:iam::22222:role/workload')",
            "{\"roleArn\": \"arn:aws-us-gov:iam::222222222222:role/workload\"}|stages[0].steps[0].assumeRole.roleArn|is in partition aws-us-gov but the step works in us-west-2",
            "{\"roleArn\": \"arn:aws:iam::222222222222:role/workload\", \"externalId\": \"a b\"}|stages[0].steps[0].assumeRole.externalId|(got 'a b')",
            "{\"roleArn\": \"arn:aws:iam::222222222222:role/workload\", \"sessionName\": \"ops\"}|stages[0].steps[0].assumeRole.sessionName|is not a field of stages[0].steps[0].assumeRole",
            "{}|stages[0].steps[0].assumeRole.roleArn|is required"})
    void failover_whenAssumeRoleIsBad_exits2NamingTheFieldAndChangesNothing(String assumeRole, String field, String text) throws IOException {
        Path plan = dir.resolve("plan.json");
        Files.writeString(plan, """
                {"version": 2, "application": "web", "strategy": "PILOT_LIGHT", "recoveryRegion": "us-west-2",
                 "stages": [{"name": "compute", "steps": [
                   {"kind": "scaleFleet", "autoScalingGroupName": "%s", "standby": {"min": 0, "desired": 0, "max": 2},
                    "recovery": {"min": 2, "desired": 4, "max": 8}, "assumeRole": %s}]}]}
                """.formatted(fleet.name(), assumeRole));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        RecoveryCommand command = new RecoveryCommand(Action.FAILOVER, p -> emulator.runtimeClients(calls), Duration.ofMillis(100),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        int code = command.run(new String[] {"--plan", plan.toString()});

        assertEquals(2, code, err.toString(StandardCharsets.UTF_8));
        JsonNode json = JSON.readTree(out.toString(StandardCharsets.UTF_8));
        assertEquals("INVALID_INPUT", json.get("outcome").asText());
        assertEquals(field, json.get("field").asText());
        assertTrue(json.get("message").asText().contains(text), json.get("message").asText());
        assertFalse(err.toString(StandardCharsets.UTF_8).contains("\tat "), "no stack trace");
        assertEquals(List.of(), calls.mutating());
        assertEquals(0, emulator.group(RECOVERY, "web").desiredCapacity());
    }
}
