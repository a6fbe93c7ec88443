package io.github.drkit.archive;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.ObjectLockMode;

/**
 * Props of {@link GlacierLifecycle}, in the three questions of archive lifecycle management: how
 * long objects stay in real-time access ({@link Builder#realTimeAccess}), how long they are retained
 * ({@link Builder#retainFor}) and when they are evacuated, that is expired ({@link Builder#evacuateAfter}).
 * The tiers between them: Standard-IA and Glacier Instant Retrieval inside the real-time period,
 * then the archive tier (Glacier Flexible Retrieval or Deep Archive), then optionally Deep Archive.
 * Every duration counts from the object's creation and is a whole number of days.
 */
public final class GlacierLifecycleProps {
    private final String bucketName;
    private final Duration realTimeAccess;
    private final Duration infrequentAccessAfter;
    private final Duration instantRetrievalAfter;
    private final StorageTier archiveTier;
    private final Duration deepArchiveAfter;
    private final Duration retainFor;
    private final Duration evacuateAfter;
    private final boolean neverEvacuate;
    private final Duration noncurrentVersionExpiration;
    private final ObjectLockMode objectLockMode;
    private final ArchiveReplication replication;
    private final RetrievalOption retrievalOption;
    private final IKey encryptionKey;
    private final IBucket serverAccessLogsBucket;
    private final Duration accessLogsRetention;
    private final boolean allowEarlyDeletionFees;
    private final RemovalPolicy removalPolicy;

