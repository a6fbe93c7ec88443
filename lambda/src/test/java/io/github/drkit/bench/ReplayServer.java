package io.github.drkit.bench;

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
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback HTTP server that stands where the AWS endpoints are. Recording, it forwards every request to the
 * emulator and keeps the answer on a {@link Tape}. Replaying, it answers every request from a tape after a fixed
 * latency, each on its own thread, so that calls in flight together are served together, as AWS serves them (the
 * emulator does each request's work one at a time). The client sees the same bytes either way: the same wire calls
 * get the same parsed answers.
 */
final class ReplayServer implements AutoCloseable {
    /** Requests served at once; beyond it they wait for a thread, as they would for a connection. */
    static final int THREADS = 128;
    /** Headers that belong to one connection or one message, not to the answer. */
    private static final Set<String> HOP_BY_HOP = Set.of("content-length", "transfer-encoding", "connection", "keep-alive",
            "date", "server", "host", "expect", "upgrade");

    static {
        // The JDK's server writes an answer's headers and body separately; without TCP_NODELAY the body waits for the
        // client's delayed ACK (about 40 ms on Linux loopback), which would add to every call's latency. Read once,
        // when the JDK's server first starts in this JVM.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService threads;
    private final URI upstream;
    private final HttpClient forwarder;
    private final Tape.Recorder recorder = new Tape.Recorder();
    private final Tape tape;
    private final Duration latency;
    private final Map<String, AtomicInteger> cursors = new HashMap<>();
    private final List<Served> served = Collections.synchronizedList(new ArrayList<>());
    private final List<String> misses = Collections.synchronizedList(new ArrayList<>());

    private ReplayServer(URI upstream, Tape tape, Duration latency) {
        this.upstream = upstream;
        this.tape = tape;
        this.latency = latency;
        this.forwarder = upstream == null ? null : HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        if (tape != null) {
            tape.answers().keySet().forEach(key -> cursors.put(key, new AtomicInteger()));
        }
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(THREADS, task -> {
            Thread thread = new Thread(task, "replay-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), THREADS);
        } catch (IOException e) {
            throw new UncheckedIOException("could not open a loopback port for the replay server", e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Forwards every request to {@code upstream} (a loopback emulator) and records its answer. */
    static ReplayServer recording(URI upstream) {
        if (!InetAddress.getLoopbackAddress().getHostAddress().equals(upstream.getHost()) && !"localhost".equals(upstream.getHost())) {
            throw new IllegalArgumentException("upstream must be a loopback address (got " + upstream + ")");
        }
        return new ReplayServer(upstream, null, Duration.ZERO);
    }

    /** Answers every request from {@code tape}, each after {@code latency}, all at once. */
    static ReplayServer replaying(Tape tape, Duration latency) {
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative (got " + latency + ")");
        }
        return new ReplayServer(null, tape, latency);
    }

    URI endpoint() {
        return URI.create("http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + server.getAddress().getPort());
    }

    /** Recording: the answers since the last take. */
    Tape take() {
        return recorder.take();
    }

    /** Replaying: starts every request's answers from the first again and forgets what was served. */
    synchronized void rewind() {
        cursors.values().forEach(c -> c.set(0));
        served.clear();
        misses.clear();
    }

    /** Replaying: the requests the tape has no answer for (nothing recorded under their key), since the last rewind. */
    List<String> misses() {
        synchronized (misses) {
            return List.copyOf(misses);
        }
    }

    /** Replaying: recorded answers not served since the last rewind; 0 when the client made every recorded call. */
    synchronized int unplayed() {
        int left = 0;
        for (Map.Entry<String, List<Tape.Answer>> entry : tape.answers().entrySet()) {
            left += Math.max(0, entry.getValue().size() - cursors.get(entry.getKey()).get());
        }
        return left;
    }

    /** Every request answered since the last rewind (recording: since start), in arrival order. */
    List<Served> served() {
        synchronized (served) {
            return List.copyOf(served);
        }
    }

    /** One request as the server saw it, with when it arrived and when it was answered ({@link System#nanoTime()}). */
    record Served(String method, String path, String operation, long arrivedNanos, long answeredNanos) {
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String pathAndQuery = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
            String key = Tape.key(exchange.getRequestMethod(), pathAndQuery, exchange.getRequestHeaders().getFirst("Authorization"), body);
            Tape.Answer answer = tape == null ? forward(exchange, pathAndQuery, body, key) : replay(key);
            if (answer == null) {
                byte[] message = ("no recorded answer for " + key.lines().findFirst().orElse(key)).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(599, message.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(message);
                }
                return;
            }
            answer.headers().forEach((name, values) -> exchange.getResponseHeaders().put(name, values));
            exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
            if (answer.body().length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer.body());
                }
            }
            served.add(new Served(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    operation(exchange, body), arrived, System.nanoTime()));
        }
    }

    private Tape.Answer replay(String key) {
        List<Tape.Answer> recorded = tape.answers().get(key);
        if (recorded == null) {
            misses.add(key.lines().findFirst().orElse(key));
            return null;
        }
        // The nth identical request gets the nth answer recorded for it; beyond them, the last one again (a poll).
        int index = Math.min(cursors.get(key).getAndIncrement(), recorded.size() - 1);
        sleep(latency);
        return recorded.get(index);
    }

    private Tape.Answer forward(HttpExchange exchange, String pathAndQuery, byte[] body, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(upstream.toString().replaceAll("/$", "") + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        try {
            HttpResponse<byte[]> response = forwarder.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            Map<String, List<String>> headers = new HashMap<>();
            response.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    headers.put(name, List.copyOf(values));
                }
            });
            Tape.Answer answer = new Tape.Answer(response.statusCode(), Map.copyOf(headers), response.body());
            recorder.add(key, answer);
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException("could not forward " + key.lines().findFirst().orElse(key) + " to " + upstream, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while forwarding to " + upstream, e);
        }
    }

    /** The operation a request names: the query protocol's Action, the JSON protocol's target, or nothing (REST). */
    private static String operation(HttpExchange exchange, byte[] body) {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        if (target != null) {
            return target.substring(target.lastIndexOf('.') + 1);
        }
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            if (pair.startsWith("Action=")) {
                return pair.substring("Action=".length());
            }
        }
        return null;
    }

    private static void sleep(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
