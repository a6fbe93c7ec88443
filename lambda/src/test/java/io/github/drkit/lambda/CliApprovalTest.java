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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.drkit.runtime.engine.Action;
import io.github.drkit.runtime.scenario.Emulator;
import io.github.drkit.runtime.scenario.RecordingHook;
import io.github.drkit.testing.MotoServer;
import io.github.drkit.testing.MotoServerExtension;

/**
 * The command line's {@code --approve STAGE} and {@code --run-id ID}: a failover that waits for approval exits 3 and says
 * how to continue; the same command with the approval continues; a bad approval exits 2 naming {@code --approve}, with
 * nothing changed.
 */
@ExtendWith(MotoServerExtension.class)
class CliApprovalTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private Emulator emulator;
    private RecordingHook calls;
    private Path planFile;
    private String instance;

    @BeforeEach
    void setUp(MotoServer moto) throws IOException {
        emulator = new Emulator(moto);
        calls = new RecordingHook();
        instance = emulator.stoppedInstances(Emulator.RECOVERY, 1).get(0);
        planFile = dir.resolve("plan.json");
        Files.writeString(planFile, """
                {"version": 2, "application": "shop", "strategy": "PILOT_LIGHT", "recoveryRegion": "us-west-2",
                 "stages": [{"name": "compute", "steps": [{"kind": "approval"}, {"kind": "startInstances", "instanceIds": ["%s"]}]}]}
                """.formatted(instance));
    }

    @AfterEach
    void tearDown() {
        emulator.close();
    }

    private record Run(int code, JsonNode json, String err) {
        void assertInvalid(String field, String text) {
            assertEquals(2, code, err);
            assertEquals("INVALID_INPUT", json.get("outcome").asText(), json.toString());
            assertEquals(field, json.get("field").asText(), json.toString());
            assertTrue(json.get("message").asText().contains(text), "expected <" + text + "> in " + json.get("message"));
            assertFalse(err.contains("\tat ") || err.contains("Exception"), "no stack trace: " + err);
        }
    }

    private Run run(Action action, String... args) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new RecoveryCommand(action, plan -> emulator.runtimeClients(calls), Duration.ofMillis(100),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        String stdout = out.toString(StandardCharsets.UTF_8);
        return new Run(code, stdout.isBlank() ? null : JSON.readTree(stdout), err.toString(StandardCharsets.UTF_8));
    }

    private void assertNothingChanged() {
        assertEquals(List.of(), calls.mutating());
        assertEquals("stopped", emulator.instanceState(Emulator.RECOVERY, instance));
    }

    @Test
    void failover_whenStageWaits_exits3ThenContinuesWithApproveAndRunId() throws IOException {
        Run waiting = run(Action.FAILOVER, "--plan", planFile.toString());

        assertEquals(3, waiting.code(), waiting.err());
        assertEquals("WAITING_FOR_APPROVAL", waiting.json().get("outcome").asText());
        assertTrue(waiting.err().contains("--approve compute --run-id "), waiting.err());
        assertNothingChanged();
        String runId = waiting.err().substring(waiting.err().indexOf("--run-id ") + 9).split("[)\\s]")[0];

        Run approved = run(Action.FAILOVER, "--plan", planFile.toString(), "--approve", "compute", "--run-id", runId);

        assertEquals(0, approved.code(), approved.err());
        assertEquals("SUCCEEDED", approved.json().get("outcome").asText());
        assertEquals("running", emulator.instanceState(Emulator.RECOVERY, instance));
    }

    @Test
    void failover_whenDryRun_plansEveryStageAndSaysWhereItWouldStop() throws IOException {
        Run dryRun = run(Action.FAILOVER, "--plan", planFile.toString(), "--dry-run");

        assertEquals(0, dryRun.code(), dryRun.err());
        assertEquals("DRY_RUN", dryRun.json().get("outcome").asText());
        assertTrue(dryRun.json().get("message").asText().endsWith("; a failover would stop before stage 'compute' to wait for approval"),
                dryRun.json().get("message").asText());
        assertNothingChanged();
    }

    @Test
    void failover_whenApproveNamesNoStage_exits2NamingApprove() throws IOException {
        run(Action.FAILOVER, "--plan", planFile.toString(), "--approve", "traffic")
                .assertInvalid("--approve", "names no stage of the plan (got 'traffic'; stages: compute)");
        assertNothingChanged();
    }

    @Test
    void failover_whenApproveIsNotAStageName_exits2NamingApprove() throws IOException {
        run(Action.FAILOVER, "--plan", planFile.toString(), "--approve", "traffic now")
                .assertInvalid("--approve", "must name a stage of the plan: 1-128 letters, digits, '.', '_' or '-' (got 'traffic now')");
        run(Action.FAILOVER, "--plan", planFile.toString(), "--approve").assertInvalid("--approve", "needs a stage name");
        run(Action.FAILOVER, "--plan", planFile.toString(), "--approve", "compute", "--approve", "compute")
                .assertInvalid("--approve", "is given twice");
        assertNothingChanged();
    }

    @Test
    void failback_whenApproveGiven_exits2NamingApprove() throws IOException {
        run(Action.FAILBACK, "--plan", planFile.toString(), "--approve", "compute").assertInvalid("--approve",
                "does not apply to failback (--approve applies to failover and restore only: failback, status and evaluate never wait for approval)");
        assertNothingChanged();
    }

    @Test
    void failover_whenRunIdMalformed_exits2NamingRunId() throws IOException {
        run(Action.FAILOVER, "--plan", planFile.toString(), "--run-id", "-x").assertInvalid("--run-id", "must be 1-128 letters, digits");
        assertNothingChanged();
    }
}
