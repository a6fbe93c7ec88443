package io.github.drkit.archive;

import io.github.drkit.internal.protection.Durations;
import io.github.drkit.internal.protection.NagSuppression;
import io.github.drkit.objectives.DrStrategy;
import io.github.drkit.objectives.EstimateTerm;
import io.github.drkit.objectives.RecoveryEstimate;
import io.github.drkit.objectives.RecoveryEstimator;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.iam.Grant;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.GrantReplicationPermissionDestinationProps;
import software.amazon.awscdk.services.s3.GrantReplicationPermissionProps;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectLockMode;
import software.amazon.awscdk.services.s3.ObjectLockRetention;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.amazon.awscdk.services.s3.ReplicationRule;
import software.amazon.awscdk.services.s3.ReplicationTimeValue;
import software.amazon.awscdk.services.s3.Transition;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An S3 archive whose lifecycle answers three questions (how long objects stay in real-time access,
 * how long they are retained, when they are evacuated) over S3 Standard, Standard-IA and Glacier
 * Instant / Flexible Retrieval / Deep Archive. Versioned, KMS-encrypted, TLS only, no public access,
 * server access logs, optional Object Lock (WORM) and replication to the recovery Region with
 * Replication Time Control.
 *
 * <p>The lifecycle is checked at construction against the S3 rules (30 days before Standard-IA,
 * tiers in order, minimum storage durations, no expiration before the last transition), and the
 * construct states how long an object takes to read back from its coldest tier.
 *
 * <pre>{@code
 * GlacierLifecycle archive = new GlacierLifecycle(this, "Archive", GlacierLifecycleProps.builder()
 *     .realTimeAccess(Duration.days(90))          // Standard (then Standard-IA at 30 days)
 *     .infrequentAccessAfter(Duration.days(30))
 *     .archiveTier(StorageTier.GLACIER_FLEXIBLE_RETRIEVAL)
 *     .deepArchiveAfter(Duration.days(180))
 *     .retainFor(Duration.days(7 * 365))          // then evacuated
 *     .objectLockMode(ObjectLockMode.GOVERNANCE)
 *     .build());
 * }</pre>
 */
public class GlacierLifecycle extends Construct implements RecoveryEstimator {
    /** S3 Replication Time Control: 99.99 % of objects within 15 minutes (S3 SLA). */
    static final java.time.Duration RTC_BOUND = io.github.drkit.objectives.AwsFigures.S3_RTC_REPLICATION;

    private final GlacierLifecycleProps props;
    private final LifecyclePlan plan;
    private final IKey encryptionKey;
    private final IBucket accessLogsBucket;
    private final Bucket bucket;
    private final Role replicationRole;

    /** An archive with every default: 90 days real-time, Glacier Flexible Retrieval, retained and evacuated at 365 days. */
    public GlacierLifecycle(Construct scope, String id) {
        this(scope, id, GlacierLifecycleProps.builder().build());
    }

