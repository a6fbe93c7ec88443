package io.github.drkit.runtime.aws;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback HTTP server in front of moto_server: it answers the first requests with scripted errors, as AWS
 * answers on a bad day, and forwards every later request to moto unchanged. It keeps what each request carried,
 * so that a test can check the wire format and the signature's shape.
 */
final class ScriptedProxy implements AutoCloseable {
    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect", "upgrade");

    private final URI upstream;
    private final HttpServer server;
    private final Deque<Answer> script;
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private ScriptedProxy(URI upstream, HttpServer server, List<Answer> script) {
        this.upstream = upstream;
        this.server = server;
        this.script = new ArrayDeque<>(script);
    }

    /** Starts on a free loopback port; {@code script} answers the first requests in order. */
    static ScriptedProxy start(URI upstream, Answer... script) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
            ScriptedProxy proxy = new ScriptedProxy(upstream, server, List.of(script));
            server.createContext("/", proxy::handle);
            server.start();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException("could not open a loopback port for the test proxy", e);
        }
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Every request received, scripted or forwarded, oldest first. */
    List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, List<String>> headers = Map.copyOf(exchange.getRequestHeaders());
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers));
            Answer answer;
            synchronized (script) {
                answer = script.pollFirst();
            }
            if (answer == null) {
                answer = forward(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), headers, body);
            }
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            byte[] payload = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), payload.length == 0 ? -1 : payload.length);
            if (payload.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(payload);
                }
            }
        }
    }

    private Answer forward(String method, String path, Map<String, List<String>> headers, byte[] body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(upstream.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> request.header(name, v));
            }
        });
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> kept = new java.util.HashMap<>();
            response.headers().firstValue("Content-Type").ifPresent(v -> kept.put("Content-Type", v));
            return new Answer(response.statusCode(), kept, response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while forwarding to moto_server", e);
        }
    }

    /** What the proxy received. */
    record Request(String method, String path, Map<String, List<String>> headers) {
        /** A header's first value, its name in any case; null when absent. */
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** A scripted answer. */
    record Answer(int status, Map<String, String> headers, String body) {
        /** An AWS JSON 1.0 error, with the type as an AWS JSON service names it. */
        static Answer json(int status, String code, String message) {
            return new Answer(status, Map.of("Content-Type", "application/x-amz-json-1.0"),
                    "{\"__type\":\"com.amazonaws.cloudwatch#" + code + "\",\"message\":\"" + message + "\"}");
        }

        /** CloudWatch's throttling answer: query-compatible, so the Query code travels in a header. */
        static Answer throttling() {
            return new Answer(400, Map.of("Content-Type", "application/x-amz-json-1.0", "x-amzn-query-error", "Throttling;Sender"),
                    "{\"__type\":\"com.amazonaws.cloudwatch#ThrottlingException\",\"message\":\"Rate exceeded\"}");
        }
    }
}
