package io.github.drkit.runtime.aws;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * Sends one signed request to an AWS service and returns its answer, with the runtime's retry policy: throttling,
 * 5xx and connection failures are retried with exponential backoff and full jitter, up to a fixed number of
 * attempts; any other error is the service's answer and is returned at once. Every call, with its attempts and
 * outcome, is recorded in the {@link CallLog} bound to the calling thread.
 *
 * <p>The runtime speaks the AWS wire protocols itself (see {@link QueryProtocol}, {@link JsonProtocol},
 * {@link RestXmlProtocol}) for the few operations a recovery needs, instead of linking a whole AWS SDK service
 * module per service: the EC2 module alone is larger than the whole deployment package is allowed to be, and a
 * recovery function's cold start is paid in an outage. Signing, credentials and HTTP come from the AWS SDK's
 * core modules.
 */
public final class AwsTransport {
    private static final String USER_AGENT = "drkit-runtime/1 java/" + System.getProperty("java.version");

    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final EndpointResolver endpoints;
    private final List<CallHook> hooks;
    private final int maxAttempts;
    private final Duration baseDelay;
    private final Duration maxBackoff;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final ClockSkew clock = new ClockSkew(java.time.Clock.systemUTC());
    /** The account the calls are made in, as given; null to take it from the credentials that sign them. */
    private final String account;
    /** The account the signing credentials named at the last signature (an assumed role's, for instance); null when none did. */
    private volatile String signedAccount;
    /** Aborts attempts still in flight at their run's deadline; one daemon thread for every transport. */
    private static final ScheduledExecutorService CUTTER = cutter();

    AwsTransport(SdkHttpClient http, AwsCredentialsProvider credentials, URI endpointOverride, Map<String, String> environment,
                 List<CallHook> hooks, int maxAttempts, Duration baseDelay, Duration maxBackoff) {
        this(http, credentials, endpointOverride, environment, hooks, maxAttempts, baseDelay, maxBackoff, null);
    }

    /** @param account the account the calls are made in, for the call log; null to take it from the signing credentials */
    AwsTransport(SdkHttpClient http, AwsCredentialsProvider credentials, URI endpointOverride, Map<String, String> environment,
                 List<CallHook> hooks, int maxAttempts, Duration baseDelay, Duration maxBackoff, String account) {
        this.account = account;
        this.http = Objects.requireNonNull(http);
        this.credentials = Objects.requireNonNull(credentials);
        this.endpoints = new EndpointResolver(endpointOverride, environment, ProfileFile::defaultProfileFile);
        this.hooks = List.copyOf(hooks);
        this.maxAttempts = maxAttempts;
        this.baseDelay = baseDelay;
        this.maxBackoff = maxBackoff;
    }

    /** A request before addressing and signing: the path relative to the endpoint, and raw (unencoded) query parameters. */
    record Request(SdkHttpMethod method, String path, Map<String, List<String>> query, Map<String, String> headers, byte[] body) {
    }

