package io.github.drkit.apps.drill;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.github.drkit.runtime.aws.AwsClients;
import io.github.drkit.runtime.aws.api.CloudWatchApi;
import io.github.drkit.runtime.aws.api.EcsApi;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * SDK clients for the emulator, one per service and Region, built once and closed with the drill.
 *
 * <p>The access key is the account id: moto then keeps the drill's resources in that account, so ARNs in
 * the synthesized templates (which name the app's account) match what the emulator creates.
 */
public final class DrillClients implements AutoCloseable {
    /** Route 53 and IAM are global; the SDK signs their calls for us-east-1. */
    static final Region GLOBAL = Region.US_EAST_1;

    private final URI endpoint;
    private final AwsCredentialsProvider credentials;
    private final SdkHttpClient http = UrlConnectionHttpClient.builder().build();
    private final Map<String, SdkClient> clients = new ConcurrentHashMap<>();
    private final AwsClients runtimeClients;

    public DrillClients(URI endpoint, String account) {
        this.endpoint = endpoint;
        this.credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(account, "drkit-drill"));
        this.runtimeClients = AwsClients.builder().region(GLOBAL).endpoint(endpoint).credentials(credentials).build();
    }

    /** Clients signing with {@code credentials}, e.g. a session of a role in another account of the emulator. */
    public DrillClients(URI endpoint, AwsCredentialsProvider credentials) {
        this.endpoint = endpoint;
        this.credentials = credentials;
        this.runtimeClients = AwsClients.builder().region(GLOBAL).endpoint(endpoint).credentials(credentials).build();
    }

    public URI endpoint() {
        return endpoint;
    }

    public AwsCredentialsProvider credentials() {
        return credentials;
    }

    public SdkHttpClient httpClient() {
        return http;
    }

    /**
     * No retries: CreateStack is not idempotent, and moto records a stack before it fails on a resource, so a
     * retried call would answer "already exists" and hide the first error.
     */
    public CloudFormationClient cloudFormation(String region) {
        return get("cloudformation", region, r -> configure(CloudFormationClient.builder(), r)
                .overrideConfiguration(c -> c.retryStrategy(software.amazon.awssdk.retries.DefaultRetryStrategy.doNotRetry()))
                .build());
    }

    public SsmClient ssm(String region) {
        return get("ssm", region, r -> configure(SsmClient.builder(), r).build());
    }

    public S3Client s3(String region) {
        return get("s3", region, r -> configure(S3Client.builder(), r).forcePathStyle(true).build());
    }

    public LambdaClient lambda(String region) {
        return get("lambda", region, r -> configure(LambdaClient.builder(), r).build());
    }

    public AutoScalingClient autoScaling(String region) {
        return get("autoscaling", region, r -> configure(AutoScalingClient.builder(), r).build());
    }

    public Ec2Client ec2(String region) {
        return get("ec2", region, r -> configure(Ec2Client.builder(), r).build());
    }

    public ElasticLoadBalancingV2Client elbv2(String region) {
        return get("elbv2", region, r -> configure(ElasticLoadBalancingV2Client.builder(), r).build());
    }

    public RdsClient rds(String region) {
        return get("rds", region, r -> configure(RdsClient.builder(), r).build());
    }

    /** CloudWatch metrics through the runtime's own calls: the SDK's client speaks a protocol emulators do not serve. */
    public CloudWatchApi cloudWatch() {
        return runtimeClients.cloudWatch();
    }

    /** ECS through the runtime's own calls, the ones the failover function makes. */
    public EcsApi ecs() {
        return runtimeClients.ecs();
    }

    public SnsClient sns(String region) {
        return get("sns", region, r -> configure(SnsClient.builder(), r).build());
    }

    public Route53Client route53() {
        return get("route53", GLOBAL.id(), r -> configure(Route53Client.builder(), r).build());
    }

    // Safe: each key is stored by one accessor only, with the type that accessor reads back.
    @SuppressWarnings("unchecked")
    private <T extends SdkClient> T get(String service, String region, Function<String, T> factory) {
        return (T) clients.computeIfAbsent(service + "@" + region, key -> factory.apply(region));
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder, String region) {
        builder.region(Region.of(region)).endpointOverride(endpoint).credentialsProvider(credentials);
        if (builder instanceof software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<?, ?> sync) {
            sync.httpClient(http);
        }
        return builder;
    }

    @Override
    public void close() {
        clients.values().forEach(SdkClient::close);
        clients.clear();
        runtimeClients.close();
        http.close();
    }
}
