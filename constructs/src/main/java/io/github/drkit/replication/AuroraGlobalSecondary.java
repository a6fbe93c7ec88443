package io.github.drkit.replication;

import java.util.ArrayList;
import java.util.List;

import io.github.drkit.failover.GlobalDatabaseOptions;
import io.github.drkit.internal.plan.Checks;
import io.github.drkit.internal.plan.NagFindings;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ec2.Connections;
import software.amazon.awscdk.services.ec2.IConnectable;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.InstanceClass;
import software.amazon.awscdk.services.ec2.InstanceSize;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.rds.CfnDBCluster;
import software.amazon.awscdk.services.rds.CfnDBInstance;
import software.amazon.awscdk.services.rds.IClusterEngine;
import software.amazon.awscdk.services.rds.SubnetGroup;
import software.constructs.Construct;

/**
 * The secondary cluster of an Aurora global database, in the recovery Region (this construct's stack): an
 * {@code AWS::RDS::DBCluster} joined to the global cluster by {@code GlobalClusterIdentifier}, encrypted with a KMS key
 * of this Region, protected from deletion, with IAM authentication and log exports, and {@code readers} reader
 * instances, or none (headless: storage replicates, nothing computes). It takes no credentials: a secondary inherits
 * the primary's.
 *
 * <p>{@link #toGlobalDatabaseOptions()} hands it to {@code PilotLightCore}, {@code WarmStandbyFleet} or
 * {@code FargateStandby}, whose failover plan then makes it the writer in the data stage.
 *
 * <pre>{@code
 * AuroraGlobalSecondary secondary = new AuroraGlobalSecondary(recoveryStack, "Orders", AuroraGlobalSecondaryProps.builder()
 *     .globalClusterIdentifier("shop-global")
 *     .engine(DatabaseClusterEngine.auroraPostgres(AuroraPostgresClusterEngineProps.builder()
 *         .version(AuroraPostgresEngineVersion.VER_16_4).build()))
 *     .vpc(vpc)
 *     .readers(1)                                        // default 0: headless
 *     .build());
 * ... .globalDatabases(List.of(secondary.toGlobalDatabaseOptions())) ...
 * }</pre>
 */
public final class AuroraGlobalSecondary extends Construct implements IConnectable {
    private static final String OWNER = "AuroraGlobalSecondary";
    /** Adding a writer instance to a headless cluster: AWS documents no bound; drkit assumes 10 minutes until a drill measures it. */
    public static final Duration DEFAULT_INSTANCE_CREATION_TIME = Duration.minutes(10);

    private final CfnDBCluster cluster;
    private final List<CfnDBInstance> readers = new ArrayList<>();
    private final IKey encryptionKey;
    private final SecurityGroup securityGroup;
    private final Connections connections;
    private final GlobalDatabaseOptions options;