    public GlacierLifecycle(Construct scope, String id, GlacierLifecycleProps props) {
        super(scope, id);
        // S3 disables ACLs on new buckets: log delivery is granted by bucket policy, whatever the
        // app's feature flags say (the ACL path conflicts with BucketOwnerEnforced).
        getNode().setContext("@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy", true);
        this.props = props;
        this.plan = LifecyclePlan.check(props, message -> {
            if (!props.getAllowEarlyDeletionFees()) {
                throw new IllegalArgumentException(message);
            }
            Annotations.of(this).addWarningV2("drkit:archive:earlyDeletion", message);
        });
        StorageTier coldest = plan.coldestTier();
        if (coldest == StorageTier.DEEP_ARCHIVE && props.getRetrievalOption() == RetrievalOption.EXPEDITED) {
            throw LifecyclePlan.error("retrievalOption EXPEDITED is not available for DEEP_ARCHIVE "
                    + "(standard within 12 hours, bulk within 48 hours)");
        }
        ObjectLockRetention lock = objectLock(props);

        this.encryptionKey = props.getEncryptionKey() != null ? props.getEncryptionKey()
                : Key.Builder.create(this, "Key")
                        .description("Encrypts the objects of the archive " + getNode().getPath())
                        .enableKeyRotation(true)
                        .removalPolicy(props.getRemovalPolicy())
                        .build();
        this.accessLogsBucket = props.getServerAccessLogsBucket() != null ? props.getServerAccessLogsBucket() : accessLogs(props);
        this.replicationRole = props.getReplication() == null ? null
                : Role.Builder.create(this, "ReplicationRole")
                        .assumedBy(new ServicePrincipal("s3.amazonaws.com"))
                        .description("S3 replication of the archive " + getNode().getPath() + " to the recovery Region")
                        .build();

        Bucket.Builder b = Bucket.Builder.create(this, "Bucket")
                .versioned(true)
                .encryption(BucketEncryption.KMS)
                .encryptionKey(encryptionKey)
                // S3 Bucket Keys cut KMS requests (and cost) by orders of magnitude for archives.
                .bucketKeyEnabled(true)
                .enforceSsl(true)
                .minimumTlsVersion(1.2)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .serverAccessLogsBucket(accessLogsBucket)
                .serverAccessLogsPrefix("s3-access/")
                .lifecycleRules(lifecycleRules(props, plan))
                .removalPolicy(props.getRemovalPolicy());
        if (props.getBucketName() != null) {
            b.bucketName(props.getBucketName());
        }
        if (lock != null) {
            b.objectLockEnabled(true).objectLockDefaultRetention(lock);
        }
        if (props.getReplication() != null) {
            b.replicationRole(replicationRole).replicationRules(List.of(replicationRule(props.getReplication())));
        }
        this.bucket = b.build();
        if (props.getReplication() != null) {
            grantReplication(props.getReplication(), lock != null);
        }
    }

    private static ObjectLockRetention objectLock(GlacierLifecycleProps p) {
        if (p.getObjectLockMode() == null) {
            return null;
        }
        if (Durations.known(p.getRetainFor()) && Durations.days(p.getRetainFor()) > 36_500) {
            throw LifecyclePlan.error("retainFor must be at most 36500 days with Object Lock (got " + LifecyclePlan.human(p.getRetainFor())
                    + "): S3 Object Lock retains for at most 100 years");
        }
        return p.getObjectLockMode() == ObjectLockMode.COMPLIANCE
                ? ObjectLockRetention.compliance(p.getRetainFor())
                : ObjectLockRetention.governance(p.getRetainFor());
    }

    private IBucket accessLogs(GlacierLifecycleProps p) {
        Bucket logs = Bucket.Builder.create(this, "AccessLogs")
                // S3 delivers server access logs only to buckets with SSE-S3 default encryption.
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .minimumTlsVersion(1.2)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .versioned(true)
                .lifecycleRules(List.of(LifecycleRule.builder().id("ExpireLogs")
                        .expiration(p.getAccessLogsRetention())
                        .noncurrentVersionExpiration(Duration.days(1))
                        .abortIncompleteMultipartUploadAfter(Duration.days(1))
                        .build()))
                .removalPolicy(p.getRemovalPolicy())
                .build();
        // No cdk-nag suppression needed: AwsSolutions-S1 accepts a bucket that is another bucket's
        // server access log target in the same stack.
        return logs;
    }

    private static List<LifecycleRule> lifecycleRules(GlacierLifecycleProps p, LifecyclePlan plan) {
        List<Transition> transitions = new ArrayList<>();
        for (LifecyclePlan.Step s : plan.steps()) {
            transitions.add(Transition.builder().storageClass(s.tier().storageClass()).transitionAfter(s.after()).build());
        }
        LifecycleRule.Builder current = LifecycleRule.builder().id("Lifecycle")
                .noncurrentVersionExpiration(p.getNoncurrentVersionExpiration())
                .abortIncompleteMultipartUploadAfter(Duration.days(7));
        if (!transitions.isEmpty()) {
            current.transitions(transitions);
        }
        if (p.getEvacuateAfter() != null) {
            current.expiration(p.getEvacuateAfter());
        }
        // S3 rejects ExpiredObjectDeleteMarker in a rule that also expires by age: a rule of its own
        // removes the delete markers left once every version behind them has expired.
        LifecycleRule markers = LifecycleRule.builder().id("DeleteMarkers").expiredObjectDeleteMarker(true).build();
        return List.of(current.build(), markers);
    }

