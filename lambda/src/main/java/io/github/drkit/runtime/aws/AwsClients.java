package io.github.drkit.runtime.aws;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import io.github.drkit.runtime.aws.api.AthenaApi;
import io.github.drkit.runtime.aws.api.AutoScalingApi;
import io.github.drkit.runtime.aws.api.BackupApi;
import io.github.drkit.runtime.aws.api.CloudWatchApi;
import io.github.drkit.runtime.aws.api.DynamoDbApi;
import io.github.drkit.runtime.aws.api.Ec2Api;
import io.github.drkit.runtime.aws.api.Ec2VolumesApi;
import io.github.drkit.runtime.aws.api.RdsPointInTimeApi;
import io.github.drkit.runtime.aws.api.EcsApi;
import io.github.drkit.runtime.aws.api.EksApi;
import io.github.drkit.runtime.aws.api.ElbApi;
import io.github.drkit.runtime.aws.api.GlueApi;
import io.github.drkit.runtime.aws.api.IamApi;
import io.github.drkit.runtime.aws.api.LambdaApi;
import io.github.drkit.runtime.aws.api.RdsApi;
import io.github.drkit.runtime.aws.api.Route53Api;
import io.github.drkit.runtime.aws.api.S3Api;
import io.github.drkit.runtime.aws.api.ServiceQuotasApi;
import io.github.drkit.runtime.aws.api.SnsApi;
import io.github.drkit.runtime.aws.api.SsmApi;
import io.github.drkit.runtime.aws.api.StsApi;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * The AWS APIs the runtime calls, sharing one HTTP client, one credentials provider and one retry policy.
 *
 * <p>Calls go out over the url-connection HTTP client (the lightest to start). Throttling and 5xx answers are
 * retried with exponential backoff and jitter, and there is no retry circuit breaker, because a failover must not
 * give up early while a Region is struggling. Without an explicit endpoint, {@code AWS_ENDPOINT_URL_<SERVICE>} and
 * {@code AWS_ENDPOINT_URL} are honoured (and the profile's {@code endpoint_url}; see {@link EndpointResolver}), so the
 * same build runs against AWS or an emulator. Without explicit credentials, a web identity token
 * ({@code AWS_WEB_IDENTITY_TOKEN_FILE} and {@code AWS_ROLE_ARN}) is exchanged for the role's credentials, and
 * otherwise the SDK's default chain is used.
 */
public final class AwsClients implements AutoCloseable {
    private final Region defaultRegion;
    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final boolean ownsCredentials;
    private final AwsTransport transport;
    /** For the calls that are not signed: STS's AssumeRoleWithWebIdentity. */
    private final AwsTransport unsigned;
    private final Map<String, Object> apis = new ConcurrentHashMap<>();
    /** What the clients were built with, for the sessions of other accounts' roles, which share all of it but the credentials. */
    private final Builder settings;
    /** The sessions of roles in other accounts, one per role and terms; empty in a session's own clients. */
    private final Map<AssumeRoleCredentials.RoleSession, AwsClients> sessions = new ConcurrentHashMap<>();
    /** False for a role session's clients, which share their parent's HTTP client. */
    private final boolean ownsHttp;
    /** Lambda's Invoke waits for the function: its own client, whose attempts may last as long as a function may run. */
    private final SdkHttpClient invokeHttp;
    private final AwsTransport invokeTransport;

    private AwsClients(Builder builder) {
        this.defaultRegion = Objects.requireNonNull(builder.region, "region");
        this.settings = builder.copy();
        this.http = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(builder.attemptTimeout)
                .build();
        this.ownsHttp = true;
        this.unsigned = new AwsTransport(http, AnonymousCredentialsProvider.create(), builder.endpoint, builder.environment,
                builder.hooks, builder.maxAttempts, builder.baseDelay, builder.maxBackoff, builder.account);
        this.ownsCredentials = builder.credentials == null;
        this.credentials = ownsCredentials ? defaultCredentials(builder) : builder.credentials;
        this.transport = new AwsTransport(http, credentials, builder.endpoint, builder.environment, builder.hooks,
                builder.maxAttempts, builder.baseDelay, builder.maxBackoff, builder.account);
        this.invokeHttp = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(INVOKE_ATTEMPT_TIMEOUT)
                .build();
        this.invokeTransport = new AwsTransport(invokeHttp, credentials, builder.endpoint, builder.environment, builder.hooks,
                builder.maxAttempts, builder.baseDelay, builder.maxBackoff, builder.account);
    }

    /** The clients of a role session: the parent's HTTP client, endpoints, hooks and retries; the session's credentials and account. */
    private AwsClients(AwsClients parent, AwsCredentialsProvider session, String account) {
        this.defaultRegion = parent.defaultRegion;
        this.settings = parent.settings;
        this.http = parent.http;
        this.ownsHttp = false;
        this.ownsCredentials = false;
        this.credentials = session;
        Builder b = parent.settings;
        this.unsigned = new AwsTransport(http, AnonymousCredentialsProvider.create(), b.endpoint, b.environment, b.hooks,
                b.maxAttempts, b.baseDelay, b.maxBackoff, account);
        this.transport = new AwsTransport(http, session, b.endpoint, b.environment, b.hooks, b.maxAttempts, b.baseDelay, b.maxBackoff,
                account);
        this.invokeHttp = parent.invokeHttp;
        this.invokeTransport = new AwsTransport(invokeHttp, session, b.endpoint, b.environment, b.hooks, b.maxAttempts, b.baseDelay,
                b.maxBackoff, account);
    }

    /**
     * The clients of a session of {@code roleArn}, for the calls of a step whose resources live in the role's account:
     * the role is assumed with these clients' credentials (STS {@code AssumeRole}, in the default Region) when the first
     * call needs it, renewed five minutes before it expires, and shared by every later caller asking for the same role
     * and terms. Their calls are logged with the role's account.
     *
     * @param externalId  null when the role's trust policy asks for none
     * @param sessionName the session's name as CloudTrail shows it: 2-64 characters of {@code \w+=,.@-}
     * @param tags        session tags, which the trust policy must allow with {@code sts:TagSession}; empty for none
     */
    public AwsClients forRole(String roleArn, String externalId, String sessionName, Map<String, String> tags) {
        AssumeRoleCredentials.RoleSession session = new AssumeRoleCredentials.RoleSession(Objects.requireNonNull(roleArn, "roleArn"),
                externalId, Objects.requireNonNull(sessionName, "sessionName"), tags);
        return sessions.computeIfAbsent(session, s -> new AwsClients(this,
                new AssumeRoleCredentials(sts(), defaultRegion.id(), s, java.time.Clock.systemUTC()), WebIdentityCredentials.account(roleArn)));
    }

    /** A Lambda function runs for at most 15 minutes; the run's deadline (and a custom action's timeout) cut an invocation sooner. */
    private static final Duration INVOKE_ATTEMPT_TIMEOUT = Duration.ofMinutes(15).plusSeconds(30);

    /**
     * Web identity credentials when the environment or the profile names a token file and a role (a CI job, a
     * Kubernetes pod) and no keys are in the environment, otherwise the SDK's default chain (environment keys, profile, container and instance roles). The web identity
     * exchange goes over the unsigned transport, with the same endpoint rules and retries.
     */
    private AwsCredentialsProvider defaultCredentials(Builder builder) {
        return WebIdentityCredentials.select(sts(), defaultRegion.id(), builder.environment, ProfileFile::defaultProfileFile,
                        java.time.Clock.systemUTC())
                .<AwsCredentialsProvider>map(c -> c)
                .orElseGet(() -> DefaultCredentialsProvider.builder().build());
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Clients for the environment the process runs in: the Region from {@code AWS_REGION} (or the profile),
     * credentials from the default chain, the endpoint from {@code AWS_ENDPOINT_URL} when set, the account the report
     * names for the calls from {@code DRKIT_ACCOUNT} when set.
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
        // The failover function is told its own account (its credentials do not name it); a malformed value is ignored.
        String account = System.getenv(io.github.drkit.plan.PlanEnvironment.ACCOUNT);
        return builder().region(region).account(account != null && account.matches("\\d{12}") ? account : null).build();
    }

    /** The Region used for calls that are not tied to a plan Region (SSM for the plan parameter). */
    public Region defaultRegion() {
        return defaultRegion;
    }

    public Ec2Api ec2() {
        return api("ec2", () -> new Ec2Api(new QueryProtocol(transport, AwsService.EC2, "2016-11-15")));
    }

    /** The EC2 operations of EBS volume restores (snapshots, volumes, attachments), over the same EC2 protocol as {@link #ec2()}. */
    public Ec2VolumesApi ec2Volumes() {
        return api("ec2-volumes", () -> new Ec2VolumesApi(new QueryProtocol(transport, AwsService.EC2, "2016-11-15")));
    }

    /** The RDS operations of point-in-time restores, over the same RDS protocol as {@link #rds()}. */
    public RdsPointInTimeApi rdsPointInTime() {
        return api("rds-point-in-time", () -> new RdsPointInTimeApi(new QueryProtocol(transport, AwsService.RDS, "2014-10-31")));
    }

    public AutoScalingApi autoScaling() {
        return api("autoscaling", () -> new AutoScalingApi(new QueryProtocol(transport, AwsService.AUTO_SCALING, "2011-01-01")));
    }

    public ElbApi elb() {
        return api("elb", () -> new ElbApi(new QueryProtocol(transport, AwsService.ELASTIC_LOAD_BALANCING, "2015-12-01")));
    }

    public RdsApi rds() {
        return api("rds", () -> new RdsApi(new QueryProtocol(transport, AwsService.RDS, "2014-10-31")));
    }

    public SnsApi sns() {
        return api("sns", () -> new SnsApi(new QueryProtocol(transport, AwsService.SNS, "2010-03-31")));
    }

    public CloudWatchApi cloudWatch() {
        return api("cloudwatch", () -> new CloudWatchApi(new JsonProtocol(transport, AwsService.CLOUDWATCH, "GraniteServiceVersion20100801", "1.0", true)));
    }

    /** DynamoDB, in its JSON 1.0 protocol, for the global table checks. */
    public DynamoDbApi dynamoDb() {
        return api("dynamodb", () -> new DynamoDbApi(new JsonProtocol(transport, AwsService.DYNAMODB, "DynamoDB_20120810", "1.0", false)));
    }

    public SsmApi ssm() {
        return api("ssm", () -> new SsmApi(new JsonProtocol(transport, AwsService.SSM, "AmazonSSM", "1.1", false)));
    }

    /** Athena, for the archive catalog's inventory search. */
    public AthenaApi athena() {
        return api("athena", () -> new AthenaApi(new JsonProtocol(transport, AwsService.ATHENA, "AmazonAthena", "1.1", false)));
    }

    /** AWS Glue, for the archive catalog's inventory search. */
    public GlueApi glue() {
        return api("glue", () -> new GlueApi(new JsonProtocol(transport, AwsService.GLUE, "AWSGlue", "1.1", false)));
    }

    /** AWS Backup (REST-JSON): the recovery points of a vault, the restore jobs started from them, and the validation result of a restore testing job. */
    public BackupApi backup() {
        return api("backup", () -> new BackupApi(new RestJsonProtocol(transport, AwsService.BACKUP)));
    }

    /** S3, for the audit trail's PutObject only. */
    public S3Api s3() {
        return api("s3", () -> new S3Api(new RestXmlProtocol(transport, AwsService.S3)));
    }

    /** Service Quotas, read by readiness only. */
    public ServiceQuotasApi serviceQuotas() {
        return api("servicequotas", () -> new ServiceQuotasApi(new JsonProtocol(transport, AwsService.SERVICE_QUOTAS, "ServiceQuotasV20190624",
                "1.1", false)));
    }

    public EcsApi ecs() {
        return api("ecs", () -> new EcsApi(new JsonProtocol(transport, AwsService.ECS, "AmazonEC2ContainerServiceV20141113", "1.1", false)));
    }

    public EksApi eks() {
        return api("eks", () -> new EksApi(new RestJsonProtocol(transport, AwsService.EKS)));
    }

    /** Lambda, for custom actions: invocations wait for the function, cut by the run's deadline rather than a fixed attempt timeout. */
    public LambdaApi lambda() {
        return api("lambda", () -> new LambdaApi(new LambdaProtocol(invokeTransport)));
    }

    /** STS: web identity credentials, sent unsigned; role sessions for other accounts, signed with these clients' credentials. */
    public StsApi sts() {
        return api("sts", () -> new StsApi(new QueryProtocol(unsigned, AwsService.STS, "2011-06-15"),
                new QueryProtocol(transport, AwsService.STS, "2011-06-15")));
    }

    /** Route 53, addressed in the default Region's partition. */
    public Route53Api route53() {
        return api("route53", () -> new Route53Api(new RestXmlProtocol(transport, AwsService.ROUTE53), defaultRegion.id()));
    }

    /** IAM, addressed in the default Region's partition: the readiness check's policy simulation. */
    public IamApi iam() {
        return api("iam", () -> new IamApi(new QueryProtocol(transport, AwsService.IAM, "2010-05-08"), defaultRegion.id()));
    }

    // Safe: each key is stored by one accessor only, with the type that accessor reads back.
    @SuppressWarnings("unchecked")
    private <T> T api(String key, java.util.function.Supplier<T> factory) {
        return (T) apis.computeIfAbsent(key, k -> factory.get());
    }

    @Override
    public void close() {
        sessions.values().forEach(AwsClients::close);
        sessions.clear();
        apis.clear();
        if (!ownsHttp) {
            return;
        }
        http.close();
        invokeHttp.close();
        if (ownsCredentials && credentials instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException("could not close the credentials provider", e);
            }
        }
    }

    /** Builds {@link AwsClients}; only the Region is required. */
    public static final class Builder {
        private Region region;
        private URI endpoint;
        private AwsCredentialsProvider credentials;
        private final List<CallHook> hooks = new ArrayList<>();
        private int maxAttempts = 6;
        private Duration baseDelay = Duration.ofMillis(200);
        private Duration maxBackoff = Duration.ofSeconds(10);
        private Duration attemptTimeout = Duration.ofSeconds(30);
        private Map<String, String> environment = System.getenv();
        private String account;

        private Builder() {
        }

        private Builder copy() {
            Builder copy = new Builder();
            copy.region = region;
            copy.endpoint = endpoint;
            copy.credentials = credentials;
            copy.hooks.addAll(hooks);
            copy.maxAttempts = maxAttempts;
            copy.baseDelay = baseDelay;
            copy.maxBackoff = maxBackoff;
            copy.attemptTimeout = attemptTimeout;
            copy.environment = environment;
            copy.account = account;
            return copy;
        }

        /**
         * The account the credentials belong to, as the call log reports it (the failover function is told it in
         * {@code DRKIT_ACCOUNT}: a Lambda function's credentials do not name it).
         *
         * @default the account the signing credentials name, when they name one (web identity and role sessions do); otherwise
         *          none is reported
         */
        public Builder account(String account) {
            if (account != null && !account.matches("\\d{12}")) {
                throw new IllegalArgumentException("account must be a 12-digit AWS account id (got '" + account + "')");
            }
            this.account = account;
            return this;
        }

        /** The default Region, for calls not tied to a plan resource. Required. */
        public Builder region(Region region) {
            this.region = region;
            return this;
        }

        /**
         * Sends every call to this endpoint instead of AWS.
         *
         * @default none: {@code AWS_ENDPOINT_URL_<SERVICE>}, then {@code AWS_ENDPOINT_URL}, then AWS's public endpoints
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

        /** Adds a hook that sees every attempt, in the order added. */
        public Builder addHook(CallHook hook) {
            this.hooks.add(Objects.requireNonNull(hook));
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

        /**
         * The environment variables endpoints and credentials are read from.
         *
         * @default the process's environment
         */
        public Builder environment(Map<String, String> environment) {
            this.environment = Map.copyOf(environment);
            return this;
        }

        public AwsClients build() {
            return new AwsClients(this);
        }
    }
}
