package io.github.drkit.runtime.steps.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.github.drkit.plan.RecoveryPlan;
import io.github.drkit.runtime.aws.AwsClients;
import io.github.drkit.runtime.engine.Action;
import io.github.drkit.runtime.engine.RecoveryEngine;
import io.github.drkit.runtime.engine.RecoveryRequest;
import io.github.drkit.runtime.engine.Report;
import io.github.drkit.runtime.engine.StepReport;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * What the emulator cannot answer: a function that fails (Lambda's 200 with {@code X-Amz-Function-Error}), one that
 * fails and then succeeds, one slower than the step's timeout, and a refusal. A loopback server scripts Lambda's answers
 * in the shapes the wire conformance suite holds to the SDK.
 */
class InvokeFunctionExecutorTest {
    private static final String ARN = "arn:aws:lambda:us-west-2:123456789012:function:drain";
    private static final String PLAN = """
            {"version": 2, "application": "shop", "strategy": "PILOT_LIGHT", "recoveryRegion": "us-west-2",
             "stages": [{"name": "drain", "steps": [{"kind": "invokeFunction", "functionArn": "%s", "timeoutSeconds": %d, "retries": %d}]},
                        {"name": "after", "steps": [{"kind": "invokeFunction", "functionArn": "%s", "payload": {"second": true}}]}]}
            """;

    /** One scripted answer to Invoke: status, function error (or null), body, delay. */
    private record Answer(int status, String functionError, String body, long delayMillis) {
    }

    private HttpServer server;
    private final Deque<Answer> answers = new ConcurrentLinkedDeque<>();
    private final List<String> invoked = Collections.synchronizedList(new ArrayList<>());
    private AwsClients aws;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        aws = AwsClients.builder().region(Region.US_WEST_2).endpoint(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
                .backoff(Duration.ofMillis(1), Duration.ofMillis(5)).maxAttempts(1).build();
    }

    @AfterEach
    void stop() {
        aws.close();
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Answer answer;
            if (exchange.getRequestMethod().equals("GET")) {
                answer = new Answer(200, null, "{\"FunctionArn\": \"" + ARN + "\", \"State\": \"Active\", \"Version\": \"$LATEST\"}", 0);
            } else {
                invoked.add(body);
                answer = answers.isEmpty() ? new Answer(200, null, "{\"ok\": true}", 0) : answers.poll();
            }
            if (answer.delayMillis() > 0) {
                Thread.sleep(answer.delayMillis());
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("x-amzn-RequestId", "req-1");
            if (answer.status() >= 400) {
                exchange.getResponseHeaders().add("X-Amzn-ErrorType", "InvalidRequestContentException");
            }
            if (answer.functionError() != null) {
                exchange.getResponseHeaders().add("X-Amz-Function-Error", answer.functionError());
                exchange.getResponseHeaders().add("X-Amz-Log-Result", java.util.Base64.getEncoder()
                        .encodeToString("START\nqueue still has 12 messages\nEND\n".getBytes(StandardCharsets.UTF_8)));
            }
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException cutByTheClient) {
            // The runtime cut the attempt at the step's timeout.
        } finally {
            exchange.close();
        }
    }

    private Report failover(int timeoutSeconds, int retries) {
        try (RecoveryEngine engine = RecoveryEngine.builder(aws).pollInterval(Duration.ofMillis(10)).build()) {
            return engine.run(RecoveryPlan.parse(PLAN.formatted(ARN, timeoutSeconds, retries, ARN)),
                    new RecoveryRequest(Action.FAILOVER, false, false, Duration.ofSeconds(60)));
        }
    }

    private static StepReport step(Report report, String resource) {
        return report.steps().stream().filter(s -> resource.equals(s.resource())).findFirst().orElseThrow();
    }

    @Test
    void failover_whenFunctionErrorsOnEveryAttempt_failsTheStepAndStopsTheRun() {
        for (int i = 0; i < 3; i++) {
            answers.add(new Answer(200, "Unhandled", "{\"errorMessage\": \"queue still has 12 messages\", \"errorType\": \"IllegalStateException\"}", 0));
        }

        Report report = failover(30, 2);

        assertEquals(Report.RunOutcome.FAILED, report.outcome(), report.message());
        StepReport drain = step(report, "stages[0].steps[0]");
        assertEquals(StepReport.Outcome.FAILED, drain.outcome());
        assertTrue(drain.error().startsWith(ARN + " did not answer without error after 3 attempt(s) within 30 s: attempt 1: function error Unhandled:"
                + " {\"errorMessage\": \"queue still has 12 messages\""), drain.error());
        assertTrue(drain.error().contains("log ends: START | queue still has 12 messages | END"), drain.error());
        assertEquals(StepReport.Outcome.NOT_RUN, step(report, "stages[1].steps[0]").outcome());
        assertEquals(3, invoked.size(), "three attempts, the next stage never invoked");
        assertEquals(1, invoked.stream().map(body -> body.replaceAll(".*\"idempotencyKey\":\"([0-9a-f]+)\".*", "$1")).distinct().count(),
                "every attempt carries the same idempotency key");
    }

    @Test
    void failover_whenFunctionErrorsThenAnswers_isDoneOnTheRetryAndSaysSo() {
        answers.add(new Answer(200, "Handled", "{\"errorMessage\": \"busy\"}", 0));

        Report report = failover(30, 2);

        assertEquals(Report.RunOutcome.SUCCEEDED, report.outcome(), report.message());
        StepReport drain = step(report, "stages[0].steps[0]");
        assertEquals(StepReport.Outcome.DONE, drain.outcome());
        assertEquals("answered (HTTP 200, attempt 2 after attempt 1: function error Handled: {\"errorMessage\": \"busy\"};"
                + " log ends: START | queue still has 12 messages | END): {\"ok\": true}", drain.detail());
    }

    @Test
    void failover_whenFunctionIsSlowerThanTheStepTimeout_cutsItAtTheTimeout() {
        answers.add(new Answer(200, null, "{\"ok\": true}", 5_000));

        long started = System.nanoTime();
        Report report = failover(1, 3);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        StepReport drain = step(report, "stages[0].steps[0]");
        assertEquals(StepReport.Outcome.FAILED, drain.outcome(), String.valueOf(drain));
        assertTrue(drain.error().contains("within 1 s"), drain.error());
        assertTrue(took.compareTo(Duration.ofSeconds(4)) < 0, "took " + took);
    }

    @Test
    void failover_whenLambdaRefusesThePayload_failsAtOnceWithoutRetrying() {
        answers.add(new Answer(400, null, "{\"Type\": \"User\", \"message\": \"Could not parse request body into json\"}", 0));

        Report report = failover(30, 2);

        StepReport drain = step(report, "stages[0].steps[0]");
        assertEquals(StepReport.Outcome.FAILED, drain.outcome());
        assertTrue(drain.error().contains("InvalidRequestContentException (HTTP 400): Could not parse request body into json"), drain.error());
        assertEquals(1, invoked.size());
    }
}
