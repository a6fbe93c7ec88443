package io.github.drkit.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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

/** {@code restore --before}: a time that is not one, in the future, given twice or given to another command exits 2 naming it. */
@ExtendWith(MotoServerExtension.class)
class CliRestoreBadInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private Emulator emulator;
    private RecordingHook calls;
    private Path planFile;

    @BeforeEach
    void setUp(MotoServer moto) throws IOException {
        emulator = new Emulator(moto);
        calls = new RecordingHook();
        planFile = dir.resolve("plan.json");
        Files.writeString(planFile, emulator.pilotLightSite().plan(10));
    }

    @AfterEach
    void tearDown() {
        emulator.close();
    }

    private JsonNode assertInvalid(Action action, String field, String text, String... args) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        RecoveryCommand command = new RecoveryCommand(action, plan -> emulator.runtimeClients(calls), Duration.ofMillis(100),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        int code = command.run(args);

        assertEquals(2, code, err.toString(StandardCharsets.UTF_8));
        JsonNode json = JSON.readTree(out.toString(StandardCharsets.UTF_8));
        assertEquals("INVALID_INPUT", json.get("outcome").asText());
        assertEquals(field, json.get("field").asText());
        assertTrue(json.get("message").asText().contains(text), json.get("message").asText());
        assertEquals(List.of(), calls.mutating());
        assertEquals(0, emulator.group(Emulator.RECOVERY, "web").desiredCapacity());
        return json;
    }

    @Test
    void restore_whenBeforeIsNotATime_namesIt() throws IOException {
        assertInvalid(Action.RESTORE, "--before", "must be a time with its offset, such as 2026-12-01T10:00Z (got 'yesterday')",
                "--plan", planFile.toString(), "--before", "yesterday");
    }

    @Test
    void restore_whenBeforeHasNoOffset_namesIt() throws IOException {
        assertInvalid(Action.RESTORE, "--before", "must be a time with its offset", "--plan", planFile.toString(),
                "--before", "2026-12-01T10:00");
    }

    @Test
    void restore_whenBeforeIsInTheFuture_namesIt() throws IOException {
        String later = Instant.now().plus(Duration.ofDays(1)).toString();

        assertInvalid(Action.RESTORE, "--before", "must not be in the future (got " + later, "--plan", planFile.toString(),
                "--before", later, "--dry-run");
    }

    @Test
    void restore_whenBeforeIsGivenTwice_namesIt() throws IOException {
        assertInvalid(Action.RESTORE, "--before", "is given twice", "--plan", planFile.toString(),
                "--before", "2026-12-01T10:00Z", "--before", "2026-12-01T11:00Z");
    }

    @Test
    void failover_whenBeforeIsGiven_namesItAsRestoreOnly() throws IOException {
        assertInvalid(Action.FAILOVER, "--before", "does not apply to failover (--before applies to restore only: only restore chooses recovery points)", "--plan", planFile.toString(),
                "--before", "2026-12-01T10:00Z");
    }
}
