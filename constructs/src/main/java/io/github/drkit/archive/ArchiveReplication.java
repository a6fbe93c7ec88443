package io.github.drkit.archive;

import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.StorageClass;

import java.util.Objects;

/**
 * Where a {@link GlacierLifecycle} replicates its objects: a versioned bucket in the recovery
 * Region (usually another GlacierLifecycle's bucket, imported with
 * {@code Bucket.fromBucketAttributes(scope, id, BucketAttributes.builder().bucketName(..).region(..).account(..).build())}).
 * Archive objects are KMS-encrypted, and S3 replicates KMS-encrypted objects only when the rule names
 * a key in the destination Region, so a destination key is required: an imported key
 * ({@link Builder#destinationKey}) or, when the destination stack is in another Region and its key
 * ARN cannot be known at synth time, the key's alias ({@link Builder#destinationKeyAlias}).
 */
public final class ArchiveReplication {
    private final IBucket destination;
    private final IKey destinationKey;
    private final String destinationKeyAlias;
    private final boolean replicationTimeControl;
    private final StorageClass replicaStorageClass;

    private ArchiveReplication(Builder b) {
        this.destination = Objects.requireNonNull(b.destination, "ArchiveReplication: destination is required");
        this.destinationKey = b.destinationKey;
        this.destinationKeyAlias = b.destinationKeyAlias;
        this.replicationTimeControl = b.replicationTimeControl == null || b.replicationTimeControl;
        this.replicaStorageClass = b.replicaStorageClass;
        if ((destinationKey == null) == (destinationKeyAlias == null)) {
            throw new IllegalArgumentException("ArchiveReplication: exactly one of destinationKey or destinationKeyAlias is required (got "
                    + (destinationKey == null ? "neither" : "both") + "): S3 replicates KMS-encrypted objects only with a replica key");
        }
        if (destinationKeyAlias != null && !destinationKeyAlias.matches("alias/[a-zA-Z0-9/_-]{1,250}")) {
            throw new IllegalArgumentException("ArchiveReplication: destinationKeyAlias must look like alias/name (got "
                    + destinationKeyAlias + ")");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public IBucket getDestination() {
        return destination;
    }

    /** The replica key, or null when {@link #getDestinationKeyAlias()} names it. */
    public IKey getDestinationKey() {
        return destinationKey;
    }

    /** The replica key's alias ("alias/name") in the destination's Region and account, or null. */
    public String getDestinationKeyAlias() {
        return destinationKeyAlias;
    }

    public boolean getReplicationTimeControl() {
        return replicationTimeControl;
    }

    /** The storage class of the replicas, or null to keep the source's. */
    public StorageClass getReplicaStorageClass() {
        return replicaStorageClass;
    }

    public static final class Builder {
        private IBucket destination;
        private IKey destinationKey;
        private String destinationKeyAlias;
        private Boolean replicationTimeControl;
        private StorageClass replicaStorageClass;

        private Builder() {
        }

        /** The versioned bucket in the recovery Region; it must allow this bucket's replication role. Required. */
        public Builder destination(IBucket destination) {
            this.destination = destination;
            return this;
        }

        /** The KMS key that encrypts the replicas, in the destination's Region. One of this or destinationKeyAlias is required. */
        public Builder destinationKey(IKey destinationKey) {
            this.destinationKey = destinationKey;
            return this;
        }

        /**
         * The alias ("alias/name") of the replica key in the destination bucket's Region and account.
         * The replication role is then allowed the keys that carry this alias ({@code kms:ResourceAliases}).
         */
        public Builder destinationKeyAlias(String destinationKeyAlias) {
            this.destinationKeyAlias = destinationKeyAlias;
            return this;
        }

        /**
         * S3 Replication Time Control: 99.99 % of objects replicated within 15 minutes, backed by an SLA,
         * with replication metrics. Without it replication has no time bound and the RPO is unbounded.
         * @default true
         */
        public Builder replicationTimeControl(boolean replicationTimeControl) {
            this.replicationTimeControl = replicationTimeControl;
            return this;
        }

        /**
         * The storage class of the replicas.
         *
         * @default the source object's storage class
         */
        public Builder replicaStorageClass(StorageClass replicaStorageClass) {
            this.replicaStorageClass = replicaStorageClass;
            return this;
        }

        public ArchiveReplication build() {
            return new ArchiveReplication(this);
        }
    }
}
