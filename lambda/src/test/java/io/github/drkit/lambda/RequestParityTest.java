package io.github.drkit.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.drkit.runtime.aws.AwsClients;
import io.github.drkit.runtime.engine.Action;
import io.github.drkit.runtime.engine.InvalidRequestException;
import io.github.drkit.runtime.engine.RequestField;
import io.github.drkit.runtime.scenario.Emulator;
import io.github.drkit.runtime.scenario.RecordingHook;
import io.github.drkit.testing.MotoServer;
import io.github.drkit.testing.MotoServerExtension;

/**
 * The Lambda and the CLI take the same requests: a field an action would ignore is refused by both, naming the field as
 * each entry point calls it, the action and the actions that take it, and nothing is called at all.
 */
@ExtendWith(MotoServerExtension.class)
class RequestParityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A value each field accepts, as the event carries it and as the command line does. */
    private static final Map<RequestField, Object> EVENT_VALUES = Map.of(RequestField.DRY_RUN, true, RequestField.FORCE, true,
            RequestField.BEFORE, "2026-12-01T10:00Z", RequestField.APPROVE, "traffic", RequestField.RUN_ID, "recovery-42");

    @TempDir
    Path dir;
    private Emulator emulator;
    private RecordingHook calls;
    private AwsClients clients;
    private Path planFile;
    private String plan;

    @BeforeEach
    void setUp(MotoServer moto) throws IOException {
        emulator = new Emulator(moto);
        calls = new RecordingHook();
        clients = emulator.runtimeClients(calls);
        plan = emulator.pilotLightSite().plan(10);
        planFile = dir.resolve("plan.json");
        Files.writeString(planFile, plan);
    }

    @AfterEach
    void tearDown() {
        clients.close();
        emulator.close();
    }

    private static List<String> cliArgs(RequestField field) {
        return switch (field) {
            case DRY_RUN, FORCE -> List.of(field.option());
            default -> List.of(field.option(), String.valueOf(EVENT_VALUES.get(field)));
        };
    }

    /** Exit code, the JSON on stdout and stderr of a command run in process. */
    private record Run(int code, JsonNode json, String err) {
    }

    private Run cli(Action action, List<String> options) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("--plan", planFile.toString()));
        args.addAll(options);
        int code = new RecoveryCommand(action, p -> emulator.runtimeClients(calls), Duration.ofMillis(100),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args.toArray(String[]::new));
        return new Run(code, JSON.readTree(out.toString(StandardCharsets.UTF_8)), err.toString(StandardCharsets.UTF_8));
    }

    private InvalidRequestException lambda(Action action, RequestField field) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("action", action.id());
        event.put(field.event(), EVENT_VALUES.get(field));
        FailoverHandler handler = new FailoverHandler(Map.of("DRKIT_PLAN", plan), clients, Duration.ofMillis(100));
        return assertThrows(InvalidRequestException.class, () -> handler.handleRequest(event, null), event::toString);
    }

    @Test
    void bothEntryPoints_whenAFieldTheActionIgnoresIsGiven_refuseItNamingFieldAndActionAndCallNothing() throws IOException {
        int refused = 0;
        for (Action action : Action.values()) {
            for (RequestField field : RequestField.values()) {
                if (field.appliesTo(action)) {
                    continue;
                }
                InvalidRequestException event = lambda(action, field);
                Run command = cli(action, cliArgs(field));

                assertEquals(field.event(), event.field(), event.getMessage());
                assertTrue(event.getMessage().startsWith(field.event() + ": does not apply to " + action.id() + " ("), event.getMessage());
                assertEquals(2, command.code(), command.err());
                assertEquals("INVALID_INPUT", command.json().get("outcome").asText());
                assertEquals(field.option(), command.json().get("field").asText());
                // One rule: the two messages differ only in the name each entry point gives the field.
                assertEquals(event.getMessage().replace(field.event(), field.option()), command.json().get("message").asText());
                refused++;
            }
        }
        // status and evaluate: dryRun, force, before, approve, runId; failback: before, approve; failover: before.
        assertEquals(13, refused);
        assertEquals(List.of(), calls.operations(), "a refused request made a call");
    }

    @Test
    void lambda_whenEvaluateGetsApproveOrRunId_refusesThem() {
        assertEquals("approve: does not apply to evaluate (approve applies to failover and restore only: failback, status and evaluate"
                + " never wait for approval); nothing was run", lambda(Action.EVALUATE, RequestField.APPROVE).getMessage());
        assertEquals("runId: does not apply to evaluate (runId applies to failover, failback and restore only: status and evaluate run"
                + " no step that takes the run id (custom actions' idempotency keys)); nothing was run",
                lambda(Action.EVALUATE, RequestField.RUN_ID).getMessage());
    }

    @Test
    void lambda_whenStatusGetsDryRunOrForce_refusesThemInsteadOfIgnoringThem() {
        assertEquals("dryRun: does not apply to status (dryRun applies to failover, failback and restore only: status and evaluate change"
                + " nothing); nothing was run", lambda(Action.STATUS, RequestField.DRY_RUN).getMessage());
        assertEquals("force", lambda(Action.STATUS, RequestField.FORCE).field());
        assertEquals(List.of(), calls.operations());
    }

    @Test
    void cli_whenStatusGetsRunId_exitsTwoNamingIt() throws IOException {
        Run run = cli(Action.STATUS, List.of("--run-id", "recovery-42"));

        assertEquals(2, run.code());
        assertEquals("--run-id: does not apply to status (--run-id applies to failover, failback and restore only: status and evaluate"
                + " run no step that takes the run id (custom actions' idempotency keys)); nothing was run", run.json().get("message").asText());
        assertFalse(run.err().contains("Exception"), run.err());
        assertEquals(List.of(), calls.operations());
    }

    @Test
    void bothEntryPoints_whenFailbackGetsARunId_runWithItAndReportIt() throws IOException {
        FailoverHandler handler = new FailoverHandler(Map.of("DRKIT_PLAN", plan), clients, Duration.ofMillis(100));

        Map<String, Object> event = handler.handleRequest(Map.of("action", "failback", "runId", "recovery-42", "dryRun", true), null);
        Run command = cli(Action.FAILBACK, List.of("--run-id", "recovery-43", "--dry-run"));

        assertEquals("DRY_RUN", event.get("outcome"), String.valueOf(event));
        assertEquals("recovery-42", event.get("runId"));
        assertEquals(0, command.code(), command.err());
        assertEquals("recovery-43", command.json().get("runId").asText());
    }

    @Test
    void cli_whenAnOptionIsUnknown_listsOnlyTheOptionsTheActionTakes() throws IOException {
        assertEquals("--nope: is not an option of status (options: --plan FILE, --deadline SECONDS, --help)",
                cli(Action.STATUS, List.of("--nope")).json().get("message").asText());
        assertEquals("--nope: is not an option of failback (options: --plan FILE, --dry-run, --force, --run-id ID, --deadline SECONDS, --help)",
                cli(Action.FAILBACK, List.of("--nope")).json().get("message").asText());
        assertEquals("--nope: is not an option of evaluate (options: --plan FILE, --rto SECONDS, --rpo SECONDS, --deadline SECONDS,"
                + " --role-arn ARN, --help)", cli(Action.EVALUATE, List.of("--nope")).json().get("message").asText());
    }
}
