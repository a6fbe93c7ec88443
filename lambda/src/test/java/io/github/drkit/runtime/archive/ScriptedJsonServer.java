package io.github.drkit.runtime.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;

/**
 * A loopback server that answers AWS JSON-protocol calls from a script, one queued answer per operation, and records
 * what it was sent: for the answers the emulator cannot give (Athena's bytes-scanned limit, results in several pages).
 * The answers follow the service's documented output shapes; the facades' conformance cases hold their reading to the SDK.
 */
final class ScriptedJsonServer implements AutoCloseable {
    /** One request: the operation ({@code GetQueryResults}) and its JSON body. */
    record Request(String operation, String body) {
    }

    private final HttpServer server;
    private final Map<String, Deque<String>> answers = new HashMap<>();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

    ScriptedJsonServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String operation = target == null ? "?" : target.substring(target.indexOf('.') + 1);
            requests.add(new Request(operation, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            String answer;
            synchronized (answers) {
                Deque<String> queue = answers.get(operation);
                answer = queue == null || queue.isEmpty() ? null : queue.poll();
            }
            int status = answer == null ? 400 : 200;
            byte[] body = (answer == null ? "{\"__type\":\"InvalidRequestException\",\"Message\":\"no scripted answer for " + operation + "\"}"
                    : answer).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.getResponseHeaders().add("x-amzn-RequestId", "scripted");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    URI endpoint() {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort());
    }

    ScriptedJsonServer answer(String operation, String json) {
        synchronized (answers) {
            answers.computeIfAbsent(operation, k -> new ArrayDeque<>()).add(json);
        }
        return this;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    void clear() {
        requests.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