    /** A successful answer, with its headers (Lambda's Invoke answers its function's error in one). */
    record Response(int status, Map<String, List<String>> headers, byte[] body) {
        /** The first value of a header, matched without regard to case; null when absent. */
        String header(String name) {
            for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
                if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
                    return entry.getValue().get(0);
                }
            }
            return null;
        }
    }

    /** Turns an error answer into the service's error, protocol by protocol. */
    @FunctionalInterface
    interface ErrorDecoder {
        AwsServiceError decode(String service, String operation, int status, Map<String, List<String>> headers, byte[] body);
    }

    /** The endpoint for {@code service} in {@code region}; see {@link EndpointResolver}. */
    URI endpoint(AwsService service, String region) {
        return endpoints.endpoint(service, region);
    }

    Response send(AwsService service, String region, String operation, Request request, ErrorDecoder errors) {
        // The run's deadline bounds the whole call: no attempt starts after it, an attempt in flight is cut at
        // it, and no retry pause runs past it.
        Deadline deadline = Deadline.current();
        long started = System.nanoTime();
        int attempt = 0;
        boolean skewRetried = false;
        AwsServiceError last = null;
        while (true) {
            if (deadline.expired()) {
                throw stopped(deadline, service, operation, region, attempt, started, last);
            }
            attempt++;
            CallHook.Attempt current = new CallHook.Attempt(service.id(), operation, region, attempt);
            try {
                hooks.forEach(hook -> hook.beforeAttempt(current));
                Response response = attempt(service, region, operation, request, errors, deadline);
                hooks.forEach(hook -> hook.afterAttempt(current));
                record(service, operation, region, attempt, response.status(), started, null);
                return response;
            } catch (AwsServiceError error) {
                last = error;
                if (error.clockCorrected() && !skewRetried) {
                    skewRetried = true;
                    continue;
                }
                if (deadline.expired()) {
                    throw stopped(deadline, service, operation, region, attempt, started, last);
                }
                if (!error.retryable() || attempt >= maxAttempts) {
                    record(service, operation, region, attempt, error.statusCode(), started, error.errorCode());
                    throw error;
                }
            }
            pause(attempt, deadline);
        }
    }

    private static ScheduledExecutorService cutter() {
        ScheduledThreadPoolExecutor cutter = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "drkit-deadline");
            thread.setDaemon(true);
            return thread;
        });
        // Most attempts answer long before their deadline: drop their cut at once rather than keep it queued.
        cutter.setRemoveOnCancelPolicy(true);
        return cutter;
    }

    private DeadlineExceededException stopped(Deadline deadline, AwsService service, String operation, String region,
                                                     int attempts, long started, AwsServiceError last) {
        record(service, operation, region, attempts, last == null ? 0 : last.statusCode(), started, "DeadlineExceeded");
        return deadline.exceeded("during " + service.id() + " " + operation + " (" + region + ") after " + attempts + " attempt(s)"
                + (last == null ? "" : "; last answer: " + last.getMessage()));
    }

    private Response attempt(AwsService service, String region, String operation, Request request, ErrorDecoder errors,
                             Deadline deadline) {
        URI endpoint = endpoint(service, region);
        SdkHttpFullRequest.Builder http = SdkHttpFullRequest.builder()
                .method(request.method())
                .uri(endpoint)
                .encodedPath(join(endpoint.getRawPath(), request.path()))
                .putHeader("User-Agent", USER_AGENT);
        request.query().forEach(http::putRawQueryParameter);
        request.headers().forEach(http::putHeader);
        if (request.body() != null) {
            http.putHeader("Content-Length", String.valueOf(request.body().length));
        }
        ContentStreamProvider unsignedPayload = request.body() == null ? null : ContentStreamProvider.fromByteArray(request.body());
        SdkHttpFullRequest unsigned = http.build();
        SdkHttpRequest outgoing = unsigned;
        ContentStreamProvider payload = unsignedPayload;
        // Anonymous: the call proves itself otherwise (STS's AssumeRoleWithWebIdentity carries a token) and is sent unsigned.
        if (!(credentials instanceof AnonymousCredentialsProvider)) {
            software.amazon.awssdk.auth.credentials.AwsCredentials identity = credentials.resolveCredentials();
            identity.accountId().ifPresent(id -> signedAccount = id);
            SignedRequest signed = signer.sign(r -> r.identity(identity)
                    .request(unsigned)
                    .payload(unsignedPayload)
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service.signingName())
                    .putProperty(AwsV4HttpSigner.REGION_NAME, service.signingRegion(region))
                    .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, clock.signingClock()));
            outgoing = signed.request();
            payload = signed.payload().orElse(null);
        }
        HttpExecuteResponse answer;
        byte[] body;
        ExecutableHttpRequest exchange = this.http.prepareRequest(HttpExecuteRequest.builder()
                .request(outgoing)
                .contentStreamProvider(payload)
                .build());
        // The HTTP client's read timeout is fixed when it is built; the deadline cuts an attempt sooner.
        ScheduledFuture<?> cut = deadline.isNone() ? null
                : CUTTER.schedule(exchange::abort, Math.max(1, deadline.remaining().toMillis()), TimeUnit.MILLISECONDS);
        try {
            answer = exchange.call();
            body = read(answer);
        } catch (IOException | UncheckedIOException e) {
            throw AwsServiceError.noAnswer(service.id(), operation, e);
        } finally {
            if (cut != null) {
                cut.cancel(false);
            }
        }
        int status = answer.httpResponse().statusCode();
        if (status >= 200 && status < 300) {
            return new Response(status, answer.httpResponse().headers(), body);
        }
        AwsServiceError error = errors.decode(service.id(), operation, status, answer.httpResponse().headers(), body);
        if (clock.correct(error, answer.httpResponse().headers())) {
            error.markClockCorrected();
        }
        throw error;
    }

    private static String join(String base, String path) {
        String left = base == null || base.isEmpty() ? "" : base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return left + (path.startsWith("/") ? path : "/" + path);
    }

    private static byte[] read(HttpExecuteResponse answer) throws IOException {
        if (answer.responseBody().isEmpty()) {
            return new byte[0];
        }
        try (InputStream in = answer.responseBody().get()) {
            return in.readAllBytes();
        }
    }

    /** Full jitter: a random wait up to the exponential bound, so that concurrent retries spread out; never past the deadline. */
    private void pause(int attempt, Deadline deadline) {
        long bound = Math.min(maxBackoff.toMillis(), baseDelay.toMillis() * (1L << Math.min(attempt - 1, 20)));
        long wait = Math.min(ThreadLocalRandom.current().nextLong(Math.max(1, bound) + 1), deadline.remaining().toMillis());
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }

    private void record(AwsService service, String operation, String region, int attempts, int status, long started, String error) {
        CallLog log = CallLog.current();
        if (log != null) {
            log.add(new AwsCall(service.id(), operation, region, attempts, status, (System.nanoTime() - started) / 1_000_000, error,
                    account != null ? account : signedAccount));
        }
    }
}
