package io.github.drkit.lambda;

import static io.github.drkit.runtime.scenario.Emulator.RECOVERY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

import io.github.drkit.lambda.archive.ArchiveCli;
import io.github.drkit.runtime.engine.Action;
import io.github.drkit.runtime.engine.Cut;
import io.github.drkit.runtime.scenario.Emulator;
import io.github.drkit.runtime.scenario.RecordingHook;
import io.github.drkit.testing.MotoServer;
import io.github.drkit.testing.MotoServerExtension;

/**
 * Bad command lines, as a new user types them: each is answered with exit 2, the {@code INVALID_INPUT} JSON on stdout
 * naming the field, no stack trace, no AWS call that changes anything, and the emulator's fleet as it was.
 */
@ExtendWith(MotoServerExtension.class)
class CliBadInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private MotoServer moto;
    private Emulator emulator;
    private RecordingHook calls;
    private Path planFile;

    @BeforeEach
    void setUp(MotoServer moto) throws IOException {
        this.moto = moto;
        emulator = new Emulator(moto);
        calls = new RecordingHook();
        planFile = dir.resolve("plan.json");
        Files.writeString(planFile, emulator.pilotLightSite().plan(10));
    }

    @AfterEach
    void tearDown() {
        emulator.close();
    }

    private record Run(int code, String out, String err, Duration took) {
        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new AssertionError("stdout is not JSON: " + out, e);
            }
        }

        /** Exit 2, INVALID_INPUT naming {@code field}, a message with {@code text}, no stack trace. */
        void assertInvalid(String field, String text) {
            assertEquals(2, code, err);
            JsonNode json = json();
            assertEquals("INVALID_INPUT", json.get("outcome").asText(), out);
            assertEquals(field, json.get("field").asText(), out);
            assertTrue(json.get("message").asText().contains(text), "expected <" + text + "> in " + json.get("message"));
            assertFalse(err.contains("\tat ") || err.contains("Exception"), "no stack trace: " + err);
        }
    }

    private Run run(Action action, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        RecoveryCommand command = new RecoveryCommand(action, plan -> emulator.runtimeClients(calls), Duration.ofMillis(100),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        long started = System.nanoTime();
        int code = command.run(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                Duration.ofNanos(System.nanoTime() - started));
    }

    private Run dispatch(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(Cli.recoveryCommands(), args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), Duration.ZERO);
    }

    private void assertNothingChanged() {
        assertEquals(List.of(), calls.mutating());
        assertEquals(0, emulator.group(RECOVERY, "web").desiredCapacity());
    }

    @Test
    void run_whenPlanFileIsSeveralGigabytes_refusesItUnreadWithinSeconds() throws IOException {
        Path huge = dir.resolve("huge.json");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(3L * 1024 * 1024 * 1024); // sparse: 3 GB on paper, nothing on disk
        }

        Run run = run(Action.FAILOVER, "--plan", huge.toString());

        run.assertInvalid("--plan", "is larger than the limit of 1048576 bytes (1 MiB) for a plan");
        assertTrue(run.took().compareTo(Duration.ofSeconds(5)) < 0, "took " + run.took());
        assertNothingChanged();
    }

    @Test
    void run_whenPlanGivenTwice_refusesBoth() throws IOException {
        Path other = dir.resolve("other.json");
        Files.copy(planFile, other);

        Run run = run(Action.FAILOVER, "--plan", planFile.toString(), "--plan", other.toString());

        run.assertInvalid("--plan", "is given twice ('" + planFile + "' and '" + other + "'); give one plan");
        assertNothingChanged();
    }

    @Test
    void run_whenPlanHasNothingToDo_saysSo() throws IOException {
        Path empty = dir.resolve("empty.json");
        Files.writeString(empty, "{\"version\": 1, \"application\": \"web\", \"strategy\": \"PILOT_LIGHT\", \"recoveryRegion\": \"us-west-2\"}");

        Run run = run(Action.FAILOVER, "--plan", empty.toString());

        run.assertInvalid("plan", "lists no step that changes anything (no databases, instances, fleets, dns, siteSwitches or other kind of step): it has nothing to failover");
        assertNothingChanged();
    }

    @Test
    void run_whenDeadlineIsNotAWholeNumberOfSecondsInRange_namesIt() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("soon", "must be a whole number of seconds from 1 to 86400 (got 'soon')");
        cases.put("0", "must be from 1 to 86400 seconds (got 0)");
        cases.put("86401", "must be from 1 to 86400 seconds (got 86401)");
        cases.put("99999999999999999999", "must be a whole number of seconds from 1 to 86400 (got '99999999999999999999')");
        for (Map.Entry<String, String> input : cases.entrySet()) {
            Run run = run(Action.FAILOVER, "--plan", planFile.toString(), "--deadline", input.getKey());

            run.assertInvalid("--deadline", input.getValue());
        }
        run(Action.FAILOVER, "--plan", planFile.toString(), "--deadline").assertInvalid("--deadline", "needs a number of seconds");
        assertNothingChanged();
    }

    @Test
    void run_whenEchoedValueIsLong_cutsItToAReadableLength() {
        String option = "--" + "x".repeat(10_000);

        Run run = run(Action.FAILOVER, "--plan", planFile.toString(), option);

        run.assertInvalid("--" + "x".repeat(Cut.MAX_CHARS - 2) + "... (9922 more characters)", "is not an option of failover");
        assertTrue(run.json().get("message").asText().length() < 300, run.json().get("message").asText());
        assertNothingChanged();
    }

    @Test
    void run_whenNoArgumentsOrUnknownCommand_answersInvalidInputOnStdout() {
        Run none = dispatch();
        none.assertInvalid("command", "is missing; expected one of status, failover, failback");
        assertTrue(none.err().contains("usage: java -jar drkit-lambda.jar"), none.err());

        Run unknown = dispatch("promote", "--plan", planFile.toString());
        unknown.assertInvalid("command", "unknown command 'promote'; expected one of status, failover, failback");

        Run archive = dispatch("archive", "--help");
        archive.assertInvalid("command", "the archive commands ship in drkit-lambda-archive.jar: java -jar drkit-lambda-archive.jar"
                + " archive --help");
        assertNothingChanged();
    }

    @Test
    void cut_whenValueHasCharactersOutsideTheBasicPlane_neverSplitsOne() {
        String value = "a".repeat(Cut.MAX_CHARS - 1) + "\uD83D\uDE00" + "b".repeat(10);

        String cut = Cut.value(value);

        assertTrue(cut.startsWith("a".repeat(Cut.MAX_CHARS - 1) + "... (12 more characters)"), cut);
        assertEquals("short", Cut.value("short"));
    }

    /** A real process, as an operator at a terminal runs it, with {@code env} added to an environment with no AWS settings. */
    private Run process(Class<?> main, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("AWS_") || name.startsWith("LC_"));
        builder.environment().put("HOME", dir.toString()); // no ~/.aws/config: no Region from a profile either
        builder.environment().putAll(env);
        builder.redirectError(dir.resolve("err.txt").toFile());
        builder.redirectOutput(dir.resolve("out.txt").toFile());
        long started = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the CLI did not end within 60 s");
        }
        return new Run(process.exitValue(), Files.readString(dir.resolve("out.txt")), Files.readString(dir.resolve("err.txt")),
                Duration.ofNanos(System.nanoTime() - started));
    }

    @Test
    void main_whenPlanPathIsNotAsciiUnderAsciiLocale_namesThePlanOption() throws Exception {
        Path accented = dir.resolve("plän.json");
        Files.copy(planFile, accented);

        Run run = process(Cli.class, Map.of("LANG", "C", "LC_ALL", "C", "AWS_ENDPOINT_URL", moto.endpoint().toString(),
                "AWS_REGION", RECOVERY, "AWS_ACCESS_KEY_ID", "testing", "AWS_SECRET_ACCESS_KEY", "testing"),
                "failover", "--plan", accented.toString());

        run.assertInvalid("--plan", "cannot be used");
        assertTrue(run.json().get("message").asText().contains("run with a UTF-8 locale (LANG=C.UTF-8) or rename the file"),
                run.json().get("message").asText());
        assertEquals(0, emulator.group(RECOVERY, "web").desiredCapacity());
    }

    @Test
    void main_whenArchiveHelpWithoutRegion_printsUsageWithoutStackTraceOrSlf4jWarnings() throws Exception {
        Run help = process(ArchiveCli.class, Map.of(), "archive", "--help");

        assertEquals(0, help.code(), help.err());
        assertTrue(help.out().startsWith("usage: archive <command>"), help.out());
        assertEquals("", help.err());
    }

    @Test
    void main_whenAnyCommand_printsNoSlf4jWarnings() throws Exception {
        Run status = process(Cli.class, Map.of("AWS_ENDPOINT_URL", moto.endpoint().toString(), "AWS_REGION", RECOVERY,
                "AWS_ACCESS_KEY_ID", "testing", "AWS_SECRET_ACCESS_KEY", "testing"), "status", "--plan", planFile.toString());

        assertEquals(0, status.code(), status.err());
        assertFalse(status.err().contains("SLF4J"), status.err());
        assertTrue(status.err().lines().allMatch(line -> line.startsWith("drkit ")), "only progress lines: " + status.err());
    }
}
