package io.github.drkit.runtime.aws.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback HTTP server that keeps every request it receives and answers each with the canned answer set last.
 * A client that speaks RPC v2 CBOR (the SDK's CloudWatch client) gets the same answer encoded in CBOR.
 */
final class CapturingServer implements AutoCloseable {
    private final HttpServer server;
    private final List<Captured> requests = Collections.synchronizedList(new ArrayList<>());
    private volatile CannedAnswer answer = CannedAnswer.xml(200, "<Empty/>");

    private CapturingServer(HttpServer server) {
        this.server = server;
    }

    static CapturingServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
            CapturingServer capturing = new CapturingServer(server);
            server.createContext("/", capturing::handle);
            server.start();
            return capturing;
        } catch (IOException e) {
            throw new UncheckedIOException("could not open a loopback port for the capturing server", e);
        }
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    void answer(CannedAnswer answer) {
        this.answer = answer;
    }

    /** Every request since the last {@link #clear()}, oldest first. */
    List<Captured> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    void clear() {
        requests.clear();
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
            Captured request = new Captured(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()), body);
            requests.add(request);
            CannedAnswer current = answer;
            boolean cbor = "rpc-v2-cbor".equals(request.header("smithy-protocol"));
            byte[] payload = cbor ? current.cborBody() : current.body();
            current.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            if (cbor) {
                exchange.getResponseHeaders().set("Content-Type", "application/cbor");
                exchange.getResponseHeaders().set("smithy-protocol", "rpc-v2-cbor");
            }
            exchange.sendResponseHeaders(current.status(), payload.length == 0 ? -1 : payload.length);
            if (payload.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(payload);
                }
            }
        }
    }
}
