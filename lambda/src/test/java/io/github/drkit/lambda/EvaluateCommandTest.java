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

/** {@code evaluate} on the command line: the readiness report on stdout, exit 0 or 1 by verdict, 2 for bad input. */
@ExtendWith(MotoServerExtension.class)
class EvaluateCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private Emulator emulator;
    private RecordingHook calls;
    private Path planFile;
    private Emulator.PilotLightSite site;

    @BeforeEach
    void setUp(MotoServer moto) throws IOException {
        emulator = new Emulator(moto);
        calls = new RecordingHook();
        site = emulator.pilotLightSite();
        planFile = dir.resolve("plan.json");
        Files.writeString(planFile, site.plan(10));
    }

    @AfterEach
    void tearDown() {
        emulator.close();
    }

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
    void evaluate_whenSiteInPlace_exitsZeroReadyWithTheObjectivesGiven() {
        Run run = run(Action.EVALUATE, "--plan", planFile.toString(), "--rto", "1800", "--rpo", "300");

        assertEquals(0, run.code(), run.err());
        assertEquals("READY", run.json().get("verdict").asText());
        assertEquals(1800, run.json().get("declaredRtoSeconds").asInt());
        assertEquals(300, run.json().get("declaredRpoSeconds").asInt());
        assertTrue(run.err().startsWith("READY: ready"), run.err());
        assertEquals(java.util.List.of(), calls.mutating(), "evaluate changes nothing");
    }

    @Test
    void evaluate_whenPlanDeclaresObjectives_weighsAgainstThemUnlessAFlagReplacesOne() throws IOException {
        Files.writeString(planFile, site.plan(10).replaceFirst("\\{", "{\"objectives\": {\"rtoSeconds\": 900, \"rpoSeconds\": 120}, "));

        Run run = run(Action.EVALUATE, "--plan", planFile.toString(), "--rpo", "60");

        assertEquals(0, run.code(), run.err());
        assertEquals(900, run.json().get("declaredRtoSeconds").asInt());
        assertEquals(60, run.json().get("declaredRpoSeconds").asInt());
    }

    @Test
    void evaluate_whenRecordDeleted_exitsOneNotReady() {
        emulator.route53().changeResourceRecordSets(r -> r.hostedZoneId(site.zone()).changeBatch(b -> b.changes(c -> c
                .action(software.amazon.awssdk.services.route53.model.ChangeAction.DELETE)
                .resourceRecordSet(emulator.record(site.zone(), "app.example.com.", "recovery")))));

        Run run = run(Action.EVALUATE, "--plan", planFile.toString());

        assertEquals(1, run.code(), run.out());
        assertEquals("NOT_READY", run.json().get("verdict").asText());
        assertEquals("dns[0].records[1]", run.json().get("findings").get(0).get("path").asText());
    }

    @Test
    void evaluate_whenDryRunAsked_exitsTwoNamingTheOption() {
        Run run = run(Action.EVALUATE, "--plan", planFile.toString(), "--dry-run");

        assertEquals(2, run.code());
        assertEquals("--dry-run: does not apply to evaluate (--dry-run applies to failover, failback and restore only: status and evaluate change"
                + " nothing); nothing was run", run.json().get("message").asText());
    }

    @Test
    void evaluate_whenRpoNotANumber_exitsTwoNamingTheOption() {
        Run run = run(Action.EVALUATE, "--plan", planFile.toString(), "--rpo", "5m");

        assertEquals(2, run.code());
        assertEquals("--rpo: must be a whole number of seconds, at least 1 (got '5m')", run.json().get("message").asText());
    }

    @Test
    void failover_whenGivenAnRto_exitsTwo() {
        Run run = run(Action.FAILOVER, "--plan", planFile.toString(), "--rto", "60");

        assertEquals(2, run.code());
        assertEquals("--rto: applies to evaluate only", run.json().get("message").asText());
        assertEquals(java.util.List.of(), calls.operations(), "no call made");
    }

    @Test
    void evaluate_whenRoleArnNotARole_exitsTwoNamingTheOption() {
        Run run = run(Action.EVALUATE, "--plan", planFile.toString(), "--role-arn", "arn:aws:iam::123456789012:user/ops");

        assertEquals(2, run.code());
        assertEquals("--role-arn: must be an IAM role ARN, arn:<partition>:iam::<account>:role/<name> (got 'arn:aws:iam::123456789012:user/ops')",
                run.json().get("message").asText());
        assertEquals(java.util.List.of(), calls.operations(), "no call made");
    }

    @Test
    void failover_whenGivenARoleArn_exitsTwo() {
        Run run = run(Action.FAILOVER, "--plan", planFile.toString(), "--role-arn", "arn:aws:iam::123456789012:role/drkit");

        assertEquals(2, run.code());
        assertEquals("--role-arn: applies to evaluate only (got failover): it names the role whose permissions evaluate checks",
                run.json().get("message").asText());
        assertEquals(java.util.List.of(), calls.operations(), "no call made");
    }
}