    private GlacierLifecycleProps(Builder b) {
        this.bucketName = b.bucketName;
        this.realTimeAccess = b.realTimeAccess != null ? b.realTimeAccess : Duration.days(90);
        this.infrequentAccessAfter = b.infrequentAccessAfter;
        this.instantRetrievalAfter = b.instantRetrievalAfter;
        this.archiveTier = b.archiveTier != null ? b.archiveTier : StorageTier.GLACIER_FLEXIBLE_RETRIEVAL;
        this.deepArchiveAfter = b.deepArchiveAfter;
        this.retainFor = b.retainFor != null ? b.retainFor : Duration.days(365);
        this.evacuateAfter = b.evacuateAfter != null ? b.evacuateAfter : this.retainFor;
        this.neverEvacuate = b.neverEvacuate;
        this.noncurrentVersionExpiration = b.noncurrentVersionExpiration != null ? b.noncurrentVersionExpiration : this.retainFor;
        this.objectLockMode = b.objectLockMode;
        this.replication = b.replication;
        this.retrievalOption = b.retrievalOption != null ? b.retrievalOption : RetrievalOption.STANDARD;
        this.encryptionKey = b.encryptionKey;
        this.serverAccessLogsBucket = b.serverAccessLogsBucket;
        this.accessLogsRetention = b.accessLogsRetention != null ? b.accessLogsRetention : Duration.days(365);
        this.allowEarlyDeletionFees = b.allowEarlyDeletionFees;
        this.removalPolicy = b.removalPolicy != null ? b.removalPolicy : RemovalPolicy.RETAIN;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String getBucketName() { return bucketName; }
    public Duration getRealTimeAccess() { return realTimeAccess; }
    public Duration getInfrequentAccessAfter() { return infrequentAccessAfter; }
    public Duration getInstantRetrievalAfter() { return instantRetrievalAfter; }
    public StorageTier getArchiveTier() { return archiveTier; }
    public Duration getDeepArchiveAfter() { return deepArchiveAfter; }
    public Duration getRetainFor() { return retainFor; }
    public Duration getEvacuateAfter() { return neverEvacuate ? null : evacuateAfter; }
    public boolean getNeverEvacuate() { return neverEvacuate; }
    public Duration getNoncurrentVersionExpiration() { return noncurrentVersionExpiration; }
    public ObjectLockMode getObjectLockMode() { return objectLockMode; }
    public ArchiveReplication getReplication() { return replication; }
    public RetrievalOption getRetrievalOption() { return retrievalOption; }
    public IKey getEncryptionKey() { return encryptionKey; }
    public IBucket getServerAccessLogsBucket() { return serverAccessLogsBucket; }
    public Duration getAccessLogsRetention() { return accessLogsRetention; }
    public boolean getAllowEarlyDeletionFees() { return allowEarlyDeletionFees; }
    public RemovalPolicy getRemovalPolicy() { return removalPolicy; }

    public static final class Builder {
        private String bucketName;
        private Duration realTimeAccess;
        private Duration infrequentAccessAfter;
        private Duration instantRetrievalAfter;
        private StorageTier archiveTier;
        private Duration deepArchiveAfter;
        private Duration retainFor;
        private Duration evacuateAfter;
        private boolean neverEvacuate;
        private Duration noncurrentVersionExpiration;
        private ObjectLockMode objectLockMode;
        private ArchiveReplication replication;
        private RetrievalOption retrievalOption;
        private IKey encryptionKey;
        private IBucket serverAccessLogsBucket;
        private Duration accessLogsRetention;
        private boolean allowEarlyDeletionFees;
        private RemovalPolicy removalPolicy;

        private Builder() {
        }

        /**
         * The bucket's name.
         *
         * @default a name CloudFormation generates
         */
        public Builder bucketName(String bucketName) {
            this.bucketName = bucketName;
            return this;
        }

        /**
         * How long objects stay in real-time (millisecond) access: S3 Standard, then Standard-IA and
         * Glacier Instant Retrieval if set. Then they move to {@link #archiveTier}. When it is not shorter
         * than {@link #evacuateAfter}, objects expire before they are ever archived.
         * @default 90 days
         */
        public Builder realTimeAccess(Duration realTimeAccess) {
            this.realTimeAccess = realTimeAccess;
            return this;
        }

        /**
         * When objects move to Standard-IA (at least 30 days).
         *
         * @default never
         */
        public Builder infrequentAccessAfter(Duration infrequentAccessAfter) {
            this.infrequentAccessAfter = infrequentAccessAfter;
            return this;
        }

        /**
         * When objects move to Glacier Instant Retrieval, inside the real-time period.
         *
         * @default never
         */
        public Builder instantRetrievalAfter(Duration instantRetrievalAfter) {
            this.instantRetrievalAfter = instantRetrievalAfter;
            return this;
        }

        /**
         * The tier objects enter when real-time access ends: GLACIER_FLEXIBLE_RETRIEVAL or DEEP_ARCHIVE.
         *
         * @default GLACIER_FLEXIBLE_RETRIEVAL
         */
        public Builder archiveTier(StorageTier archiveTier) {
            this.archiveTier = archiveTier;
            return this;
        }

        /**
         * When objects move on from Glacier Flexible Retrieval to Deep Archive.
         *
         * @default never
         */
        public Builder deepArchiveAfter(Duration deepArchiveAfter) {
            this.deepArchiveAfter = deepArchiveAfter;
            return this;
        }

        /**
         * How long every object version is retained. With {@link #objectLockMode} it is the Object Lock
         * default retention (WORM); without it, the lifecycle never expires a version earlier.
         * @default 365 days
         */
        public Builder retainFor(Duration retainFor) {
            this.retainFor = retainFor;
            return this;
        }

        /** When objects are evacuated (the current version expires); not before {@link #retainFor}. @default retainFor */
        public Builder evacuateAfter(Duration evacuateAfter) {
            this.evacuateAfter = evacuateAfter;
            return this;
        }

        /**
         * Keep current versions for ever: no expiration.
         *
         * @default false
         */
        public Builder neverEvacuate(boolean neverEvacuate) {
            this.neverEvacuate = neverEvacuate;
            return this;
        }

        /**
         * How long a version is kept after it stops being current (overwritten or deleted).
         *
         * @default retainFor
         */
        public Builder noncurrentVersionExpiration(Duration noncurrentVersionExpiration) {
            this.noncurrentVersionExpiration = noncurrentVersionExpiration;
            return this;
        }

        /**
         * Turns on S3 Object Lock (write once, read many) with {@link #retainFor} as the default retention.
         * COMPLIANCE: nobody, root included, can shorten it. GOVERNANCE: users with
         * s3:BypassGovernanceRetention can. Object Lock cannot be turned off again.
         * @default no Object Lock
         */
        public Builder objectLockMode(ObjectLockMode objectLockMode) {
            this.objectLockMode = objectLockMode;
            return this;
        }

        /**
         * Cross-Region replication for durability.
         *
         * @default no replication (the RPO estimate is then unbounded)
         */
        public Builder replication(ArchiveReplication replication) {
            this.replication = replication;
            return this;
        }

        /**
         * The retrieval option a recovery uses for archived objects; it sets the RTO estimate.
         *
         * @default STANDARD
         */
        public Builder retrievalOption(RetrievalOption retrievalOption) {
            this.retrievalOption = retrievalOption;
            return this;
        }

        /**
         * The KMS key that encrypts the objects.
         *
         * @default a new key with yearly rotation
         */
        public Builder encryptionKey(IKey encryptionKey) {
            this.encryptionKey = encryptionKey;
            return this;
        }

        /**
         * Where server access logs go.
         *
         * @default a new bucket (SSE-S3, TLS only, no public access)
         */
        public Builder serverAccessLogsBucket(IBucket serverAccessLogsBucket) {
            this.serverAccessLogsBucket = serverAccessLogsBucket;
            return this;
        }

        /**
         * How long the created access-log bucket keeps logs.
         *
         * @default 365 days
         */
        public Builder accessLogsRetention(Duration accessLogsRetention) {
            this.accessLogsRetention = accessLogsRetention;
            return this;
        }

        /**
         * Accept transitions or expirations before a tier's minimum storage duration (they are charged
         * as the full minimum): the check then warns instead of failing.
         * @default false
         */
        public Builder allowEarlyDeletionFees(boolean allowEarlyDeletionFees) {
            this.allowEarlyDeletionFees = allowEarlyDeletionFees;
            return this;
        }

        /** @default RemovalPolicy.RETAIN */
        public Builder removalPolicy(RemovalPolicy removalPolicy) {
            this.removalPolicy = removalPolicy;
            return this;
        }

        public GlacierLifecycleProps build() {
            return new GlacierLifecycleProps(this);
        }
    }
}
