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

/** {@code restore} of a {@code restoreDatabase} step: an unknown {@code source}, or no replicated backups, exits 2 naming the field. */
@ExtendWith(MotoServerExtension.class)
class CliRestoreDatabaseSourceBadInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PLAN = """
            {"version": 2, "application": "shop", "strategy": "BACKUP_RESTORE", "primaryRegion": "us-east-1", "recoveryRegion": "us-west-2",
             "stages": [{"name": "data", "steps": [
               {"kind": "restoreDatabase", "sourceDbInstanceIdentifier": "orders", "dbInstanceIdentifier": "orders-restored", "source": "%s"}]}]}
            """;

    @TempDir
    Path dir;
    private Emulator emulator;
    private RecordingHook calls;

    @BeforeEach
    void setUp(MotoServer moto) {
        emulator = new Emulator(moto);
        calls = new RecordingHook();
    }

    @AfterEach
    void tearDown() {
        emulator.close();
    }

    private void assertInvalid(String source, String field, String text) throws IOException {
        Path file = dir.resolve("plan.json");
        Files.writeString(file, PLAN.formatted(source));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        RecoveryCommand command = new RecoveryCommand(Action.RESTORE, p -> emulator.runtimeClients(calls), Duration.ofMillis(100),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        int code = command.run(new String[] {"--plan", file.toString()});

        assertEquals(2, code, err.toString(StandardCharsets.UTF_8));
        JsonNode json = JSON.readTree(out.toString(StandardCharsets.UTF_8));
        assertEquals("INVALID_INPUT", json.get("outcome").asText());
        assertEquals(field, json.get("field").asText());
        assertTrue(json.get("message").asText().contains(text), json.get("message").asText());
        assertEquals(List.of(), calls.mutating());
        assertEquals(List.of(), emulator.rds(Emulator.RECOVERY).describeDBInstances().dbInstances());
    }

    @Test
    void restore_whenSourceIsUnknown_namesSource() throws IOException {
        assertInvalid("latest", "stages[0].steps[0].source", "must be snapshot (the latest snapshot in the Region) or pointInTime");
    }

    @Test
    void restore_whenPointInTimeAndNoBackupsAreReplicated_namesSourceDbInstanceIdentifier() throws IOException {
        assertInvalid("pointInTime", "stages[0].steps[0].sourceDbInstanceIdentifier",
                "no automated backups of RDS instance 'orders' replicated to us-west-2 to restore a point in time from; nothing restored");
    }
}