    private static ReplicationRule replicationRule(ArchiveReplication r) {
        ReplicationRule.Builder rule = ReplicationRule.builder()
                .id("RecoveryRegion")
                .destination(r.getDestination())
                // Deletes stay in the primary Region: a delete (or ransomware) there must not erase the copy.
                .deleteMarkerReplication(false)
                .sseKmsEncryptedObjects(true);
        if (r.getDestinationKey() != null) {
            rule.kmsKey(r.getDestinationKey());
        }
        if (r.getReplicationTimeControl()) {
            rule.replicationTimeControl(ReplicationTimeValue.FIFTEEN_MINUTES).metrics(ReplicationTimeValue.FIFTEEN_MINUTES);
        }
        if (r.getReplicaStorageClass() != null) {
            rule.storageClass(r.getReplicaStorageClass());
        }
        return rule.build();
    }

    private void grantReplication(ArchiveReplication r, boolean objectLock) {
        GrantReplicationPermissionDestinationProps.Builder dest = GrantReplicationPermissionDestinationProps.builder()
                .bucket(r.getDestination());
        if (r.getDestinationKey() != null) {
            dest.encryptionKey(r.getDestinationKey());
        }
        bucket.grantReplicationPermission(replicationRole, GrantReplicationPermissionProps.builder()
                .sourceDecryptionKey(encryptionKey)
                .destinations(List.of(dest.build()))
                .build());
        if (r.getDestinationKeyAlias() != null) {
            String region = r.getDestination().getEnv().getRegion();
            String account = r.getDestination().getEnv().getAccount();
            String aliasArn = "arn:" + Aws.PARTITION + ":kms:" + region + ":" + account + ":" + r.getDestinationKeyAlias();
            // The key lives in a stack of another Region, so its id is unknown here; the alias is
            // stable. IAM cannot name a key by alias in Resource, so the statement covers the keys of
            // that account and Region and the condition narrows it to the key carrying the alias.
            replicationRole.addToPrincipalPolicy(PolicyStatement.Builder.create()
                    .actions(List.of("kms:Encrypt", "kms:GenerateDataKey"))
                    .resources(List.of("arn:" + Aws.PARTITION + ":kms:" + region + ":" + account + ":key/*"))
                    .conditions(Map.of("ForAnyValue:StringEquals", Map.of("kms:ResourceAliases", r.getDestinationKeyAlias())))
                    .build());
            software.amazon.awscdk.services.s3.CfnBucket cfn = (software.amazon.awscdk.services.s3.CfnBucket) bucket.getNode().getDefaultChild();
            cfn.addPropertyOverride("ReplicationConfiguration.Rules.0.Destination.EncryptionConfiguration.ReplicaKmsKeyID", aliasArn);
        }
        if (objectLock) {
            // Replicating Object Lock retention and legal holds needs read access to both.
            replicationRole.addToPrincipalPolicy(PolicyStatement.Builder.create()
                    .actions(List.of("s3:GetObjectRetention", "s3:GetObjectLegalHold"))
                    .resources(List.of(bucket.arnForObjects("*")))
                    .build());
        }
        NagSuppression.add(replicationRole.getNode().tryFindChild("DefaultPolicy"), "AwsSolutions-IAM5",
                "S3 replication reads and writes object versions, so object-level actions need the bucket's object "
                        + "ARN pattern (bucket/*) of exactly the source and destination buckets; the KMS statements "
                        + "are limited to the two archive keys (the destination by its kms:ResourceAliases condition) "
                        + "and to S3 through kms:ViaService where CDK adds it.", List.of(
                        NagSuppression.regex("^Resource::<[A-Za-z0-9]+\\.Arn>/\\*$"),
                        NagSuppression.regex("^Resource::arn:(aws[a-z-]*|<AWS::Partition>):s3:::[^/]+/\\*$"),
                        NagSuppression.regex("^Resource::arn:<AWS::Partition>:kms:[^:]+:[^:]+:key/\\*$")));
    }

