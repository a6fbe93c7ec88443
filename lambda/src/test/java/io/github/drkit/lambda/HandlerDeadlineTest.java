package io.github.drkit.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.drkit.runtime.aws.AwsClients;
import io.github.drkit.runtime.engine.Action;
import io.github.drkit.runtime.engine.InvalidRequestException;
import io.github.drkit.runtime.engine.Progress;
import io.github.drkit.runtime.engine.RecoveryRequest;
import io.github.drkit.runtime.scenario.Emulator;
import io.github.drkit.runtime.scenario.RecordingHook;
import io.github.drkit.testing.MotoServer;
import io.github.drkit.testing.MotoServerExtension;

/** The function's deadline (the event's deadlineSeconds, inside the invocation's remaining time) and its progress lines. */
@ExtendWith(MotoServerExtension.class)
class HandlerDeadlineTest {
    private Emulator emulator;
    private RecordingHook calls;
    private AwsClients clients;
    private Map<String, String> env;
    private final List<Progress.Event> progress = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp(MotoServer moto) {
        emulator = new Emulator(moto);
        calls = new RecordingHook();
        clients = emulator.runtimeClients(calls);
        env = Map.of("DRKIT_PLAN", emulator.pilotLightSite().plan(10));
    }

    @AfterEach
    void tearDown() {
        clients.close();
        emulator.close();
    }

    /** The invocation context Lambda passes: only the remaining time matters here. */
    private record Invocation(long remainingMillis) implements Context {
        public String getAwsRequestId() { return "request-1"; }
        public String getLogGroupName() { return "/aws/lambda/drkit-failover"; }
        public String getLogStreamName() { return "stream"; }
        public String getFunctionName() { return "drkit-failover"; }
        public String getFunctionVersion() { return "1"; }
        public String getInvokedFunctionArn() { return "arn:aws:lambda:us-west-2:123456789012:function:drkit-failover:live"; }
        public CognitoIdentity getIdentity() { return null; }
        public ClientContext getClientContext() { return null; }
        public int getRemainingTimeInMillis() { return (int) remainingMillis; }
        public int getMemoryLimitInMB() { return 1024; }
        public LambdaLogger getLogger() { return null; }
    }

    @Test
    void withinInvocation_whenLambdaLeavesLessThanTheDeadline_keepsAMarginForTheReport() {
        RecoveryRequest request = new RecoveryRequest(Action.FAILOVER, false, false);

        assertEquals(Duration.ofSeconds(880), FailoverHandler.withinInvocation(request, new Invocation(900_000)).deadline());
        assertEquals(Duration.ofSeconds(6), FailoverHandler.withinInvocation(request, new Invocation(8_000)).deadline(),
                "a quarter of a short remaining time");
        assertEquals(Duration.ofSeconds(30), FailoverHandler.withinInvocation(
                new RecoveryRequest(Action.FAILOVER, false, false, Duration.ofSeconds(30)), new Invocation(900_000)).deadline(),
                "the event's own deadline when it comes first");
        assertEquals(RecoveryRequest.DEFAULT_DEADLINE, FailoverHandler.withinInvocation(request, null).deadline());
    }

    @Test
    void handleRequest_whenEventSetsDeadlineSeconds_runsWithinItAndReportsProgress() {
        FailoverHandler handler = new FailoverHandler(env, clients, Duration.ofMillis(100), progress::add);

        Map<String, Object> report = handler.handleRequest(Map.of("action", "status", "deadlineSeconds", 30), new Invocation(900_000));

        assertEquals("SUCCEEDED", report.get("outcome"));
        Progress.Event start = progress.get(0);
        assertEquals(Progress.Kind.RUN_START, start.kind());
        assertEquals("status of web, deadline 30 s, run " + report.get("runId"), start.message());
        assertTrue(start.secondsLeft() <= 30, start.toString());
        assertTrue(progress.stream().anyMatch(e -> e.kind() == Progress.Kind.STEP_END && "read state".equals(e.step())), progress.toString());
    }

    @Test
    void fromEvent_whenDeadlineSecondsIsNotAWholeNumberInRange_namesIt() {
        Map<Object, String> cases = new HashMap<>();
        cases.put("30", "deadlineSeconds: must be a whole number of seconds from 1 to 86400 (got '30')");
        cases.put(1.5, "deadlineSeconds: must be a whole number of seconds from 1 to 86400 (got 1.5)");
        cases.put(0, "deadlineSeconds: must be from 1 to 86400 seconds (got 0)");
        cases.put(86_401L, "deadlineSeconds: must be from 1 to 86400 seconds (got 86401)");
        cases.put(true, "deadlineSeconds: must be a whole number of seconds from 1 to 86400 (got true)");
        FailoverHandler handler = new FailoverHandler(env, clients, Duration.ofMillis(100), progress::add);
        for (Map.Entry<Object, String> input : cases.entrySet()) {
            Map<String, Object> event = Map.of("action", "failover", "deadlineSeconds", input.getKey());

            InvalidRequestException error = assertThrows(InvalidRequestException.class, () -> handler.handleRequest(event, null));

            assertEquals(input.getValue(), error.getMessage());
            assertEquals("deadlineSeconds", error.field());
        }
        assertEquals(List.of(), calls.mutating());
        assertEquals(0, emulator.group(Emulator.RECOVERY, "web").desiredCapacity());
    }

    @Test
    void fromEvent_whenFieldNameIsLong_cutsItInTheMessage() {
        String key = "k".repeat(5000);

        InvalidRequestException error = assertThrows(InvalidRequestException.class,
                () -> RecoveryRequest.fromEvent(Map.of("action", "status", key, true)));

        assertTrue(error.getMessage().length() < 300, error.getMessage());
        assertTrue(error.getMessage().contains("... (4920 more characters): is not a field of the event"), error.getMessage());
    }

    @Test
    void jsonLines_whenEvent_writesOneJsonObjectPerLine() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Progress lines = Progress.jsonLines(new PrintStream(out, true, StandardCharsets.UTF_8));

        lines.event(new Progress.Event(Progress.Kind.WAIT, "wait for health (up to 600 s)",
                "waiting for 1 of 4 not healthy yet: fleets[0] web: 3 of 4 InService; 40 s left", 512));

        List<String> written = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(1, written.size());
        JsonNode line = new ObjectMapper().readTree(written.get(0));
        assertEquals("waiting", line.get("event").asText());
        assertEquals("wait for health (up to 600 s)", line.get("step").asText());
        assertEquals(512, line.get("secondsLeft").asInt());
        assertEquals("INFO", line.get("level").asText());
    }
}
