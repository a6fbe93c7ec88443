package io.github.drkit.replication;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.rds.IClusterEngine;

/** Props of {@link AuroraGlobalSecondary}. */
public final class AuroraGlobalSecondaryProps {
    private final String globalClusterIdentifier;
    private final IClusterEngine engine;
    private final IVpc vpc;
    private final SubnetSelection vpcSubnets;
    private final String clusterIdentifier;
    private final Integer readers;
    private final InstanceType instanceType;
    private final IKey encryptionKey;
    private final Integer port;
    private final Boolean deletionProtection;
    private final RemovalPolicy removalPolicy;
    private final String primaryClusterArn;
    private final Duration expectedReplicationLag;
    private final Duration failoverTime;
    private final Duration instanceCreationTime;

    private AuroraGlobalSecondaryProps(Builder b) {
        this.globalClusterIdentifier = b.globalClusterIdentifier;
        this.engine = b.engine;
        this.vpc = b.vpc;
        this.vpcSubnets = b.vpcSubnets;
        this.clusterIdentifier = b.clusterIdentifier;
        this.readers = b.readers;
        this.instanceType = b.instanceType;
        this.encryptionKey = b.encryptionKey;
        this.port = b.port;
        this.deletionProtection = b.deletionProtection;
        this.removalPolicy = b.removalPolicy;
        this.primaryClusterArn = b.primaryClusterArn;
        this.expectedReplicationLag = b.expectedReplicationLag;
        this.failoverTime = b.failoverTime;
        this.instanceCreationTime = b.instanceCreationTime;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String getGlobalClusterIdentifier() {
        return globalClusterIdentifier;
    }

    public IClusterEngine getEngine() {
        return engine;
    }

    public IVpc getVpc() {
        return vpc;
    }

    public SubnetSelection getVpcSubnets() {
        return vpcSubnets;
    }

    public String getClusterIdentifier() {
        return clusterIdentifier;
    }

    public Integer getReaders() {
        return readers;
    }

    public InstanceType getInstanceType() {
        return instanceType;
    }

    public IKey getEncryptionKey() {
        return encryptionKey;
    }

    public Integer getPort() {
        return port;
    }

    public Boolean getDeletionProtection() {
        return deletionProtection;
    }

    public RemovalPolicy getRemovalPolicy() {
        return removalPolicy;
    }

    public String getPrimaryClusterArn() {
        return primaryClusterArn;
    }

    public Duration getExpectedReplicationLag() {
        return expectedReplicationLag;
    }

    public Duration getFailoverTime() {
        return failoverTime;
    }

    public Duration getInstanceCreationTime() {
        return instanceCreationTime;
    }

    /** Builds {@link AuroraGlobalSecondaryProps}. */
    public static final class Builder {
        private String globalClusterIdentifier;
        private IClusterEngine engine;
        private IVpc vpc;
        private SubnetSelection vpcSubnets;
        private String clusterIdentifier;
        private Integer readers;
        private InstanceType instanceType;
        private IKey encryptionKey;
        private Integer port;
        private Boolean deletionProtection;
        private RemovalPolicy removalPolicy;
        private String primaryClusterArn;
        private Duration expectedReplicationLag;
        private Duration failoverTime;
        private Duration instanceCreationTime;

        private Builder() {
        }

        /** Required: the global cluster (created with the primary cluster, in the primary Region) this cluster joins. */
        public Builder globalClusterIdentifier(String v) {
            this.globalClusterIdentifier = v;
            return this;
        }

        /**
         * Required: the primary's engine with its exact version (e.g. {@code DatabaseClusterEngine.auroraPostgres(...)} with
         * {@code AuroraPostgresEngineVersion.VER_16_4}): Aurora joins a secondary only of the same engine and version.
         */
        public Builder engine(IClusterEngine v) {
            this.engine = v;
            return this;
        }

        /** Required: the recovery Region's VPC. */
        public Builder vpc(IVpc v) {
            this.vpc = v;
            return this;
        }

        /**
         * The subnets of the cluster's subnet group.
         *
         * @default the VPC's isolated subnets, or its private subnets with egress when it has no isolated ones
         */
        public Builder vpcSubnets(SubnetSelection v) {
            this.vpcSubnets = v;
            return this;
        }

        /**
         * The secondary cluster's identifier.
         *
         * @default generated by CloudFormation
         */
        public Builder clusterIdentifier(String v) {
            this.clusterIdentifier = v;
            return this;
        }

        /**
         * Reader instances of the secondary cluster, 0 to 15. With 0 the cluster is headless: its storage replicates
         * and nothing computes until an instance is added, which the RTO estimate counts ({@link #instanceCreationTime}).
         *
         * @default 0 (headless)
         */
        public Builder readers(Integer v) {
            this.readers = v;
            return this;
        }

        /**
         * The class of the reader instances.
         *
         * @default db.r6g.large
         */
        public Builder instanceType(InstanceType v) {
            this.instanceType = v;
            return this;
        }

        /**
         * The KMS key of the recovery Region that encrypts the secondary's storage (a global database's secondary is
         * encrypted with a key of its own Region).
         *
         * @default a new key with yearly rotation, retained when the stack is deleted
         */
        public Builder encryptionKey(IKey v) {
            this.encryptionKey = v;
            return this;
        }

        /**
         * The port the cluster listens on, 1150 to 65535.
         *
         * @default the engine's default port (3306 for Aurora MySQL, 5432 for Aurora PostgreSQL), the primary's usual one
         */
        public Builder port(Integer v) {
            this.port = v;
            return this;
        }

        /**
         * Whether the cluster refuses deletion. A secondary is the copy of the data that survives the primary Region.
         *
         * @default true
         */
        public Builder deletionProtection(Boolean v) {
            this.deletionProtection = v;
            return this;
        }

        /**
         * What happens to the cluster and its instances when they leave the stack.
         *
         * @default {@link RemovalPolicy#SNAPSHOT}
         */
        public Builder removalPolicy(RemovalPolicy v) {
            this.removalPolicy = v;
            return this;
        }

        /**
         * The primary cluster's ARN: the cluster failback makes the writer again, and the one the failover role may act
         * on in the primary Region.
         *
         * @default none: see {@code GlobalDatabaseOptions.primaryClusterArn}
         */
        public Builder primaryClusterArn(String v) {
            this.primaryClusterArn = v;
            return this;
        }

        /**
         * The replication lag the RPO estimate assumes and the run's report compares the measured lag with.
         *
         * @default 1 second ({@code AwsFigures.AURORA_GLOBAL_REPLICATION_LAG})
         */
        public Builder expectedReplicationLag(Duration v) {
            this.expectedReplicationLag = v;
            return this;
        }

        /**
         * How long the RTO estimate counts for the secondary to become the writer.
         *
         * @default 5 minutes ({@code AwsFigures.AURORA_GLOBAL_MANAGED_FAILOVER})
         */
        public Builder failoverTime(Duration v) {
            this.failoverTime = v;
            return this;
        }

        /**
         * For a headless secondary: how long the RTO estimate counts to add a writer instance after promotion. Only
         * allowed with 0 readers.
         *
         * @default {@link AuroraGlobalSecondary#DEFAULT_INSTANCE_CREATION_TIME} when headless (an assumption: AWS
         *          documents no bound); none with readers
         */
        public Builder instanceCreationTime(Duration v) {
            this.instanceCreationTime = v;
            return this;
        }

        public AuroraGlobalSecondaryProps build() {
            return new AuroraGlobalSecondaryProps(this);
        }
    }
}
