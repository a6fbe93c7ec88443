package io.github.drkit.apps.strategies;

import io.github.drkit.internal.protection.NagSuppression;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.ec2.FlowLogDestination;
import software.amazon.awscdk.services.ec2.FlowLogOptions;
import software.amazon.awscdk.services.ec2.FlowLogTrafficType;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * A site's network in one Region: a two-AZ VPC (public, private with egress, isolated for data) with
 * flow logs to S3, and the bucket that holds the flow logs and the load balancer's access logs.
 */
public final class RegionNetwork extends Construct {
    private final Vpc vpc;
    private final Bucket logs;

    public RegionNetwork(Construct scope, String id) {
        super(scope, id);
        // Load balancer access logs require SSE-S3 (ELB cannot use a KMS key for them).
        this.logs = Bucket.Builder.create(this, "Logs")
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .versioned(true)
                .lifecycleRules(List.of(LifecycleRule.builder().expiration(Duration.days(365)).noncurrentVersionExpiration(Duration.days(30)).build()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        NagSuppression.add(logs, "AwsSolutions-S1", "This bucket is itself the log destination (VPC flow logs and load balancer "
                + "access logs); logging its own access would only log the log deliveries into a second bucket.", List.of());
        this.vpc = Vpc.Builder.create(this, "Vpc")
                .maxAzs(2)
                .natGateways(1)
                .subnetConfiguration(List.of(
                        SubnetConfiguration.builder().name("public").subnetType(SubnetType.PUBLIC).cidrMask(24).build(),
                        SubnetConfiguration.builder().name("app").subnetType(SubnetType.PRIVATE_WITH_EGRESS).cidrMask(22).build(),
                        SubnetConfiguration.builder().name("data").subnetType(SubnetType.PRIVATE_ISOLATED).cidrMask(24).build()))
                .flowLogs(java.util.Map.of("FlowLogs", FlowLogOptions.builder()
                        .destination(FlowLogDestination.toS3(logs, "flow-logs/"))
                        .trafficType(FlowLogTrafficType.ALL)
                        .build()))
                .build();
    }

    public IVpc vpc() {
        return vpc;
    }

    public IBucket logs() {
        return logs;
    }
}
