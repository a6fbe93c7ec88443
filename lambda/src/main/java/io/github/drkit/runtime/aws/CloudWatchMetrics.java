package io.github.drkit.runtime.aws;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;


import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.RegionMetadata;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * CloudWatch's {@code PutMetricData} and {@code GetMetricStatistics} over the AWS JSON 1.0 protocol: the two
 * calls a multi-site data-plane switch needs, publishing the switch's value and reading it back.
 *
 * <p><b>Why not the SDK's {@code CloudWatchClient}.</b> The AWS SDK for Java 2.57, which the runtime builds with,
 * sends every CloudWatch call in the Smithy RPC v2 CBOR protocol
 * ({@code POST /service/GraniteServiceVersion20100801/operation/PutMetricData}). CloudWatch serves three
 * protocols (its service model lists {@code awsJson1_0}, {@code awsQuery} and {@code rpcv2Cbor}), but emulators
 * serve only the first two: moto_server answers the CBOR path with HTTP 404. The runtime's promise that one build runs
 * against AWS or an emulator then breaks exactly at the site switch, and a multi-site failover cannot be
 * rehearsed. JSON 1.0 ({@code POST /}, {@code X-Amz-Target: GraniteServiceVersion20100801.<Operation>}) is a
 * protocol CloudWatch itself accepts, so against AWS nothing changes but the encoding.
 *
 * <p>It behaves like the runtime's SDK clients: SigV4 with the signing name {@code monitoring}; the endpoint
 * from {@code AWS_ENDPOINT_URL_CLOUDWATCH}, else {@code AWS_ENDPOINT_URL}, else the Region's; throttling, 5xx
 * answers and I/O failures retried with the same exponential backoff (full jitter); every call recorded in the
 * {@link CallLog} of the calling thread as an {@link AwsCall}; a failure surfaces as a
 * {@link CloudWatchMetricsException} that carries the AWS error code and message. It is no general client: one
 * request shape and one answer per operation.
 */
public final class CloudWatchMetrics implements SdkAutoCloseable {
    private static final String SERVICE = "CloudWatch";
    private static final String SIGNING_NAME = "monitoring";
    private static final String TARGET_PREFIX = "GraniteServiceVersion20100801.";
    private static final String CONTENT_TYPE = "application/x-amz-json-1.0";
    /** The throttling codes the SDK's retry strategy treats as such, among those an AWS JSON service sends. */
    private static final Set<String> THROTTLING = Set.of("Throttling", "ThrottlingException", "ThrottledException",
            "RequestThrottledException", "TooManyRequestsException", "RequestLimitExceeded", "SlowDown");
    private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

    private final Region region;
    private final URI endpoint;
    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final boolean ownsHttp;
    private final boolean ownsCredentials;
    private final int maxAttempts;
    private final BackoffStrategy backoff;

    private CloudWatchMetrics(Builder builder) {
        this.region = Objects.requireNonNull(builder.region, "CloudWatchMetrics: region is required");
        this.endpoint = withPath(endpoint(builder.endpoint, region, System::getenv));
        this.ownsHttp = builder.http == null;
        this.http = ownsHttp ? UrlConnectionHttpClient.create() : builder.http;
        this.ownsCredentials = builder.credentials == null;
        this.credentials = ownsCredentials ? DefaultCredentialsProvider.builder().build() : builder.credentials;
        this.maxAttempts = builder.maxAttempts;
        this.backoff = BackoffStrategy.exponentialDelay(builder.baseDelay, builder.maxBackoff);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Region region() {
        return region;
    }

    /** Where the calls go: the explicit endpoint, the configured one, or the Region's. */
    public URI endpoint() {
        return endpoint;
    }

    /** Publishes one value of {@code metric}; CloudWatch timestamps it on receipt. */
    public void putMetricData(Metric metric, double value) {
        Objects.requireNonNull(metric, "metric");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("CloudWatchMetrics: value of " + metric + " must be a finite number (got " + value + ")");
        }
        call("PutMetricData", CloudWatchJson.putMetricData(metric, value), answer -> null);
    }

