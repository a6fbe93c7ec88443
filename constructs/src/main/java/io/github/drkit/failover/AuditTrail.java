package io.github.drkit.failover;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.amazon.awscdk.services.s3.StorageClass;
import software.amazon.awscdk.services.s3.Transition;
import software.constructs.Construct;

/**
 * The bucket that keeps the JSON report of every run (status, evaluate, failover, failback), keyed
 * {@code <application>/<action>/<yyyy>/<mm>/<dd>/<time>-<request>.json}: encrypted, versioned, TLS only, private, its
 * access logged, reports moved to Glacier Flexible Retrieval after {@value #ARCHIVE_AFTER_DAYS} days and kept.
 */
final class AuditTrail {
    /** Reports are read in the weeks after a run; later they are kept for audits, which can wait for a restore. */
    static final int ARCHIVE_AFTER_DAYS = 90;

    private AuditTrail() {
    }

    static IBucket bucket(Construct parent) {
        Construct scope = new Construct(parent, "Audit");
        // Access logs are delivered under a bucket policy, not the log-delivery ACL, so both buckets can enforce
        // bucket-owner object ownership.
        scope.getNode().setContext("@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy", true);
        Bucket logs = Bucket.Builder.create(scope, "AccessLogs")
                // S3 delivers server access logs only to buckets with SSE-S3 default encryption.
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .minimumTlsVersion(1.2)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .versioned(true)
                .lifecycleRules(List.of(LifecycleRule.builder().id("ExpireLogs")
                        .expiration(Duration.days(365))
                        .noncurrentVersionExpiration(Duration.days(1))
                        .abortIncompleteMultipartUploadAfter(Duration.days(1))
                        .build()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        // SSE-S3 rather than a KMS key: a report is read by whoever investigates a run, and a key policy would have to
        // name them in advance; the bucket policy and IAM decide who reads.
        return Bucket.Builder.create(scope, "AuditTrail")
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .minimumTlsVersion(1.2)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .versioned(true)
                .serverAccessLogsBucket(logs)
                .serverAccessLogsPrefix("audit/")
                .lifecycleRules(List.of(LifecycleRule.builder().id("ArchiveReports")
                        .transitions(List.of(Transition.builder().storageClass(StorageClass.GLACIER)
                                .transitionAfter(Duration.days(ARCHIVE_AFTER_DAYS)).build()))
                        .noncurrentVersionTransitions(List.of(software.amazon.awscdk.services.s3.NoncurrentVersionTransition.builder()
                                .storageClass(StorageClass.GLACIER).transitionAfter(Duration.days(ARCHIVE_AFTER_DAYS)).build()))
                        .abortIncompleteMultipartUploadAfter(Duration.days(1))
                        .build()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
    }
}
