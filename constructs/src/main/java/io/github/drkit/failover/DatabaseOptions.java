package io.github.drkit.failover;

import io.github.drkit.internal.plan.Checks;
import io.github.drkit.internal.protection.Durations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.ec2.InstanceClass;
import software.amazon.awscdk.services.ec2.InstanceSize;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.kms.IKey;

/**
 * The data tier in the recovery Region: an RDS cross-Region read replica that this library creates
 * from a primary in another Region, or a replica you already run. Failover promotes it.
 *
 * <p>Cross-Region replication is asynchronous: {@link #getExpectedReplicationLag()} is the RPO the
 * estimate uses, and an alarm on the replica's {@code ReplicaLag} fires when it is exceeded, so the
 * figure is watched, not just assumed.
 */
public final class DatabaseOptions {
    /** Default RPO assumption for an RDS cross-Region replica. */
    public static final Duration DEFAULT_REPLICATION_LAG = Duration.minutes(5);
    /** Default RTO assumption for PromoteReadReplica until the instance is available. */
    public static final Duration DEFAULT_PROMOTION_TIME = Duration.minutes(10);

    private final String sourceDatabaseArn;
    private final String existingReplicaIdentifier;
    private final String replicaIdentifier;
    private final InstanceType instanceType;
    private final int port;
    private final IKey encryptionKey;
    private final boolean multiAz;
    private final Duration expectedReplicationLag;
    private final Duration promotionTime;

    private DatabaseOptions(Builder b) {
        String owner = "DatabaseOptions";
        this.sourceDatabaseArn = b.sourceDatabaseArn;
        this.existingReplicaIdentifier = b.existingReplicaIdentifier;
        this.replicaIdentifier = b.replicaIdentifier;
        this.instanceType = b.instanceType != null ? b.instanceType
                : InstanceType.of(InstanceClass.BURSTABLE4_GRAVITON, InstanceSize.MEDIUM);
        this.port = b.port == null ? 5432 : Checks.range(owner, "port", b.port, 1150, 65535);
        this.encryptionKey = b.encryptionKey;
        this.multiAz = b.multiAz == null || b.multiAz;
        this.expectedReplicationLag = b.expectedReplicationLag == null ? DEFAULT_REPLICATION_LAG : b.expectedReplicationLag;
        this.promotionTime = b.promotionTime == null ? DEFAULT_PROMOTION_TIME : b.promotionTime;
        // Both feed the synth-time estimates and the replica-lag alarm threshold, so they must be known then.
        Durations.requireKnown(owner, "expectedReplicationLag", expectedReplicationLag);
        Durations.requireKnown(owner, "promotionTime", promotionTime);
        if (sourceDatabaseArn != null && !Checks.isToken(sourceDatabaseArn)
                && !sourceDatabaseArn.matches("arn:aws[a-z-]*:rds:[a-z0-9-]+:\\d{12}:db:[A-Za-z][A-Za-z0-9-]*")) {
            throw new IllegalArgumentException(owner + ": sourceDatabaseArn must be an RDS DB instance ARN like arn:aws:rds:us-east-1:111111111111:db:shop (got "
                    + sourceDatabaseArn + ")");
        }
        if (replicaIdentifier != null && !Checks.isToken(replicaIdentifier) && !replicaIdentifier.matches("[a-zA-Z][a-zA-Z0-9-]{0,62}")) {
            throw new IllegalArgumentException(owner + ": replicaIdentifier must start with a letter and hold at most 63 letters, digits or hyphens (got "
                    + replicaIdentifier + ")");
        }
    }

    /** A new cross-Region read replica of the DB instance with this ARN (in the primary Region). */
    public static Builder crossRegionReplica(String sourceDatabaseArn) {
        Builder b = new Builder();
        b.sourceDatabaseArn = Checks.required("DatabaseOptions", "sourceDatabaseArn", sourceDatabaseArn);
        return b;
    }

    /** A replica (or any RDS instance that promotes) you run yourself, by its identifier. */
    public static Builder existingReplica(String dbInstanceIdentifier) {
        Builder b = new Builder();
        b.existingReplicaIdentifier = Checks.required("DatabaseOptions", "existingReplicaIdentifier", dbInstanceIdentifier);
        return b;
    }

    public boolean createsReplica() {
        return sourceDatabaseArn != null;
    }

    public String getSourceDatabaseArn() {
        return sourceDatabaseArn;
    }

    public String getExistingReplicaIdentifier() {
        return existingReplicaIdentifier;
    }

    /** The identifier of the new replica; null lets CloudFormation name it. */
    public String getReplicaIdentifier() {
        return replicaIdentifier;
    }

    public InstanceType getInstanceType() {
        return instanceType;
    }

    public int getPort() {
        return port;
    }

    public IKey getEncryptionKey() {
        return encryptionKey;
    }

    public boolean getMultiAz() {
        return multiAz;
    }

    public Duration getExpectedReplicationLag() {
        return expectedReplicationLag;
    }

    public Duration getPromotionTime() {
        return promotionTime;
    }

    public static final class Builder {
        private String sourceDatabaseArn;
        private String existingReplicaIdentifier;
        private String replicaIdentifier;
        private InstanceType instanceType;
        private Integer port;
        private IKey encryptionKey;
        private Boolean multiAz;
        private Duration expectedReplicationLag;
        private Duration promotionTime;

        private Builder() {
        }

        /**
         * The new replica's identifier.
         *
         * @default generated by CloudFormation
         */
        public Builder replicaIdentifier(String v) {
            this.replicaIdentifier = v;
            return this;
        }

        /**
         * @default db.t4g.medium (Graviton, burstable: enough to replicate; resize after promotion)
         */
        public Builder instanceType(InstanceType v) {
            this.instanceType = v;
            return this;
        }

        /**
         * The replica's port.
         *
         * @default 5432
         */
        public Builder port(int v) {
            this.port = v;
            return this;
        }

        /**
         * KMS key in the recovery Region for the replica's storage.
         *
         * @default a new key with rotation
         */
        public Builder encryptionKey(IKey v) {
            this.encryptionKey = v;
            return this;
        }

        /**
         * Multi-AZ replica, so the promoted database survives an AZ loss from its first minute.
         *
         * @default true
         */
        public Builder multiAz(boolean v) {
            this.multiAz = v;
            return this;
        }

        /**
         * RPO assumption and ReplicaLag alarm threshold.
         *
         * @default 5 minutes
         */
        public Builder expectedReplicationLag(Duration v) {
            this.expectedReplicationLag = v;
            return this;
        }

        /**
         * RTO assumption for promotion.
         *
         * @default 10 minutes (measure yours in a drill)
         */
        public Builder promotionTime(Duration v) {
            this.promotionTime = v;
            return this;
        }

        public DatabaseOptions build() {
            return new DatabaseOptions(this);
        }
    }
}
