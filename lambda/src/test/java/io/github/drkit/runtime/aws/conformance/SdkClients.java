package io.github.drkit.runtime.aws.conformance;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.servicequotas.ServiceQuotasClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sts.StsClient;

/** The AWS SDK's own service clients, pointed at the capturing server, without retries: the oracle of the suite. */
final class SdkClients implements AutoCloseable {
    private final URI endpoint;
    private final Region region;
    private final AwsCredentialsProvider credentials;
    private final List<AutoCloseable> built = new ArrayList<>();

    final Ec2Client ec2;
    final AutoScalingClient autoScaling;
    final ElasticLoadBalancingV2Client elb;
    final RdsClient rds;
    final SnsClient sns;
    final SsmClient ssm;
    final ServiceQuotasClient serviceQuotas;
    final S3Client s3;
    final CloudWatchClient cloudWatch;
    final DynamoDbClient dynamoDb;
    final Route53Client route53;
    final StsClient sts;
    final software.amazon.awssdk.services.iam.IamClient iam;
    final AthenaClient athena;
    final GlueClient glue;
    final EcsClient ecs;
    final EksClient eks;
    final software.amazon.awssdk.services.lambda.LambdaClient lambda;
    final software.amazon.awssdk.services.backup.BackupClient backup;

    SdkClients(URI endpoint, Region region, AwsCredentialsProvider credentials) {
        this.endpoint = endpoint;
        this.region = region;
        this.credentials = credentials;
        this.ec2 = build(Ec2Client::builder);
        this.autoScaling = build(AutoScalingClient::builder);
        this.elb = build(ElasticLoadBalancingV2Client::builder);
        this.rds = build(RdsClient::builder);
        this.sns = build(SnsClient::builder);
        this.ssm = build(SsmClient::builder);
        this.serviceQuotas = build(ServiceQuotasClient::builder);
        // Path-style, as the runtime addresses buckets; checksums only where S3 requires them and no chunked signing (the SDK's
        // choice over plain HTTP), as the runtime sends the payload whole with its SHA-256.
        this.s3 = keep(S3Client.builder().endpointOverride(endpoint).region(region).credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).forcePathStyle(true)
                .serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder().chunkedEncodingEnabled(false).build())
                .requestChecksumCalculation(software.amazon.awssdk.core.checksums.RequestChecksumCalculation.WHEN_REQUIRED)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build());
        this.cloudWatch = build(CloudWatchClient::builder);
        this.dynamoDb = build(DynamoDbClient::builder);
        // Route 53 is global: against AWS the SDK signs for the partition's home Region whatever the client's Region
        // (EndpointsConformanceTest checks that for every Region); with an endpoint override it signs for the client's
        // Region, so the client here is in the home Region.
        this.route53 = keep(Route53Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build());
        this.sts = build(StsClient::builder);
        // IAM is global like Route 53: the client is in the home Region the runtime signs for.
        this.iam = keep(software.amazon.awssdk.services.iam.IamClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build());
        this.athena = build(AthenaClient::builder);
        this.glue = build(GlueClient::builder);
        this.ecs = build(EcsClient::builder);
        this.eks = build(EksClient::builder);
        this.lambda = build(software.amazon.awssdk.services.lambda.LambdaClient::builder);
        this.backup = build(software.amazon.awssdk.services.backup.BackupClient::builder);
    }

    private <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C extends AutoCloseable> C build(Supplier<B> builder) {
        return keep(builder.get().endpointOverride(endpoint).region(region).credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build());
    }

    private <C extends AutoCloseable> C keep(C client) {
        built.add(client);
        return client;
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable client : built) {
            client.close();
        }
    }
}
