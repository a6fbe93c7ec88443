package io.github.drkit.testing;

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
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A Lambda Runtime API on loopback, and a function process polling it through the real Java runtime interface
 * client, with the environment Lambda gives a function: the handler runs exactly as Lambda runs it, events and
 * results going through the runtime's own serializer. Events are queued with {@link #invoke}; what the function
 * posts back is read with {@link #next}. Every wait is bounded.
 */
public final class LambdaRuntimeApi implements AutoCloseable {
    private static final String PREFIX = "/2018-06-01/runtime/";
    private static final String RUNTIME_CLIENT = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    private final HttpServer server;
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<Answer> answers = new LinkedBlockingQueue<>();
    private final AtomicInteger served = new AtomicInteger();
    private Process function;
    private Path log;

    /** What the function posted back for one invocation: {@code kind} is {@code response} or {@code error}. */
    public record Answer(String requestId, String kind, String body, String errorType) {
    }

    private LambdaRuntimeApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(PREFIX, this::serve);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "runtime-api");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    public static LambdaRuntimeApi start() throws IOException {
        return new LambdaRuntimeApi();
    }

    /** Queues one event for the function. */
    public void invoke(String event) {
        events.add(event);
    }

    /**
     * Starts the function: {@code java -cp classpath AWSLambda handler}, with Lambda's variables and {@code env}.
     *
     * @param classpath the deployment package and the runtime interface client
     * @param log       where the function's output goes
     */
    public void startFunction(String classpath, String handler, Map<String, String> env, Path log) throws IOException {
        this.log = log;
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, RUNTIME_CLIENT, handler));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + server.getAddress().getPort());
        environment.put("AWS_LAMBDA_FUNCTION_NAME", "drkit-failover");
        environment.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
        environment.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/drkit-failover");
        environment.put("AWS_LAMBDA_LOG_STREAM_NAME", "test");
        environment.remove("AWS_PROFILE");
        environment.putAll(env);
        function = builder.start();
    }

    /** The next answer, waiting at most 120 s. */
    public Answer next() throws InterruptedException {
        Answer answer = answers.poll(120, TimeUnit.SECONDS);
        if (answer == null) {
            throw new AssertionError("the function answered nothing within 120 s; its output: " + output());
        }
        return answer;
    }

    /** What the function printed so far. */
    public String output() {
        try {
            return log == null ? "(not started)" : Files.readString(log);
        } catch (IOException e) {
            return "(none)";
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
                String requestId = "req-" + served.getAndIncrement();
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

    /** Stops the function (bounded) and the server. */
    @Override
    public void close() throws InterruptedException {
        if (function != null) {
            function.destroy();
            if (!function.waitFor(10, TimeUnit.SECONDS)) {
                function.destroyForcibly();
            }
        }
        server.stop(0);
    }
}