    public AuroraGlobalSecondary(Construct scope, String id, AuroraGlobalSecondaryProps props) {
        super(scope, id);
        Checks.required(OWNER, "props", props);
        String globalId = Checks.required(OWNER, "globalClusterIdentifier", props.getGlobalClusterIdentifier());
        IClusterEngine engine = Checks.required(OWNER, "engine", props.getEngine());
        Checks.required(OWNER, "vpc", props.getVpc());
        String engineType = engine.getEngineType();
        if (!"aurora-mysql".equals(engineType) && !"aurora-postgresql".equals(engineType)) {
            throw new IllegalArgumentException(OWNER + ": engine must be Aurora MySQL or Aurora PostgreSQL, the engines of a global"
                    + " database (got " + engineType + ")");
        }
        if (engine.getEngineVersion() == null || engine.getEngineVersion().getFullVersion() == null) {
            throw new IllegalArgumentException(OWNER + ": engine must name its exact version (got " + engineType + " without one):"
                    + " a secondary joins only a global database of the same engine version");
        }
        String clusterId = props.getClusterIdentifier();
        Checks.auroraClusterIdentifier(OWNER, "clusterIdentifier", clusterId);
        Checks.auroraClusterIdentifier(OWNER, "globalClusterIdentifier", globalId);
        int readerCount = props.getReaders() == null ? 0 : Checks.range(OWNER, "readers", props.getReaders(), 0, 15);
        boolean mysql = engineType.equals("aurora-mysql");
        int defaultPort = mysql ? 3306 : 5432;
        int port = props.getPort() == null ? defaultPort : Checks.range(OWNER, "port", props.getPort(), 1150, 65535);
        boolean deletionProtection = props.getDeletionProtection() == null || props.getDeletionProtection();
        RemovalPolicy removal = props.getRemovalPolicy() == null ? RemovalPolicy.SNAPSHOT : props.getRemovalPolicy();
        if (props.getInstanceCreationTime() != null && readerCount > 0) {
            throw new IllegalArgumentException(OWNER + ": instanceCreationTime applies to a headless secondary only (got "
                    + props.getInstanceCreationTime().toSeconds() + " s with readers " + readerCount + "): a reader becomes the writer");
        }
        if (props.getInstanceType() != null && readerCount == 0) {
            throw new IllegalArgumentException(OWNER + ": instanceType needs readers of at least 1 (got " + props.getInstanceType()
                    + " with readers 0): a headless secondary has no instance");
        }

        this.encryptionKey = props.getEncryptionKey() != null ? props.getEncryptionKey()
                : Key.Builder.create(this, "Key").description("Storage of the Aurora global database secondary " + globalId
                        + " in " + Stack.of(this).getRegion()).enableKeyRotation(true).removalPolicy(RemovalPolicy.RETAIN).build();
        this.securityGroup = SecurityGroup.Builder.create(this, "SecurityGroup").vpc(props.getVpc())
                .description("Aurora global database secondary " + globalId + ": clients are allowed by connections.allowFrom")
                .allowAllOutbound(false).build();
        this.connections = new Connections(software.amazon.awscdk.services.ec2.ConnectionsProps.builder()
                .securityGroups(List.<ISecurityGroup>of(securityGroup)).defaultPort(Port.tcp(port)).build());
        SubnetSelection subnets = props.getVpcSubnets() != null ? props.getVpcSubnets() : SubnetSelection.builder()
                .subnetType(props.getVpc().getIsolatedSubnets().isEmpty() ? SubnetType.PRIVATE_WITH_EGRESS : SubnetType.PRIVATE_ISOLATED).build();
        // A subnet group has nothing to snapshot: under SNAPSHOT it is kept, like the cluster's data.
        SubnetGroup subnetGroup = SubnetGroup.Builder.create(this, "Subnets").vpc(props.getVpc()).vpcSubnets(subnets)
                .description("Aurora global database secondary " + globalId).removalPolicy(removal == RemovalPolicy.SNAPSHOT
                        ? RemovalPolicy.RETAIN : removal).build();

        this.cluster = CfnDBCluster.Builder.create(this, "Cluster")
                .dbClusterIdentifier(clusterId)
                .globalClusterIdentifier(globalId)
                .engine(engineType)
                .engineVersion(engine.getEngineVersion().getFullVersion())
                .storageEncrypted(true)
                .kmsKeyId(encryptionKey.getKeyArn())
                .deletionProtection(deletionProtection)
                .enableIamDatabaseAuthentication(true)
                .port(port)
                .dbSubnetGroupName(subnetGroup.getSubnetGroupName())
                .vpcSecurityGroupIds(List.of(securityGroup.getSecurityGroupId()))
                .backupRetentionPeriod(7)
                .copyTagsToSnapshot(true)
                .enableCloudwatchLogsExports(mysql ? List.of("audit", "error", "general", "slowquery") : List.of("postgresql"))
                .build();
        cluster.applyRemovalPolicy(removal);
        if (port == defaultPort) {
            NagFindings.suppress(cluster, "AwsSolutions-RDS11", "The secondary of a global database listens on the engine's port, as"
                    + " the primary does, so that the application's connection settings are the same in both Regions; only the"
                    + " security group's allowed peers reach it.", List.of());
        }
        if (mysql) {
            NagFindings.suppress(cluster, "AwsSolutions-RDS14", "Backtrack is not available for a cluster in an Aurora global"
                    + " database; point-in-time restore from its 7-day backups covers the same need.", List.of());
        }
        InstanceType type = props.getInstanceType() != null ? props.getInstanceType() : InstanceType.of(InstanceClass.R6G, InstanceSize.LARGE);
        for (int i = 1; i <= readerCount; i++) {
            CfnDBInstance reader = CfnDBInstance.Builder.create(this, "Reader" + i)
                    .dbClusterIdentifier(cluster.getRef())
                    .engine(engineType)
                    .dbInstanceClass("db." + type)
                    .publiclyAccessible(false)
                    .autoMinorVersionUpgrade(true)
                    .build();
            // An Aurora instance holds no data of its own (the cluster's snapshot keeps it): SNAPSHOT means deleting it.
            reader.applyRemovalPolicy(removal == RemovalPolicy.SNAPSHOT ? RemovalPolicy.DESTROY : removal);
            readers.add(reader);
        }

        GlobalDatabaseOptions.Builder o = GlobalDatabaseOptions.builder().globalClusterIdentifier(globalId)
                .secondaryClusterIdentifier(cluster.getRef()).primaryClusterArn(props.getPrimaryClusterArn())
                .expectedReplicationLag(props.getExpectedReplicationLag()).failoverTime(props.getFailoverTime());
        if (readerCount == 0) {
            o.instanceCreationTime(props.getInstanceCreationTime() != null ? props.getInstanceCreationTime() : DEFAULT_INSTANCE_CREATION_TIME);
        }
        this.options = o.build();
    }

    /** The option that puts this secondary's failover in a topology construct's plan, with its RTO and RPO terms. */
    public GlobalDatabaseOptions toGlobalDatabaseOptions() {
        return options;
    }

    /** The secondary cluster's identifier (lower case, as RDS keeps it). */
    public String getClusterIdentifier() {
        return cluster.getRef();
    }

    /** The secondary cluster's ARN. */
    public String getClusterArn() {
        return Stack.of(this).formatArn(software.amazon.awscdk.ArnComponents.builder().service("rds").resource("cluster")
                .resourceName(cluster.getRef()).arnFormat(software.amazon.awscdk.ArnFormat.COLON_RESOURCE_NAME).build());
    }

    /** The cluster's endpoint for writes once it is the writer (reads while it is a secondary with readers). */
    public String getClusterEndpoint() {
        return cluster.getAttrEndpointAddress();
    }

    public IKey getEncryptionKey() {
        return encryptionKey;
    }

    /** 0 when headless. */
    public int getReaderCount() {
        return readers.size();
    }

    public boolean isHeadless() {
        return readers.isEmpty();
    }

    public CfnDBCluster getCluster() {
        return cluster;
    }

    /** Allow clients with {@code getConnections().allowDefaultPortFrom(...)}. */
    @Override
    public Connections getConnections() {
        return connections;
    }
}
