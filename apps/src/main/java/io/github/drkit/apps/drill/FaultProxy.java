package io.github.drkit.apps.drill;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small HTTP proxy on a loopback port in front of the emulator. Every SDK client of the drill, the
 * recovery engine's included, talks to the emulator through it, so that the drill
 *
 * <ul>
 *   <li>records every AWS call (service, Region, operation, status, latency) for the report, and</li>
 *   <li>can answer a chosen call with a 5xx or a throttling error ({@link Fault}) while failover runs,
 *       the way AWS fails on a bad day, without touching the engine's code.</li>
 * </ul>
 *
 * <p>The proxy forwards the request as it came, so the SigV4 signature still names the proxy's host; moto
 * does not check signatures, and an emulator that does would reject the calls: point such an emulator at
 * the drill without faults.
 */
public final class FaultProxy implements AutoCloseable {
    private static final Pattern CREDENTIAL = Pattern.compile("Credential=[^/]+/[0-9]+/([a-z0-9-]+)/([a-z0-9-]+)/aws4_request");
    private static final Pattern FORM_ACTION = Pattern.compile("(?:^|&)Action=([A-Za-z0-9]+)");
    private static final Set<String> HOP_BY_HOP = Set.of("host", "connection", "content-length", "transfer-encoding",
            "expect", "upgrade", "keep-alive", "te", "trailer", "proxy-connection");
    private static final int MAX_CALLS_KEPT = 100_000;
    /**
     * Whether this JVM lets the proxy pass the caller's Host header on ({@code -Djdk.httpclient.allowRestrictedHeaders=host},
     * which {@link DrillCommand} and the test runs set). SigV4 signs the Host: an emulator that checks signatures
     * (moto with IAM enforced) refuses a request whose Host the proxy rewrote.
     */
    static final boolean FORWARDS_HOST = hostHeaderAllowed();

    private final URI upstream;
    private final HttpServer server;
    private final ExecutorService executor;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final List<ApiCall> calls = new ArrayList<>();
    private final List<Fault> armed = new ArrayList<>();
    private final Map<Fault, int[]> remaining = new java.util.IdentityHashMap<>();

    private FaultProxy(URI upstream, HttpServer server, ExecutorService executor) {
        this.upstream = upstream;
        this.server = server;
        this.executor = executor;
    }

