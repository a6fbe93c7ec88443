package io.github.drkit.lambda;

import static io.github.drkit.runtime.scenario.Emulator.RECOVERY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.github.drkit.runtime.scenario.Emulator;
import io.github.drkit.testing.MotoServer;
import io.github.drkit.testing.MotoServerExtension;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * The handler exactly as Lambda runs it: the real Java runtime interface client (with its JNI part) in its
 * own JVM, polling a Lambda Runtime API served by this test on loopback, so events and results go through
 * the runtime's own serializer. The function's environment is what Lambda would give it.
 */
@ExtendWith(MotoServerExtension.class)
class RuntimeInterfaceClientTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "/2018-06-01/runtime/";

    @TempDir
    Path dir;
    private Emulator emulator;
    private HttpServer runtimeApi;
    private Process function;
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<Answer> answers = new LinkedBlockingQueue<>();
    private final Map<String, Boolean> served = new ConcurrentHashMap<>();

    /** What the function posted back for one invocation. */
    record Answer(String requestId, String kind, String body, String errorType) {
    }

    @BeforeEach
    void setUp() throws IOException {
        runtimeApi = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        runtimeApi.createContext(PREFIX, this::serve);
        runtimeApi.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "runtime-api");
            thread.setDaemon(true);
            return thread;
        }));
        runtimeApi.start();
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        if (function != null) {
            function.destroy();
            if (!function.waitFor(10, TimeUnit.SECONDS)) {
                function.destroyForcibly();
            }
        }
        runtimeApi.stop(0);
        if (emulator != null) {
            emulator.close();
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
        try (exchange) {
            if (path.equals("invocation/next")) {
                String event;
                try {
                    // The runtime waits here between invocations, as it does on Lambda; bounded so no thread hangs forever.
                    event = events.poll(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (event == null) {
                    exchange.sendResponseHeaders(500, -1);
                    return;
                }
                String requestId = "req-" + served.size();
                served.put(requestId, true);
                byte[] body = event.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", requestId);
                exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 600_000));
                exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn", "arn:aws:lambda:us-west-2:123456789012:function:drkit-failover");
                exchange.getResponseHeaders().add("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000;Sampled=0");
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } else if (path.startsWith("invocation/") || path.equals("init/error")) {
                String body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                String[] parts = path.split("/");
                String kind = parts[parts.length - 1];
                answers.add(new Answer(parts.length > 2 ? parts[1] : "init", kind, body,
                        exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type")));
                exchange.sendResponseHeaders(202, -1);
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
        }
    }

    private Answer next() throws InterruptedException {
        Answer answer = answers.poll(120, TimeUnit.SECONDS);
        if (answer == null) {
            throw new AssertionError("the function answered nothing within 120 s; its output: " + output());
        }
        return answer;
    }

    private String output() {
        try {
            return Files.readString(dir.resolve("function.log"));
        } catch (IOException e) {
            return "(none)";
        }
    }

    @Test
    void handleRequest_whenRunByRuntimeInterfaceClient_failsOverAndRejectsBadEvent(MotoServer moto) throws Exception {
        emulator = new Emulator(moto);
        Emulator.Fleet fleet = emulator.fleet(RECOVERY, "web", 0, 0, 2, "t3.small", true);
        String zone = emulator.zone("example.com");
        emulator.upsert(zone,
                ResourceRecordSet.builder().name("app.example.com").type(RRType.A).setIdentifier("primary").weight(100L).ttl(60L)
                        .resourceRecords(r -> r.value("192.0.2.10")).build(),
                ResourceRecordSet.builder().name("app.example.com").type(RRType.A).setIdentifier("recovery").weight(0L).ttl(60L)
                        .resourceRecords(r -> r.value("198.51.100.10")).build());
        String plan = """
                {"version": 1, "application": "web", "strategy": "PILOT_LIGHT", "recoveryRegion": "us-west-2",
                 "fleets": [{"autoScalingGroupName": "web", "standby": {"min": 0, "desired": 0, "max": 2},
                             "recovery": {"min": 2, "desired": 4, "max": 8}, "targetGroupArns": ["%s"]}],
                 "dns": [{"hostedZoneId": "%s", "records": [
                   {"routing": "WEIGHTED", "name": "app.example.com", "type": "A", "setIdentifier": "primary", "normalWeight": 100, "failoverWeight": 0},
                   {"routing": "WEIGHTED", "name": "app.example.com", "type": "A", "setIdentifier": "recovery", "normalWeight": 0, "failoverWeight": 100}]}],
                 "healthTimeoutSeconds": 60}
                """.formatted(fleet.targetGroupArn(), zone);
        events.add("{\"action\": \"failover\", \"dryRun\": false, \"force\": false}");
        events.add("{\"action\": \"promote\"}");

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "com.amazonaws.services.lambda.runtime.api.client.AWSLambda", FailoverHandler.class.getName() + "::handleRequest"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("function.log").toFile());
        Map<String, String> env = builder.environment();
        env.put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + runtimeApi.getAddress().getPort());
        env.put("AWS_LAMBDA_FUNCTION_NAME", "drkit-failover");
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/drkit-failover");
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "test");
        env.put("AWS_REGION", RECOVERY);
        env.put("AWS_ENDPOINT_URL", moto.endpoint().toString());
        env.put("AWS_ACCESS_KEY_ID", "testing");
        env.put("AWS_SECRET_ACCESS_KEY", "testing");
        env.put("DRKIT_PLAN", plan);
        env.remove("AWS_PROFILE");
        function = builder.start();

        Answer failover = next();
        assertEquals("response", failover.kind(), failover.body() + "\n" + output());
        JsonNode report = JSON.readTree(failover.body());
        assertEquals("SUCCEEDED", report.get("outcome").asText(), failover.body());
        assertEquals("FAILED_OVER", report.get("stateAfter").get("state").asText());
        AutoScalingGroup group = emulator.group(RECOVERY, "web");
        assertEquals(List.of(2, 4, 8), List.of(group.minSize(), group.desiredCapacity(), group.maxSize()));
        assertEquals(100L, emulator.record(zone, "app.example.com.", "recovery").weight());

        Answer rejected = next();
        assertEquals("error", rejected.kind(), rejected.body());
        JsonNode error = JSON.readTree(rejected.body());
        assertEquals("io.github.drkit.runtime.engine.InvalidRequestException", error.get("errorType").asText(), rejected.body());
        assertEquals("action: must be one of status, failover, failback (got 'promote')", error.get("errorMessage").asText());
        assertTrue(output().contains("drkit failover SUCCEEDED"), "the handler logs through the runtime's logger: " + output());
    }
}
