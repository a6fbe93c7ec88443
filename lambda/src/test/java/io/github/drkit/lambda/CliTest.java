package io.github.drkit.lambda;

import static io.github.drkit.runtime.scenario.Emulator.RECOVERY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

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

/** The break-glass CLI: options, exit codes, the JSON report, and AWS_ENDPOINT_URL/AWS_REGION in a real process. */
@ExtendWith(MotoServerExtension.class)
class CliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private MotoServer moto;
    private Emulator emulator;
    private RecordingHook calls;
    private Path planFile;
    private String zone;

    @BeforeEach
    void setUp(MotoServer moto) throws IOException {
        this.moto = moto;
        emulator = new Emulator(moto);
        calls = new RecordingHook();
        Emulator.PilotLightSite site = emulator.pilotLightSite();
        zone = site.zone();
        planFile = dir.resolve("plan.json");
        Files.writeString(planFile, site.plan(10));
    }

    @AfterEach
    void tearDown() {
        emulator.close();
    }

    /** Output of one in-process run. */
    private record Run(int code, String out, String err) {
        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new AssertionError("stdout is not JSON: " + out, e);
            }
        }
    }

    private Run run(Action action, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        RecoveryCommand command = new RecoveryCommand(action, plan -> emulator.runtimeClients(calls), Duration.ofMillis(100),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        int code = command.run(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void run_whenFailoverThenFailback_exitsZeroWithJsonReports() {
        Run failover = run(Action.FAILOVER, "--plan", planFile.toString());

        assertEquals(0, failover.code(), failover.err());
        assertEquals("SUCCEEDED", failover.json().get("outcome").asText());
        assertEquals("FAILED_OVER", failover.json().get("stateAfter").get("state").asText());
        assertEquals(100L, emulator.record(zone, "app.example.com.", "recovery").weight());

        Run failback = run(Action.FAILBACK, "--plan", planFile.toString());

        assertEquals(0, failback.code(), failback.err());
        assertEquals("NORMAL", failback.json().get("stateAfter").get("state").asText());
    }

    @Test
    void run_whenDryRun_exitsZeroAndChangesNothing() {
        Run dryRun = run(Action.FAILOVER, "--plan", planFile.toString(), "--dry-run");

        assertEquals(0, dryRun.code(), dryRun.err());
        assertEquals("DRY_RUN", dryRun.json().get("outcome").asText());
        assertEquals(List.of(), calls.mutating());
    }

    @Test
    void run_whenHealthGateFails_exitsOne() throws IOException {
        String detached = emulator.createTargetGroup(RECOVERY, "detached");
        String plan = Files.readString(planFile).replaceAll("arn:aws:elasticloadbalancing:[^\"]+", detached).replace("\"healthTimeoutSeconds\": 10", "\"healthTimeoutSeconds\": 0");
        Files.writeString(planFile, plan);

        Run run = run(Action.FAILOVER, "--plan", planFile.toString());

        assertEquals(1, run.code(), run.out());
        assertEquals("FAILED", run.json().get("outcome").asText());
        // Progress lines ("drkit <time> ...") come first; the summary of the failure ends stderr.
        List<String> lines = run.err().lines().toList();
        assertTrue(lines.get(lines.size() - 1).startsWith("failover stopped: 'wait for health (up to 0 s)' failed"), run.err());
        assertTrue(run.err().contains("wait for health (up to 0 s): waiting for 1 of 1 not healthy yet: fleets[0] web"), run.err());
    }

    @Test
    void run_whenBadInput_exitsTwoNamingTheField() throws IOException {
        Files.writeString(dir.resolve("v3.json"), Files.readString(planFile).replace("\"version\": 1", "\"version\": 3"));
        Map<String[], String> cases = Map.of(
                new String[] {"--plan", planFile.toString(), "--dryrun"}, "--dryrun: is not an option of failover",
                new String[] {"--dry-run"}, "--plan: is required: the recovery plan file",
                new String[] {"--plan", dir.resolve("missing.json").toString()}, "--plan: file '" + dir.resolve("missing.json") + "' not found",
                new String[] {"--plan"}, "--plan: needs a file name",
                new String[] {"--plan", dir.resolve("v3.json").toString()}, "version: must be 1 or 2 (got 3)");
        for (Map.Entry<String[], String> input : cases.entrySet()) {
            Run run = run(Action.FAILOVER, input.getKey());

            assertEquals(2, run.code(), String.join(" ", input.getKey()));
            assertTrue(run.err().contains(input.getValue()), "expected <" + input.getValue() + "> in <" + run.err() + ">");
            assertEquals("INVALID_INPUT", run.json().get("outcome").asText());
            assertTrue(run.json().get("message").asText().contains(input.getValue()));
        }
        Run status = run(Action.STATUS, "--plan", planFile.toString(), "--force");
        assertEquals(2, status.code());
        assertTrue(status.err().contains("--force: does not apply to status"), status.err());
        assertEquals(List.of(), calls.mutating());
    }

    /** A real process, configured only through the environment, as an operator at a terminal would run it. */
    private Run process(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Cli.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("AWS_ENDPOINT_URL", moto.endpoint().toString());
        builder.environment().put("AWS_REGION", RECOVERY);
        builder.environment().put("AWS_ACCESS_KEY_ID", "testing");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "testing");
        builder.environment().remove("AWS_PROFILE");
        builder.redirectError(dir.resolve("err.txt").toFile());
        builder.redirectOutput(dir.resolve("out.txt").toFile());
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("CLI did not end within 120 s");
        }
        return new Run(process.exitValue(), Files.readString(dir.resolve("out.txt")), Files.readString(dir.resolve("err.txt")));
    }

    @Test
    void main_whenOnlyEnvironmentConfigured_reachesEndpointFromAwsEndpointUrl() throws Exception {
        Run status = process("status", "--plan", planFile.toString());

        assertEquals(0, status.code(), status.err());
        JsonNode report = status.json();
        assertEquals("SUCCEEDED", report.get("outcome").asText());
        assertEquals("NORMAL", report.get("stateBefore").get("state").asText());
        assertEquals("web", report.get("stateBefore").get("fleets").get(0).get("autoScalingGroupName").asText());
        assertTrue(report.get("steps").get(0).get("calls").size() >= 3, "the calls reached the emulator");

        Run help = process("--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("usage: java -jar drkit-lambda.jar <command>"), help.out());

        Run unknown = process("promote", "--plan", planFile.toString());
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("unknown command 'promote'"), unknown.err());
    }
}