    /**
     * One statistic of {@code metric} per {@code period}, for the datapoints timestamped from {@code start}
     * (inclusive) to {@code end} (exclusive); oldest first, empty when the metric has no data in that window.
     */
    public List<Datapoint> getMetricStatistics(Metric metric, Instant start, Instant end, Duration period, Statistic statistic) {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(statistic, "statistic");
        if (period == null || period.toSeconds() < 1 || period.toNanos() % 1_000_000_000L != 0) {
            throw new IllegalArgumentException("CloudWatchMetrics: period must be a whole number of seconds, at least 1 (got " + period + ")");
        }
        return call("GetMetricStatistics", CloudWatchJson.getMetricStatistics(metric, start, end, period, statistic),
                answer -> CloudWatchJson.datapoints(answer, statistic));
    }

    @Override
    public void close() {
        if (ownsCredentials && credentials instanceof SdkAutoCloseable closeable) {
            closeable.close();
        }
        if (ownsHttp) {
            http.close();
        }
    }

    /** Sends one call, retrying what AWS says is worth retrying, records it, and reads the answer. */
    private <T> T call(String operation, byte[] body, JsonReader<T> reader) {
        long started = System.nanoTime();
        int attempts = 0;
        int status = 0;
        String error = null;
        try {
            while (true) {
                attempts++;
                Answer answer;
                try {
                    answer = send(operation, body);
                } catch (IOException e) {
                    if (attempts < maxAttempts) {
                        pause(attempts);
                        continue;
                    }
                    throw new CloudWatchMetricsException(operation, e.getClass().getSimpleName(),
                            "no answer from " + endpoint + ": " + e.getMessage(), 0, attempts, e);
                }
                status = answer.status();
                if (status / 100 == 2) {
                    try {
                        return reader.read(answer.body());
                    } catch (IOException | RuntimeException e) {
                        throw new CloudWatchMetricsException(operation, "MalformedResponse", "HTTP " + status
                                + " with a body that is not the expected JSON: " + CloudWatchJson.snippet(answer.body()), status, attempts, e);
                    }
                }
                CloudWatchJson.AwsError failure = CloudWatchJson.error(answer.response(), answer.body());
                if (retryable(status, failure.code()) && attempts < maxAttempts) {
                    pause(attempts);
                    continue;
                }
                throw new CloudWatchMetricsException(operation, failure.code(), failure.message(), status, attempts, null);
            }
        } catch (CloudWatchMetricsException e) {
            error = e.errorCode();
            throw e;
        } catch (RuntimeException e) {
            // Credentials that cannot be resolved, an interrupted backoff: not AWS's answer, but the call failed.
            error = e.getClass().getSimpleName();
            throw e;
        } finally {
            CallLog log = CallLog.current();
            if (log != null) {
                log.add(new AwsCall(SERVICE, operation, region.id(), attempts, status,
                        (System.nanoTime() - started) / 1_000_000, error));
            }
        }
    }

