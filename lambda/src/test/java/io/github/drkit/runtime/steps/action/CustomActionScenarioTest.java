package io.github.drkit.runtime.steps.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.drkit.lambda.FailoverHandler;
import io.github.drkit.plan.InvalidInputException;
import io.github.drkit.runtime.aws.AwsClients;
import io.github.drkit.runtime.scenario.Emulator;
import io.github.drkit.runtime.scenario.RecordingHook;
import io.github.drkit.testing.MotoServer;
import io.github.drkit.testing.MotoServerExtension;

/**
 * A custom action and a manual approval against the emulator, signed by a role built from the permission table's rows
 * for the plan's kinds: the function is read before the run and invoked with its payload and idempotency key; failover
 * stops before the approved stage, and running again with the approval and the run id continues, the custom action
 * seeing the same key.
 *
 * <p>The runs are not IAM-enforced: moto 5.2.1 answers {@code SignatureDoesNotMatch} to Lambda's GET operations
 * (GetFunctionConfiguration, GetFunction) once enforcement is on, from the AWS CLI as from this runtime, so the
 * preflight read cannot pass. Invoke's permission row is proven under enforcement on its own below; the read's request
 * is held to the SDK in the wire conformance suite.
 */
@ExtendWith(MotoServerExtension.class)
class CustomActionScenarioTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PLAN = """
            {"version": 2, "application": "shop", "strategy": "PILOT_LIGHT", "recoveryRegion": "us-west-2",
             "stages": [
               {"name": "flags", "steps": [{"kind": "invokeFunction", "functionArn": "%s", "payload": {"flag": "read-only"},
                                            "runOn": "both", "timeoutSeconds": 30, "retries": 1}]},
               {"name": "compute", "steps": [{"kind": "approval", "message": "Primary down for good?"},
                                             {"kind": "startInstances", "instanceIds": ["%s"]}]}]}
            """;

    private Emulator emulator;
    private LambdaFixture lambda;
    private AwsClients clients;
    private RecordingHook calls;

    @BeforeEach
    void setUp(MotoServer moto) {
        emulator = new Emulator(moto);
        lambda = new LambdaFixture(moto, Emulator.RECOVERY);
        calls = new RecordingHook();
        clients = emulator.runtimeClients(emulator.failoverRole("custom-action", "instances"), calls);
    }

    @AfterEach
    void tearDown() {
        clients.close();
        lambda.close();
        emulator.close();
    }

    private FailoverHandler handler(String functionArn, String instanceId) {
        return new FailoverHandler(Map.of("DRKIT_PLAN", PLAN.formatted(functionArn, instanceId)), clients, Duration.ofMillis(100));
    }

    private static Map<String, Object> run(FailoverHandler handler, Map<String, Object> event) {
        return handler.handleRequest(event, null);
    }

    // The handler's answer is ReportJson's plain form: every JSON object a Map<String, Object>, every array a List.
    @SuppressWarnings("unchecked")
    private static Map<String, Object> step(Map<String, Object> report, String resource) {
        return ((List<Map<String, Object>>) report.get("steps")).stream().filter(s -> resource.equals(s.get("resource"))).findFirst()
                .orElseThrow(() -> new AssertionError("no step " + resource + " in " + report));
    }

    /** The payload the function received: moto's simple backend answers with the request's payload. */
    private static JsonNode received(Map<String, Object> invokeStep) throws Exception {
        String detail = (String) invokeStep.get("detail");
        return JSON.readTree(detail.substring(detail.indexOf("): ") + 3));
    }

    @Test
    void failover_whenStageNeedsApproval_waitsThenContinuesWithTheSameIdempotencyKey() throws Exception {
        String arn = lambda.function("shop-flags");
        String instance = emulator.stoppedInstances(Emulator.RECOVERY, 1).get(0);
        FailoverHandler handler = handler(arn, instance);

        Map<String, Object> first = run(handler, Map.of("action", "failover"));

        assertEquals("WAITING_FOR_APPROVAL", first.get("outcome"), String.valueOf(first));
        String message = (String) first.get("message");
        assertTrue(message.startsWith("waiting for approval of stage 'compute' (Primary down for good?): 1 step(s) made changes before it,"
                + " 1 step(s) wait; to continue, run failover again with {\"approve\": \"compute\", \"runId\": \""), message);
        assertEquals("DONE", step(first, "stages[0].steps[0]").get("outcome"));
        assertEquals("NOT_RUN", step(first, "stages[1].steps[1]").get("outcome"));
        List<?> notDone = (List<?>) first.get("notDone");
        assertEquals(1, notDone.size(), String.valueOf(notDone));
        assertTrue(notDone.get(0).toString().startsWith("start instances stages[1].steps[1]"), String.valueOf(notDone));
        assertEquals("stopped", emulator.instanceState(Emulator.RECOVERY, instance));
        JsonNode sent = received(step(first, "stages[0].steps[0]"));
        assertEquals("read-only", sent.path("flag").asText());
        assertEquals("failover", sent.path("drkit").path("action").asText());
        assertEquals("stages[0].steps[0]", sent.path("drkit").path("step").asText());
        String runId = sent.path("drkit").path("runId").asText();
        assertTrue(message.contains(runId), message);
        assertEquals(runId, first.get("runId"));
        String key = sent.path("drkit").path("idempotencyKey").asText();
        assertEquals(InvokeFunctionExecutor.idempotencyKey("shop", "failover", "stages[0].steps[0]", runId), key);

        lambda.answerNext(Emulator.RECOVERY, "{\"changed\": false, \"reason\": \"key seen\"}");
        Map<String, Object> approved = run(handler, Map.of("action", "failover", "approve", "compute", "runId", runId));

        assertEquals("SUCCEEDED", approved.get("outcome"), String.valueOf(approved));
        assertEquals(runId, approved.get("runId"), "the run that continues is the same recovery");
        Map<String, Object> again = step(approved, "stages[0].steps[0]");
        assertEquals("NO_CHANGE", again.get("outcome"), String.valueOf(again));
        assertTrue(((List<?>) again.get("changes")).get(0).toString().endsWith(key), String.valueOf(again.get("changes")));
        assertEquals("DONE", step(approved, "stages[1].steps[0]").get("outcome"));
        assertEquals("DONE", step(approved, "stages[1].steps[1]").get("outcome"));
        assertEquals("running", emulator.instanceState(Emulator.RECOVERY, instance));
    }

    @Test
    void failover_whenWaitingForApproval_notifiesTheTopicWithTheWaitingReport() {
        String arn = lambda.function("shop-flags");
        String instance = emulator.stoppedInstances(Emulator.RECOVERY, 1).get(0);
        String topic = emulator.topic(Emulator.RECOVERY, "shop-dr");
        String plan = PLAN.formatted(arn, instance).replace("\"recoveryRegion\": \"us-west-2\",",
                "\"recoveryRegion\": \"us-west-2\", \"notificationTopicArn\": \"" + topic + "\",");
        FailoverHandler handler = new FailoverHandler(Map.of("DRKIT_PLAN", plan), clients, Duration.ofMillis(100));

        Map<String, Object> waiting = run(handler, Map.of("action", "failover"));

        assertEquals("WAITING_FOR_APPROVAL", waiting.get("outcome"));
        Map<String, Object> notify = step(waiting, "notificationTopicArn");
        assertEquals("DONE", notify.get("outcome"), String.valueOf(notify));
        assertEquals(1L, calls.count("Publish"));
    }

    @Test
    void failover_whenApprovalNamesNoStage_refusesNamingApproveBeforeAnyCall() {
        String arn = lambda.function("shop-flags");
        String instance = emulator.stoppedInstances(Emulator.RECOVERY, 1).get(0);
        FailoverHandler handler = handler(arn, instance);
        Map<String, Object> event = new HashMap<>(Map.of("action", "failover", "approve", "traffic"));

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> run(handler, event));

        assertEquals("approve", e.field());
        assertEquals("approve: names no stage of the plan (got 'traffic'; stages: flags, compute)", e.getMessage());
        assertEquals(List.of(), calls.operations(), "no call made");
        assertEquals("stopped", emulator.instanceState(Emulator.RECOVERY, instance));
    }

    @Test
    void failover_whenFunctionDoesNotExist_refusesNamingFunctionArnBeforeAnyChange() {
        String instance = emulator.stoppedInstances(Emulator.RECOVERY, 1).get(0);
        FailoverHandler handler = handler("arn:aws:lambda:us-west-2:123456789012:function:missing", instance);

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> run(handler, Map.of("action", "failover", "approve", "compute")));

        assertEquals("stages[0].steps[0].functionArn", e.field());
        assertEquals(List.of(), calls.mutating(), "no change made");
        assertTrue(e.getMessage().contains("Lambda function 'arn:aws:lambda:us-west-2:123456789012:function:missing' not found in us-west-2"),
                e.getMessage());
        assertEquals("stopped", emulator.instanceState(Emulator.RECOVERY, instance));
    }

    @Test
    void failback_whenActionRunsOnBoth_invokesItWithTheFailbackAction() throws Exception {
        String arn = lambda.function("shop-flags");
        String instance = emulator.stoppedInstances(Emulator.RECOVERY, 1).get(0);
        FailoverHandler handler = handler(arn, instance);
        run(handler, Map.of("action", "failover", "approve", "compute"));

        Map<String, Object> failback = run(handler, Map.of("action", "failback", "force", true));

        Map<String, Object> invoke = step(failback, "stages[0].steps[0]");
        assertEquals("DONE", invoke.get("outcome"), String.valueOf(failback));
        assertEquals("failback", received(invoke).path("drkit").path("action").asText());
        assertEquals("stopped", emulator.instanceState(Emulator.RECOVERY, instance).replace("stopping", "stopped"));
    }

    /**
     * The permission table's rows for custom actions, under enforcement. The calls name the function by its name: moto
     * 5.2.1 checks a signature against the decoded path, while AWS (and the SDK, and this runtime) sign a function ARN's
     * colons encoded twice, so moto refuses the signature of any Lambda call that names an ARN once enforcement is on.
     */
    @Test
    void lambdaCalls_whenRoleBuiltFromThePermissionTable_areAllowedUnderEnforcementAndDeniedWithoutTheRows() {
        lambda.function("shop-flags");

        String state = emulator.enforcing(() -> clients.lambda().functionConfiguration(Emulator.RECOVERY, "shop-flags").state());
        String payload = emulator.enforcing(() -> clients.lambda().invoke(Emulator.RECOVERY, "shop-flags", "{\"a\":1}").payload());

        assertEquals("Active", state);
        assertEquals("{\"a\":1}", payload);
        try (AwsClients without = emulator.runtimeClients(emulator.failoverRole("instances"))) {
            io.github.drkit.runtime.aws.AwsServiceError denied = assertThrows(io.github.drkit.runtime.aws.AwsServiceError.class,
                    () -> emulator.enforcing(() -> without.lambda().invoke(Emulator.RECOVERY, "shop-flags", "{}")));
            // moto answers its refusal in the Query protocol's XML, which the error decoder reads for its code.
            assertEquals(403, denied.statusCode(), denied.getMessage());
            assertTrue(denied.is("AccessDenied"), denied.getMessage());
            assertTrue(denied.getMessage().contains("is not authorized to perform: lambda:Invoke"), denied.getMessage());
        }
    }
}
