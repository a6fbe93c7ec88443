package io.github.drkit.runtime.aws;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The SDK clients the runtime uses, one per service and Region, built on first use and shared after.
 *
 * <p>Every client uses the url-connection HTTP client (the lightest to start), one shared instance, and a
 * standard retry strategy: throttling and 5xx answers are retried with exponential backoff and jitter, and the
 * retry circuit breaker is off, because a failover must not give up early while a Region is struggling.
 * Without an explicit endpoint the SDK's own configuration applies, which honours {@code AWS_ENDPOINT_URL}
 * (and {@code AWS_ENDPOINT_URL_<SERVICE>}), so the same build runs against AWS or an emulator. CloudWatch is the
 * exception: {@link #metrics(String)} is a small JSON 1.0 client of the runtime's own, configured the same way.
 */
public final class AwsClients implements AutoCloseable {
    private final Region defaultRegion;
    private final URI endpoint;
    private final AwsCredentialsProvider credentials;
    private final List<ExecutionInterceptor> interceptors;
    private final int maxAttempts;
    private final Duration baseDelay;
    private final Duration maxBackoff;
    private final Duration attemptTimeout;
    private final SdkHttpClient http;
    private final Map<String, SdkClient> clients = new ConcurrentHashMap<>();
    private final Map<String, CloudWatchMetrics> metrics = new ConcurrentHashMap<>();

    private AwsClients(Builder builder) {
        this.defaultRegion = Objects.requireNonNull(builder.region, "region");
        this.endpoint = builder.endpoint;
        this.credentials = builder.credentials;
        this.interceptors = List.copyOf(builder.interceptors);
        this.maxAttempts = builder.maxAttempts;
        this.baseDelay = builder.baseDelay;
        this.maxBackoff = builder.maxBackoff;
        this.attemptTimeout = builder.attemptTimeout;
        this.http = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(attemptTimeout)
                .build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Clients for the environment the process runs in: the Region from {@code AWS_REGION} (or the profile),
     * credentials from the default chain, the endpoint from {@code AWS_ENDPOINT_URL} when set.
     *
     * @param fallbackRegion used when no Region is configured, typically the plan's recovery Region
     */
    public static AwsClients fromEnvironment(String fallbackRegion) {
        Region region;
        try {
            region = new DefaultAwsRegionProviderChain().getRegion();
        } catch (RuntimeException noRegionConfigured) {
            region = Region.of(fallbackRegion);
        }
        return builder().region(region).build();
    }

    /** The Region used for clients that are not tied to a plan Region (SSM for the plan parameter). */
    public Region defaultRegion() {
        return defaultRegion;
    }

    public Ec2Client ec2(String region) {
        return client("ec2", region, Ec2Client::builder);
    }

    public AutoScalingClient autoScaling(String region) {
        return client("autoscaling", region, AutoScalingClient::builder);
    }

    public ElasticLoadBalancingV2Client elb(String region) {
        return client("elbv2", region, ElasticLoadBalancingV2Client::builder);
    }

    public RdsClient rds(String region) {
        return client("rds", region, RdsClient::builder);
    }

    /**
     * CloudWatch metrics (publish a value, read statistics) for the site switches. Not the SDK's CloudWatch client,
     * whose RPC v2 CBOR protocol emulators do not serve: {@link CloudWatchMetrics} says why. Same endpoint,
     * credentials, HTTP client and retry settings as every other client here.
     */
    public CloudWatchMetrics metrics(String region) {
        return metrics.computeIfAbsent(region == null ? defaultRegion.id() : region, r -> CloudWatchMetrics.builder()
                .region(Region.of(r))
                .endpoint(endpoint)
                .credentials(credentials)
                .httpClient(http)
                .maxAttempts(maxAttempts)
                .backoff(baseDelay, maxBackoff)
                .build());
    }

    public SnsClient sns(String region) {
        return client("sns", region, SnsClient::builder);
    }

    public SsmClient ssm(String region) {
        return client("ssm", region, SsmClient::builder);
    }

    /** Route 53 is a global service: its control plane is signed for aws-global. */
    public Route53Client route53() {
        return client("route53", Region.AWS_GLOBAL.id(), Route53Client::builder);
    }

    @SuppressWarnings("unchecked")
    private <C extends SdkClient, B extends AwsSyncClientBuilder<B, C> & AwsClientBuilder<B, C>> C client(
            String service, String region, java.util.function.Supplier<B> builder) {
        String key = service + "/" + (region == null ? defaultRegion.id() : region);
        return (C) clients.computeIfAbsent(key, k -> build(builder.get(), region == null ? defaultRegion : Region.of(region)));
    }

    private <C extends SdkClient, B extends AwsSyncClientBuilder<B, C> & AwsClientBuilder<B, C>> C build(B builder, Region region) {
        builder.region(region)
                .httpClient(http)
                .overrideConfiguration(this::configure);
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        if (credentials != null) {
            builder.credentialsProvider(credentials);
        }
        return builder.build();
    }

    private void configure(ClientOverrideConfiguration.Builder config) {
        List<ExecutionInterceptor> all = new ArrayList<>();
        all.add(new CallRecorder());
        all.addAll(interceptors);
        config.executionInterceptors(all)
                .retryStrategy(retryStrategy())
                .apiCallAttemptTimeout(attemptTimeout)
                .apiCallTimeout(attemptTimeout.multipliedBy(maxAttempts).plus(maxBackoff.multipliedBy(maxAttempts)));
    }

    private RetryStrategy retryStrategy() {
        BackoffStrategy backoff = BackoffStrategy.exponentialDelay(baseDelay, maxBackoff);
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(maxAttempts)
                .backoffStrategy(backoff)
                .throttlingBackoffStrategy(backoff)
                .circuitBreakerEnabled(false)
                // Route 53 answers a change to a zone that is still applying the previous one with this 400.
                .retryOnException(AwsClients::priorRequestNotComplete)
                .build();
    }

    private static boolean priorRequestNotComplete(Throwable failure) {
        return failure instanceof AwsServiceException service && service.awsErrorDetails() != null
                && "PriorRequestNotComplete".equals(service.awsErrorDetails().errorCode());
    }

    @Override
    public void close() {
        clients.values().forEach(SdkClient::close);
        clients.clear();
        metrics.values().forEach(CloudWatchMetrics::close);
        metrics.clear();
        http.close();
    }

    /** Builds {@link AwsClients}; only the Region is required. */
    public static final class Builder {
        private Region region;
        private URI endpoint;
        private AwsCredentialsProvider credentials;
        private final List<ExecutionInterceptor> interceptors = new ArrayList<>();
        private int maxAttempts = 6;
        private Duration baseDelay = Duration.ofMillis(200);
        private Duration maxBackoff = Duration.ofSeconds(10);
        private Duration attemptTimeout = Duration.ofSeconds(30);

        private Builder() {
        }

        /** The default Region, for clients not tied to a plan resource. Required. */
        public Builder region(Region region) {
            this.region = region;
            return this;
        }

        /**
         * Sends every call to this endpoint instead of AWS.
         *
         * @default none: the SDK's endpoint resolution, which honours {@code AWS_ENDPOINT_URL}
         */
        public Builder endpoint(URI endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        /** @default the SDK's default credentials chain */
        public Builder credentials(AwsCredentialsProvider credentials) {
            this.credentials = credentials;
            return this;
        }

        /** Adds an interceptor to every client, after the runtime's own call recorder. */
        public Builder addInterceptor(ExecutionInterceptor interceptor) {
            this.interceptors.add(Objects.requireNonNull(interceptor));
            return this;
        }

        /** @default 6 attempts per call (1 plus 5 retries) */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1 || maxAttempts > 20) {
                throw new IllegalArgumentException("maxAttempts must be between 1 and 20 (got " + maxAttempts + ")");
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** @default 200 ms base and 10 s cap for the exponential backoff between attempts */
        public Builder backoff(Duration base, Duration max) {
            this.baseDelay = Objects.requireNonNull(base);
            this.maxBackoff = Objects.requireNonNull(max);
            return this;
        }

        /** @default 30 s per HTTP attempt */
        public Builder attemptTimeout(Duration attemptTimeout) {
            this.attemptTimeout = Objects.requireNonNull(attemptTimeout);
            return this;
        }

        public AwsClients build() {
            return new AwsClients(this);
        }
    }
}