    private Answer send(String operation, byte[] body) throws IOException {
        SdkHttpFullRequest request = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint)
                .putHeader("Content-Type", CONTENT_TYPE)
                .putHeader("X-Amz-Target", TARGET_PREFIX + operation)
                .putHeader("Content-Length", Integer.toString(body.length))
                .build();
        SignedRequest signed = SIGNER.sign(r -> r
                .identity(credentials.resolveCredentials())
                .request(request)
                .payload(ContentStreamProvider.fromByteArrayUnsafe(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, SIGNING_NAME)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region.id()));
        HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                .request(signed.request())
                .contentStreamProvider(signed.payload().orElse(null))
                .build()).call();
        byte[] payload = new byte[0];
        if (response.responseBody().isPresent()) {
            try (InputStream in = response.responseBody().get()) {
                payload = in.readAllBytes();
            }
        }
        return new Answer(response.httpResponse(), payload);
    }

    /** Throttling (by status or by code) and server errors are worth another attempt; other client errors are not. */
    static boolean retryable(int status, String code) {
        return status >= 500 || status == 429 || THROTTLING.contains(code);
    }

    private void pause(int attempt) {
        try {
            Thread.sleep(backoff.computeDelay(attempt).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry a CloudWatch call", e);
        }
    }

    /**
     * The endpoint as the SDK resolves it for CloudWatch: an explicit one, else {@code AWS_ENDPOINT_URL_CLOUDWATCH},
     * else {@code AWS_ENDPOINT_URL}, else {@code https://monitoring.<region>.<the partition's domain>}.
     */
    static URI endpoint(URI explicit, Region region, Function<String, String> environment) {
        if (explicit != null) {
            return explicit;
        }
        for (String variable : List.of("AWS_ENDPOINT_URL_CLOUDWATCH", "AWS_ENDPOINT_URL")) {
            String value = environment.apply(variable);
            if (value != null && !value.isBlank()) {
                URI uri;
                try {
                    uri = URI.create(value.trim());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(variable + " must be an http or https URL (got '" + value + "')", e);
                }
                if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                    throw new IllegalArgumentException(variable + " must be an http or https URL (got '" + value + "')");
                }
                return uri;
            }
        }
        RegionMetadata metadata = RegionMetadata.of(region);
        String domain = metadata != null ? metadata.domain() : region.id().startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
        return URI.create("https://monitoring." + region.id() + "." + domain);
    }

    /** JSON 1.0 calls go to the endpoint's root. */
    private static URI withPath(URI endpoint) {
        return endpoint.getRawPath() == null || endpoint.getRawPath().isEmpty() ? endpoint.resolve("/") : endpoint;
    }

    /** A metric: namespace, name and dimensions (kept sorted by name, so requests and reports read the same every time). */
    public record Metric(String namespace, String name, Map<String, String> dimensions) {
        public Metric {
            if (namespace == null || namespace.isBlank()) {
                throw new IllegalArgumentException("Metric: namespace must not be blank (got '" + namespace + "')");
            }
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("Metric: name must not be blank (got '" + name + "')");
            }
            dimensions = java.util.Collections.unmodifiableMap(new TreeMap<>(dimensions == null ? Map.of() : dimensions));
        }

        @Override
        public String toString() {
            return namespace + "/" + name + " " + dimensions;
        }
    }

    /** One statistic's value in one period. */
    public record Datapoint(Instant timestamp, double value) {
    }

    /** The statistics {@code GetMetricStatistics} computes, by their API names. */
    public enum Statistic {
        SAMPLE_COUNT("SampleCount"), AVERAGE("Average"), SUM("Sum"), MINIMUM("Minimum"), MAXIMUM("Maximum");

        private final String id;

        Statistic(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /** An HTTP answer: status, headers and body. */
    record Answer(SdkHttpResponse response, byte[] body) {
        int status() {
            return response.statusCode();
        }
    }

    @FunctionalInterface
    private interface JsonReader<T> {
        T read(byte[] body) throws IOException;
    }

    /** Builds {@link CloudWatchMetrics}; only the Region is required. */
    public static final class Builder {
        private Region region;
        private URI endpoint;
        private AwsCredentialsProvider credentials;
        private SdkHttpClient http;
        private int maxAttempts = 6;
        private Duration baseDelay = Duration.ofMillis(200);
        private Duration maxBackoff = Duration.ofSeconds(10);

        private Builder() {
        }

        /** The Region the calls are signed for and, without an endpoint, sent to. Required. */
        public Builder region(Region region) {
            this.region = region;
            return this;
        }

        /**
         * Sends every call to this endpoint.
         *
         * @default {@code AWS_ENDPOINT_URL_CLOUDWATCH}, else {@code AWS_ENDPOINT_URL}, else the Region's endpoint
         */
        public Builder endpoint(URI endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        /** @default the SDK's default credentials chain, closed with this client */
        public Builder credentials(AwsCredentialsProvider credentials) {
            this.credentials = credentials;
            return this;
        }

        /** A shared HTTP client, left open on {@link #close()}. @default a url-connection client of its own */
        public Builder httpClient(SdkHttpClient http) {
            this.http = http;
            return this;
        }

        /** @default 6 attempts per call (1 plus 5 retries), as {@link AwsClients} */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1 || maxAttempts > 20) {
                throw new IllegalArgumentException("CloudWatchMetrics: maxAttempts must be between 1 and 20 (got " + maxAttempts + ")");
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** @default 200 ms base and 10 s cap for the exponential backoff between attempts, as {@link AwsClients} */
        public Builder backoff(Duration base, Duration max) {
            this.baseDelay = Objects.requireNonNull(base, "base");
            this.maxBackoff = Objects.requireNonNull(max, "max");
            return this;
        }

        public CloudWatchMetrics build() {
            return new CloudWatchMetrics(this);
        }
    }
}