    /** Starts the proxy on a free loopback port in front of {@code upstream}. */
    public static FaultProxy start(URI upstream) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            ExecutorService executor = Executors.newFixedThreadPool(8, r -> {
                Thread t = new Thread(r, "drkit-drill-proxy");
                t.setDaemon(true);
                return t;
            });
            FaultProxy proxy = new FaultProxy(upstream, server, executor);
            server.createContext("/", proxy::handle);
            server.setExecutor(executor);
            server.start();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException("DrillCommand: could not open the drill proxy on a loopback port", e);
        }
    }

    /** The URL the SDK clients use. */
    /** The emulator the proxy forwards to. */
    public URI upstream() {
        return upstream;
    }

    /** True when the emulator sees the Host each call was signed for, so that it can check signatures. */
    public boolean forwardsHost() {
        return FORWARDS_HOST;
    }

    private static boolean hostHeaderAllowed() {
        try {
            HttpRequest.newBuilder(URI.create("http://127.0.0.1/")).header("Host", "127.0.0.1");
            return true;
        } catch (IllegalArgumentException restricted) {
            return false;
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Arms faults: each answers its next {@link Fault#times()} matching calls. Replaces any armed before. */
    public synchronized void arm(List<Fault> faults) {
        armed.clear();
        remaining.clear();
        for (Fault f : faults) {
            armed.add(f);
            remaining.put(f, new int[] {f.times()});
        }
    }

    /** Disarms every fault; the emulator answers every call again. */
    public synchronized void disarm() {
        armed.clear();
        remaining.clear();
    }

    /** Every call recorded so far, oldest first. */
    public synchronized List<ApiCall> calls() {
        return List.copyOf(calls);
    }

    /** The number of calls recorded so far; {@code calls().subList(mark, ...)} are the calls of one step. */
    public synchronized int mark() {
        return calls.size();
    }

    public synchronized List<ApiCall> callsSince(int mark) {
        return List.copyOf(calls.subList(Math.min(mark, calls.size()), calls.size()));
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        Instant start = Instant.now();
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Scope scope = Scope.of(exchange.getRequestHeaders().getFirst("Authorization"));
            String service = scope.service();
            String region = scope.region();
            String action = operation(exchange, body, service);
            Fault fault = take(service, action, region);
            // Recorded before the answer is sent: a caller that has its answer finds the call in calls().
            java.util.function.IntConsumer recorder = status -> record(new ApiCall(start, service, region, action, status,
                    Duration.between(start, Instant.now()).toMillis(), fault == null ? null : fault.kind().code()));
            if (fault != null) {
                answerFault(exchange, fault, service, recorder);
            } else {
                forward(exchange, body, recorder);
            }
        }
    }

    /** The Region and service a request is signed for, from its SigV4 credential scope; "?" when unsigned. */
    private record Scope(String region, String service) {
        static Scope of(String authorization) {
            Matcher m = authorization == null ? null : CREDENTIAL.matcher(authorization);
            return m != null && m.find() ? new Scope(m.group(1), m.group(2)) : new Scope("?", "?");
        }
    }

    private synchronized Fault take(String service, String action, String region) {
        for (Fault f : armed) {
            int[] left = remaining.get(f);
            if (left[0] > 0 && f.matches(service, action, region)) {
                left[0]--;
                return f;
            }
        }
        return null;
    }

    private synchronized void record(ApiCall call) {
        if (calls.size() < MAX_CALLS_KEPT) {
            calls.add(call);
        }
    }

    private void forward(HttpExchange exchange, byte[] body, java.util.function.IntConsumer recorder) throws IOException {
        URI target = upstream.resolve(exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(Duration.ofSeconds(120))
                .method(exchange.getRequestMethod(), body.length == 0
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> request.header(name, v));
            }
        });
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (FORWARDS_HOST && host != null) {
            request.header("Host", host);
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while forwarding to the emulator", e);
        } catch (IOException e) {
            byte[] message = ("the emulator at " + upstream + " did not answer: " + e.getMessage()).getBytes(StandardCharsets.UTF_8);
            recorder.accept(502);
            exchange.sendResponseHeaders(502, message.length);
            exchange.getResponseBody().write(message);
            return;
        }
        response.headers().map().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        byte[] payload = response.body();
        boolean noBody = exchange.getRequestMethod().equals("HEAD") || response.statusCode() == 204 || response.statusCode() == 304;
        recorder.accept(response.statusCode());
        exchange.sendResponseHeaders(response.statusCode(), noBody ? -1 : payload.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(payload);
            }
        }
    }

    /** Answers in the error shape of the service's protocol, so that the SDK reads the code as AWS sends it. */
    private static void answerFault(HttpExchange exchange, Fault fault, String service, java.util.function.IntConsumer recorder)
            throws IOException {
        Fault.Kind kind = fault.kind();
        String contentType;
        String body;
        if (exchange.getRequestHeaders().getFirst("X-Amz-Target") != null) {
            // AWS JSON 1.0 (CloudWatch, DynamoDB) or 1.1 (SSM and most others): answered in the version asked.
            String asked = exchange.getRequestHeaders().getFirst("Content-Type");
            contentType = asked != null && asked.startsWith("application/x-amz-json-1.0") ? "application/x-amz-json-1.0"
                    : "application/x-amz-json-1.1";
            body = "{\"__type\":\"" + kind.code() + "\",\"message\":\"" + kind.message() + "\"}";
        } else if (service.equals("ec2")) {
            contentType = "text/xml";
            body = "<Response><Errors><Error><Code>" + kind.code() + "</Code><Message>" + kind.message()
                    + "</Message></Error></Errors><RequestID>drkit-drill-fault</RequestID></Response>";
        } else {
            contentType = "text/xml";
            body = "<ErrorResponse><Error><Type>" + (kind == Fault.Kind.THROTTLE ? "Sender" : "Receiver") + "</Type><Code>"
                    + kind.code() + "</Code><Message>" + kind.message() + "</Message></Error>"
                    + "<RequestId>drkit-drill-fault</RequestId></ErrorResponse>";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("x-amzn-RequestId", "drkit-drill-fault");
        recorder.accept(kind.status());
        exchange.sendResponseHeaders(kind.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** The API operation of a request, for the three wire protocols the drill's services use. */
    static String operation(HttpExchange exchange, byte[] body, String service) {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        if (target != null) {
            return target.substring(target.lastIndexOf('.') + 1);
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
            Matcher m = FORM_ACTION.matcher(new String(body, StandardCharsets.UTF_8));
            if (m.find()) {
                return URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
            }
        }
        return restOperation(service, exchange.getRequestMethod(), exchange.getRequestURI().getPath());
    }

    /** REST-style operations by method and path; others are named by method and path. */
    static String restOperation(String service, String method, String path) {
        if (service.equals("route53")) {
            if (path.endsWith("/rrset") || path.endsWith("/rrset/")) {
                return method.equals("POST") ? "ChangeResourceRecordSets" : "ListResourceRecordSets";
            }
            if (path.matches(".*/healthcheck/[^/]+/status")) {
                return "GetHealthCheckStatus";
            }
            if (path.matches(".*/healthcheck/[^/]+")) {
                return switch (method) {
                    case "POST" -> "UpdateHealthCheck";
                    case "DELETE" -> "DeleteHealthCheck";
                    default -> "GetHealthCheck";
                };
            }
            if (path.matches(".*/change/[^/]+")) {
                return "GetChange";
            }
            if (path.matches(".*/hostedzone/?")) {
                return method.equals("POST") ? "CreateHostedZone" : "ListHostedZones";
            }
            if (path.matches(".*/hostedzone/[^/]+")) {
                return method.equals("DELETE") ? "DeleteHostedZone" : "GetHostedZone";
            }
        }
        if (service.equals("lambda")) {
            if (path.endsWith("/configuration")) {
                return method.equals("PUT") ? "UpdateFunctionConfiguration" : "GetFunctionConfiguration";
            }
            if (path.endsWith("/invocations")) {
                return "Invoke";
            }
        }
        if (service.equals("s3")) {
            return switch (method) {
                case "PUT" -> path.chars().filter(c -> c == '/').count() > 1 ? "PutObject" : "CreateBucket";
                case "GET" -> path.chars().filter(c -> c == '/').count() > 1 ? "GetObject" : "ListObjects";
                case "HEAD" -> "HeadObject";
                case "DELETE" -> "DeleteObject";
                default -> method + " " + path;
            };
        }
        return method + " " + path;
    }
}
