package io.github.drkit.archive;

import io.github.drkit.objectives.RecoveryEstimate;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.s3.BucketAttributes;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.ObjectLockMode;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GlacierLifecycleTest {

    private static Stack stack() {
        return new Stack(new App(), "Archive", StackProps.builder()
                .env(Environment.builder().account("111111111111").region("us-east-1").build()).build());
    }

    private static IBucket replica(Stack stack) {
        return Bucket.fromBucketAttributes(stack, "Replica", BucketAttributes.builder()
                .bucketName("archive-replica").region("us-west-2").account("111111111111").build());
    }

    @Test
    void constructor_whenDefaults_buildsSecureVersionedArchive() {
        Stack stack = stack();
        GlacierLifecycle archive = new GlacierLifecycle(stack, "Archive");
        Template t = Template.fromStack(stack);

        t.hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of(
                "VersioningConfiguration", Map.of("Status", "Enabled"),
                "BucketEncryption", Map.of("ServerSideEncryptionConfiguration", List.of(Map.of(
                        "BucketKeyEnabled", true,
                        "ServerSideEncryptionByDefault", Match.objectLike(Map.of("SSEAlgorithm", "aws:kms"))))),
                "PublicAccessBlockConfiguration", Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true,
                        "IgnorePublicAcls", true, "RestrictPublicBuckets", true),
                "LoggingConfiguration", Match.objectLike(Map.of("LogFilePrefix", "s3-access/")),
                "LifecycleConfiguration", Map.of("Rules", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Id", "Lifecycle",
                        "Status", "Enabled",
                        "ExpirationInDays", 365,
                        "NoncurrentVersionExpiration", Map.of("NoncurrentDays", 365),
                        "AbortIncompleteMultipartUpload", Map.of("DaysAfterInitiation", 7),
                        "Transitions", List.of(Map.of("StorageClass", "GLACIER", "TransitionInDays", 90))))))))));
        t.hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of(
                "LifecycleConfiguration", Map.of("Rules", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Id", "DeleteMarkers", "ExpiredObjectDeleteMarker", true))))))));
        // TLS only on the archive and on its log bucket.
        t.resourcePropertiesCountIs("AWS::S3::BucketPolicy", Match.objectLike(Map.of("PolicyDocument", Map.of(
                "Statement", Match.arrayWith(List.of(Match.objectLike(Map.of("Effect", "Deny",
                        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false"))))))))), 2);
        t.hasResourceProperties("AWS::KMS::Key", Map.of("EnableKeyRotation", true));
        t.hasResource("AWS::S3::Bucket", Match.objectLike(Map.of("DeletionPolicy", "Retain")));
        t.hasResource("AWS::S3::Bucket", Match.objectLike(Map.of(
                "Metadata", Match.absent(),
                "Properties", Match.objectLike(Map.of("BucketEncryption", Map.of("ServerSideEncryptionConfiguration", List.of(Map.of(
                        "ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "AES256")))))))));
        t.resourceCountIs("AWS::IAM::Role", 0);
        assertEquals(StorageTier.GLACIER_FLEXIBLE_RETRIEVAL, archive.getColdestTier());
    }

    @Test
    void constructor_whenAllTiers_transitionsInOrder() {
        Stack stack = stack();
        new GlacierLifecycle(stack, "Archive", GlacierLifecycleProps.builder()
                .infrequentAccessAfter(Duration.days(30))
                .instantRetrievalAfter(Duration.days(60))
                .realTimeAccess(Duration.days(150))
                .deepArchiveAfter(Duration.days(240))
                .retainFor(Duration.days(2555))
                .build());
        Template.fromStack(stack).hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of(
                "LifecycleConfiguration", Map.of("Rules", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "ExpirationInDays", 2555,
                        "Transitions", List.of(
                                Map.of("StorageClass", "STANDARD_IA", "TransitionInDays", 30),
                                Map.of("StorageClass", "GLACIER_IR", "TransitionInDays", 60),
                                Map.of("StorageClass", "GLACIER", "TransitionInDays", 150),
                                Map.of("StorageClass", "DEEP_ARCHIVE", "TransitionInDays", 240))))))))));
    }

    @Test
    void constructor_whenDeepArchiveTierAndNeverEvacuate_hasNoExpiration() {
        Stack stack = stack();
        GlacierLifecycle archive = new GlacierLifecycle(stack, "Archive", GlacierLifecycleProps.builder()
                .realTimeAccess(Duration.days(30)).archiveTier(StorageTier.DEEP_ARCHIVE).neverEvacuate(true).build());
        Template.fromStack(stack).hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of(
                "LifecycleConfiguration", Map.of("Rules", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Id", "Lifecycle",
                        "ExpirationInDays", Match.absent(),
                        "Transitions", List.of(Map.of("StorageClass", "DEEP_ARCHIVE", "TransitionInDays", 30))))))))));
        assertEquals(java.time.Duration.ofHours(12), archive.worstCaseReadBack().worstCase());
        assertEquals(java.time.Duration.ofHours(48), archive.worstCaseReadBack(RetrievalOption.BULK).worstCase());
    }

    @Test
    void constructor_whenEvacuatedBeforeArchive_neverArchives() {
        Stack stack = stack();
        GlacierLifecycle archive = new GlacierLifecycle(stack, "Archive", GlacierLifecycleProps.builder()
                .infrequentAccessAfter(Duration.days(30)).realTimeAccess(Duration.days(120)).retainFor(Duration.days(90)).build());
        Template.fromStack(stack).hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of(
                "LifecycleConfiguration", Map.of("Rules", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "ExpirationInDays", 90,
                        "Transitions", List.of(Map.of("StorageClass", "STANDARD_IA", "TransitionInDays", 30))))))))));
        assertEquals(StorageTier.STANDARD_IA, archive.getColdestTier());
        assertEquals(java.time.Duration.ZERO, archive.recoveryEstimate().rto());
    }

    @Test
    void constructor_whenObjectLockCompliance_setsDefaultRetention() {
        Stack stack = stack();
        new GlacierLifecycle(stack, "Archive", GlacierLifecycleProps.builder()
                .objectLockMode(ObjectLockMode.COMPLIANCE).retainFor(Duration.days(400)).build());
        Template.fromStack(stack).hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of(
                "ObjectLockEnabled", true,
                "ObjectLockConfiguration", Map.of("ObjectLockEnabled", "Enabled",
                        "Rule", Map.of("DefaultRetention", Map.of("Mode", "COMPLIANCE", "Days", 400))))));
    }

    @Test
    void constructor_whenObjectLockGovernance_setsGovernanceMode() {
        Stack stack = stack();
        new GlacierLifecycle(stack, "Archive", GlacierLifecycleProps.builder().objectLockMode(ObjectLockMode.GOVERNANCE).build());
        Template.fromStack(stack).hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of(
                "ObjectLockConfiguration", Map.of("ObjectLockEnabled", "Enabled",
                        "Rule", Map.of("DefaultRetention", Map.of("Mode", "GOVERNANCE", "Days", 365))))));
    }

    @Test
    void constructor_whenReplicationWithKey_replicatesWithRtcAndReplicaKey() {
        Stack stack = stack();
        IBucket replica = replica(stack);
        GlacierLifecycle archive = new GlacierLifecycle(stack, "Archive", GlacierLifecycleProps.builder()
                .replication(ArchiveReplication.builder().destination(replica)
                        .destinationKey(Key.fromKeyArn(stack, "ReplicaKey", "arn:aws:kms:us-west-2:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab"))
                        .build())
                .build());
        Template t = Template.fromStack(stack);
        t.hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of("ReplicationConfiguration", Match.objectLike(Map.of(
                "Rules", List.of(Match.objectLike(Map.of(
                        "Id", "RecoveryRegion",
                        "Status", "Enabled",
                        "DeleteMarkerReplication", Map.of("Status", "Disabled"),
                        "SourceSelectionCriteria", Map.of("SseKmsEncryptedObjects", Map.of("Status", "Enabled")),
                        "Destination", Match.objectLike(Map.of(
                                "EncryptionConfiguration", Map.of("ReplicaKmsKeyID", "arn:aws:kms:us-west-2:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab"),
                                "ReplicationTime", Map.of("Status", "Enabled", "Time", Map.of("Minutes", 15)),
                                "Metrics", Map.of("Status", "Enabled", "EventThreshold", Map.of("Minutes", 15))))))))))));
        t.hasResourceProperties("AWS::IAM::Policy", Match.objectLike(Map.of("PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(
                Match.objectLike(Map.of("Action", Match.arrayWith(List.of("s3:ReplicateObject")))),
                Match.objectLike(Map.of("Resource", "arn:aws:kms:us-west-2:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab"))))))));

        RecoveryEstimate e = archive.recoveryEstimate();
        assertTrue(e.rpoBounded());
        assertEquals(java.time.Duration.ofMinutes(15), e.rpo());
        assertEquals("replication to us-west-2", e.rpoTerms().get(0).name());
        assertEquals(java.time.Duration.ofHours(5), e.rto());
        assertEquals("GlacierLifecycleProps.retrievalOption", e.rtoTerms().get(0).prop());
    }

    @Test
    void constructor_whenReplicationWithKeyAlias_grantsByAliasCondition() {
        Stack stack = stack();
        new GlacierLifecycle(stack, "Archive", GlacierLifecycleProps.builder()
                .objectLockMode(ObjectLockMode.GOVERNANCE)
                .replication(ArchiveReplication.builder().destination(replica(stack)).destinationKeyAlias("alias/archive-replica").build())
                .build());
        Template t = Template.fromStack(stack);
        t.hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of("ReplicationConfiguration", Match.objectLike(Map.of(
                "Rules", List.of(Match.objectLike(Map.of("Destination", Match.objectLike(Map.of(
                        "EncryptionConfiguration", Map.of("ReplicaKmsKeyID", Map.of("Fn::Join", List.of("", List.of(
                                "arn:", Map.of("Ref", "AWS::Partition"), ":kms:us-west-2:111111111111:alias/archive-replica"))))))))))))));
        t.hasResourceProperties("AWS::IAM::Policy", Match.objectLike(Map.of("PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(
                Match.objectLike(Map.of(
                        "Action", List.of("kms:Encrypt", "kms:GenerateDataKey"),
                        "Condition", Map.of("ForAnyValue:StringEquals", Map.of("kms:ResourceAliases", "alias/archive-replica")))),
                Match.objectLike(Map.of("Action", List.of("s3:GetObjectRetention", "s3:GetObjectLegalHold")))))))));
        t.hasResource("AWS::IAM::Policy", Match.objectLike(Map.of("Metadata", Map.of("cdk_nag", Map.of("rules_to_suppress",
                List.of(Match.objectLike(Map.of("id", "AwsSolutions-IAM5"))))))));
    }

    @Test
    void recoveryEstimate_whenNoReplication_isUnbounded() {
        Stack stack = stack();
        GlacierLifecycle archive = new GlacierLifecycle(stack, "Archive");
        RecoveryEstimate e = archive.recoveryEstimate();
        assertFalse(e.rpoBounded());
        assertTrue(e.rpoUnboundedReason().contains("objects have no copy in another Region"), e.rpoUnboundedReason());
        assertEquals("Archive/Archive", e.source());
        assertEquals(java.time.Duration.ofHours(5), e.rto());
        assertTrue(e.rtoTerms().get(0).basis().contains("standard restore: 3-5 hours"));
    }

    @Test
    void recoveryEstimate_whenReplicationWithoutRtc_isUnbounded() {
        Stack stack = stack();
        GlacierLifecycle archive = new GlacierLifecycle(stack, "Archive", GlacierLifecycleProps.builder()
                .retrievalOption(RetrievalOption.EXPEDITED)
                .replication(ArchiveReplication.builder().destination(replica(stack)).destinationKeyAlias("alias/r")
                        .replicationTimeControl(false).build())
                .build());
        Template.fromStack(stack).hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of("ReplicationConfiguration", Match.objectLike(Map.of(
                "Rules", List.of(Match.objectLike(Map.of("Destination", Match.objectLike(Map.of("ReplicationTime", Match.absent()))))))))));
        RecoveryEstimate e = archive.recoveryEstimate();
        assertFalse(e.rpoBounded());
        assertTrue(e.rpoUnboundedReason().contains("without Replication Time Control has no time bound"), e.rpoUnboundedReason());
        assertEquals(java.time.Duration.ofMinutes(5), e.rto());
    }

    @Test
    void recoveryEstimate_whenReplicaInSameRegion_isUnbounded() {
        Stack stack = stack();
        GlacierLifecycle archive = new GlacierLifecycle(stack, "Archive", GlacierLifecycleProps.builder()
                .replication(ArchiveReplication.builder().destination(Bucket.fromBucketAttributes(stack, "Same",
                        BucketAttributes.builder().bucketName("same").region("us-east-1").account("111111111111").build()))
                        .destinationKeyAlias("alias/r").build())
                .build());
        assertTrue(archive.recoveryEstimate().rpoUnboundedReason().contains("the replica is in the same Region (us-east-1)"));
    }

    @Test
    void constructor_whenGivenKeyAndLogBucket_usesThem() {
        Stack stack = stack();
        Key key = Key.Builder.create(stack, "MyKey").enableKeyRotation(true).build();
        IBucket logs = Bucket.fromBucketName(stack, "Logs", "my-logs");
        GlacierLifecycle archive = new GlacierLifecycle(stack, "Archive", GlacierLifecycleProps.builder()
                .encryptionKey(key).serverAccessLogsBucket(logs).bucketName("my-archive").build());
        Template t = Template.fromStack(stack);
        t.resourceCountIs("AWS::KMS::Key", 1);
        t.resourceCountIs("AWS::S3::Bucket", 1);
        t.hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of("BucketName", "my-archive",
                "LoggingConfiguration", Map.of("DestinationBucketName", "my-logs", "LogFilePrefix", "s3-access/"))));
        assertEquals(key, archive.getEncryptionKey());
        assertEquals(logs, archive.getAccessLogsBucket());
        assertNull(archive.getReplicationRole());
    }

    @Test
    void grantRead_whenRole_grantsObjectsAndKey() {
        Stack stack = stack();
        GlacierLifecycle archive = new GlacierLifecycle(stack, "Archive");
        software.amazon.awscdk.services.iam.Role role = software.amazon.awscdk.services.iam.Role.Builder.create(stack, "Reader")
                .assumedBy(new software.amazon.awscdk.services.iam.AccountRootPrincipal()).build();
        archive.grantRead(role);
        archive.grantWrite(role);
        Template.fromStack(stack).hasResourceProperties("AWS::IAM::Policy", Match.objectLike(Map.of("PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(
                Match.objectLike(Map.of("Action", Match.arrayWith(List.of("s3:GetObject*")))),
                Match.objectLike(Map.of("Action", Match.arrayWith(List.of("kms:Decrypt"))))))))));
    }

    // --- validation messages ---

    private static IllegalArgumentException invalid(GlacierLifecycleProps.Builder props) {
        return assertThrows(IllegalArgumentException.class, () -> new GlacierLifecycle(stack(), "Archive", props.build()));
    }

    @Test
    void constructor_whenInfrequentAccessBefore30Days_fails() {
        assertEquals("GlacierLifecycle: infrequentAccessAfter must be at least 30 days (got 10 days): S3 keeps objects in "
                + "Standard at least 30 days before Standard-IA",
                invalid(GlacierLifecycleProps.builder().infrequentAccessAfter(Duration.days(10))).getMessage());
    }

    @Test
    void constructor_whenTiersOutOfOrder_fails() {
        assertEquals("GlacierLifecycle: realTimeAccess (90 days) must be later than instantRetrievalAfter (120 days): tiers go "
                + "Standard-IA, Glacier Instant Retrieval, the archive tier, Deep Archive",
                invalid(GlacierLifecycleProps.builder().instantRetrievalAfter(Duration.days(120)).retainFor(Duration.days(400))).getMessage());
    }

    @Test
    void constructor_whenLessThan30DaysInStandardIa_fails() {
        assertEquals("GlacierLifecycle: realTimeAccess (50 days) must be at least 30 days after infrequentAccessAfter (30 days): "
                + "S3 keeps objects in Standard-IA at least 30 days before the next transition",
                invalid(GlacierLifecycleProps.builder().infrequentAccessAfter(Duration.days(30)).realTimeAccess(Duration.days(50))).getMessage());
    }

    @Test
    void constructor_whenBeforeMinimumStorageDuration_fails() {
        assertEquals("GlacierLifecycle: deepArchiveAfter (120 days) moves objects out of GLACIER_FLEXIBLE_RETRIEVAL 30 days after "
                + "realTimeAccess (90 days), before its 90-day minimum storage duration (S3 charges the full 90 days); make it at "
                + "least 180 days or set allowEarlyDeletionFees(true)",
                invalid(GlacierLifecycleProps.builder().deepArchiveAfter(Duration.days(120))).getMessage());
    }

    @Test
    void constructor_whenExpiredBeforeMinimumStorageDuration_fails() {
        assertEquals("GlacierLifecycle: evacuateAfter (100 days) expires objects in GLACIER_FLEXIBLE_RETRIEVAL 10 days after "
                + "realTimeAccess (90 days), before its 90-day minimum storage duration (S3 charges the full 90 days); make it at "
                + "least 180 days or set allowEarlyDeletionFees(true)",
                invalid(GlacierLifecycleProps.builder().retainFor(Duration.days(100))).getMessage());
    }

    @Test
    void constructor_whenEarlyDeletionAllowed_warns() {
        Stack stack = stack();
        new GlacierLifecycle(stack, "Archive", GlacierLifecycleProps.builder()
                .retainFor(Duration.days(100)).allowEarlyDeletionFees(true).build());
        Annotations.fromStack(stack).hasWarning("/Archive/Archive",
                Match.stringLikeRegexp(".*evacuateAfter \\(100 days\\) expires objects in GLACIER_FLEXIBLE_RETRIEVAL.*"));
    }

    @Test
    void constructor_whenEvacuatedBeforeLastTransition_fails() {
        assertEquals("GlacierLifecycle: evacuateAfter (200 days) must be later than the last transition (deepArchiveAfter, 240 days)",
                invalid(GlacierLifecycleProps.builder().retainFor(Duration.days(200)).deepArchiveAfter(Duration.days(240))).getMessage());
    }

    @Test
    void constructor_whenEvacuatedBeforeRetention_fails() {
        assertEquals("GlacierLifecycle: evacuateAfter (200 days) must not be shorter than retainFor (365 days): objects would be "
                + "expired before their retention ends",
                invalid(GlacierLifecycleProps.builder().evacuateAfter(Duration.days(200))).getMessage());
    }

    @Test
    void constructor_whenArchiveTierIsRealTime_fails() {
        assertEquals("GlacierLifecycle: archiveTier must be GLACIER_FLEXIBLE_RETRIEVAL or DEEP_ARCHIVE (got STANDARD_IA): the "
                + "real-time tiers are set with infrequentAccessAfter and instantRetrievalAfter",
                invalid(GlacierLifecycleProps.builder().archiveTier(StorageTier.STANDARD_IA)).getMessage());
    }

    @Test
    void constructor_whenDeepArchiveAfterWithDeepArchiveTier_fails() {
        assertEquals("GlacierLifecycle: deepArchiveAfter applies only when archiveTier is GLACIER_FLEXIBLE_RETRIEVAL (got "
                + "archiveTier DEEP_ARCHIVE)",
                invalid(GlacierLifecycleProps.builder().archiveTier(StorageTier.DEEP_ARCHIVE).deepArchiveAfter(Duration.days(400))).getMessage());
    }

    @Test
    void constructor_whenFractionalDays_fails() {
        assertEquals("GlacierLifecycle: realTimeAccess must be a whole number of days (got 1 day 12 hours): S3 lifecycle rules count in days",
                invalid(GlacierLifecycleProps.builder().realTimeAccess(Duration.hours(36))).getMessage());
    }

    @Test
    void constructor_whenRetentionZero_fails() {
        assertEquals("GlacierLifecycle: noncurrentVersionExpiration must be at least 1 day (got 0 days)",
                invalid(GlacierLifecycleProps.builder().noncurrentVersionExpiration(Duration.days(0))).getMessage());
    }

    @Test
    void constructor_whenExpeditedFromDeepArchive_fails() {
        assertEquals("GlacierLifecycle: retrievalOption EXPEDITED is not available for DEEP_ARCHIVE (standard within 12 hours, "
                + "bulk within 48 hours)",
                invalid(GlacierLifecycleProps.builder().deepArchiveAfter(Duration.days(180)).retrievalOption(RetrievalOption.EXPEDITED)).getMessage());
    }

    @Test
    void constructor_whenObjectLockOver100Years_fails() {
        assertEquals("GlacierLifecycle: retainFor must be at most 36500 days with Object Lock (got 36501 days): S3 Object Lock "
                + "retains for at most 100 years",
                invalid(GlacierLifecycleProps.builder().objectLockMode(ObjectLockMode.COMPLIANCE).retainFor(Duration.days(36501))).getMessage());
    }

    @Test
    void archiveReplication_whenNoKey_fails() {
        Stack stack = stack();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ArchiveReplication.builder().destination(replica(stack)).build());
        assertEquals("ArchiveReplication: exactly one of destinationKey or destinationKeyAlias is required (got neither): S3 "
                + "replicates KMS-encrypted objects only with a replica key", e.getMessage());
    }

    @Test
    void archiveReplication_whenAliasMalformed_fails() {
        Stack stack = stack();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ArchiveReplication.builder().destination(replica(stack)).destinationKeyAlias("archive-replica").build());
        assertEquals("ArchiveReplication: destinationKeyAlias must look like alias/name (got archive-replica)", e.getMessage());
    }

    @Test
    void readBackTime_whenEachTierAndOption_matchesDocumentedFigures() {
        assertEquals(java.time.Duration.ofMinutes(5), ReadBackTime.of(StorageTier.GLACIER_FLEXIBLE_RETRIEVAL, RetrievalOption.EXPEDITED).worstCase());
        assertEquals(java.time.Duration.ofHours(5), ReadBackTime.of(StorageTier.GLACIER_FLEXIBLE_RETRIEVAL, RetrievalOption.STANDARD).worstCase());
        assertEquals(java.time.Duration.ofHours(12), ReadBackTime.of(StorageTier.GLACIER_FLEXIBLE_RETRIEVAL, RetrievalOption.BULK).worstCase());
        assertEquals(java.time.Duration.ofHours(12), ReadBackTime.of(StorageTier.DEEP_ARCHIVE, RetrievalOption.STANDARD).worstCase());
        assertEquals(java.time.Duration.ofHours(48), ReadBackTime.of(StorageTier.DEEP_ARCHIVE, RetrievalOption.BULK).worstCase());
        assertEquals(java.time.Duration.ZERO, ReadBackTime.of(StorageTier.GLACIER_INSTANT_RETRIEVAL, RetrievalOption.BULK).worstCase());
        assertEquals(java.time.Duration.ZERO, ReadBackTime.of(null, RetrievalOption.STANDARD).worstCase());
        assertEquals(java.time.Duration.ofDays(180), StorageTier.DEEP_ARCHIVE.minimumStorageDuration());
    }

    @Test
    void constructor_whenRetentionKnobsAndReplicaClass_appliesThem() {
        Stack stack = stack();
        new GlacierLifecycle(stack, "Archive", GlacierLifecycleProps.builder()
                .noncurrentVersionExpiration(Duration.days(30))
                .accessLogsRetention(Duration.days(90))
                .removalPolicy(software.amazon.awscdk.RemovalPolicy.DESTROY)
                .replication(ArchiveReplication.builder().destination(replica(stack)).destinationKeyAlias("alias/r")
                        .replicaStorageClass(software.amazon.awscdk.services.s3.StorageClass.GLACIER_INSTANT_RETRIEVAL).build())
                .build());
        Template t = Template.fromStack(stack);
        t.hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of(
                "LifecycleConfiguration", Map.of("Rules", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Id", "Lifecycle", "NoncurrentVersionExpiration", Map.of("NoncurrentDays", 30)))))),
                "ReplicationConfiguration", Match.objectLike(Map.of("Rules", List.of(Match.objectLike(Map.of(
                        "Destination", Match.objectLike(Map.of("StorageClass", "GLACIER_IR"))))))))));
        t.hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of(
                "LifecycleConfiguration", Map.of("Rules", List.of(Match.objectLike(Map.of("Id", "ExpireLogs", "ExpirationInDays", 90)))))));
        t.allResources("AWS::S3::Bucket", Match.objectLike(Map.of("DeletionPolicy", "Delete")));
        t.allResources("AWS::KMS::Key", Match.objectLike(Map.of("DeletionPolicy", "Delete")));
    }
}