    /** The archive bucket: attach event notifications, grants and catalogues to it. */
    public IBucket getBucket() {
        return bucket;
    }

    /** The KMS key that encrypts the archive's objects. */
    public IKey getEncryptionKey() {
        return encryptionKey;
    }

    /** The bucket that receives the archive's server access logs. */
    public IBucket getAccessLogsBucket() {
        return accessLogsBucket;
    }

    /** The role S3 replication assumes, or null without replication. */
    public IRole getReplicationRole() {
        return replicationRole;
    }

    /** The coldest tier an object reaches before it is evacuated, or null when objects stay in S3 Standard. */
    public StorageTier getColdestTier() {
        return plan.coldestTier();
    }

    /** How long the oldest (coldest) object takes to read back with the configured retrieval option. */
    public ReadBackTime worstCaseReadBack() {
        return ReadBackTime.of(plan.coldestTier(), props.getRetrievalOption());
    }

    /** How long the oldest (coldest) object takes to read back with the given retrieval option. */
    public ReadBackTime worstCaseReadBack(RetrievalOption option) {
        return ReadBackTime.of(plan.coldestTier(), option);
    }

    /** Read access to the objects (and decrypt on the key). */
    public Grant grantRead(IGrantable grantee) {
        return bucket.grantRead(grantee);
    }

    /** Write access to the objects (and encrypt on the key). */
    public Grant grantWrite(IGrantable grantee) {
        return bucket.grantWrite(grantee);
    }

    /**
     * RTO: the worst-case read back from the coldest tier. RPO: the replication lag to the recovery
     * Region, bounded only with Replication Time Control (15 minutes); unbounded without it, and
     * unbounded when nothing is copied to another Region.
     */
    @Override
    public RecoveryEstimate recoveryEstimate() {
        ReadBackTime read = worstCaseReadBack();
        List<EstimateTerm> rto = List.of(EstimateTerm.of("read back from " + (read.tier() == null ? "STANDARD" : read.tier().name()),
                read.worstCase(), read.basis(), read.tier() != null && !read.tier().realTime()
                        ? "GlacierLifecycleProps.retrievalOption" : null));
        RecoveryEstimate.Builder e = RecoveryEstimate.builder()
                .source(getNode().getPath())
                .strategy(DrStrategy.BACKUP_RESTORE)
                .rtoTerms(rto);
        ArchiveReplication r = props.getReplication();
        String here = Stack.of(this).getRegion();
        if (r == null) {
            return e.rpoUnboundedReason("GlacierLifecycle " + getNode().getPath() + ": objects have no copy in another Region; "
                    + "set replication to a bucket in the recovery Region").build();
        }
        String there = r.getDestination().getEnv().getRegion();
        if (!Token.isUnresolved(here) && !Token.isUnresolved(there) && here.equals(there)) {
            return e.rpoUnboundedReason("GlacierLifecycle " + getNode().getPath() + ": the replica is in the same Region (" + here
                    + "); a Regional disaster loses both copies").build();
        }
        if (!r.getReplicationTimeControl()) {
            return e.rpoUnboundedReason("GlacierLifecycle " + getNode().getPath() + ": replication without Replication Time Control "
                    + "has no time bound (most objects replicate within minutes, some take hours); "
                    + "set ArchiveReplication.replicationTimeControl(true)").build();
        }
        return e.rpoTerms(List.of(EstimateTerm.of("replication to " + there, RTC_BOUND,
                "S3 Replication Time Control: 99.99 % of objects replicated within 15 minutes (S3 SLA)",
                "ArchiveReplication.replicationTimeControl"))).build();
    }
}
