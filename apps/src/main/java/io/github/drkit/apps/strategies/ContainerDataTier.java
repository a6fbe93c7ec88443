package io.github.drkit.apps.strategies;

import java.util.List;

import io.github.drkit.internal.protection.NagSuppression;
import io.github.drkit.objectives.StandbyCost;
import io.github.drkit.replication.AuroraGlobalSecondary;
import io.github.drkit.replication.AuroraGlobalSecondaryProps;
import software.amazon.awscdk.Arn;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.dynamodb.CfnGlobalTable;
import software.amazon.awscdk.services.ec2.IConnectable;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.rds.AuroraPostgresClusterEngineProps;
import software.amazon.awscdk.services.rds.AuroraPostgresEngineVersion;
import software.amazon.awscdk.services.rds.CfnDBCluster;
import software.amazon.awscdk.services.rds.CfnDBInstance;
import software.amazon.awscdk.services.rds.CfnGlobalCluster;
import software.amazon.awscdk.services.rds.DatabaseClusterEngine;
import software.amazon.awscdk.services.rds.IClusterEngine;
import software.amazon.awscdk.services.rds.SubnetGroup;
import software.constructs.Construct;

/**
 * The container application's data: an Aurora PostgreSQL global database (writer cluster in the primary Region, a
 * headless secondary in the recovery Region) and a DynamoDB global table with a replica in each Region. The names are
 * fixed so that the recovery plan and the drill find them.
 */
public final class ContainerDataTier {
    public static final String GLOBAL_CLUSTER = "drkit-containers-global";
    public static final String PRIMARY_CLUSTER = "drkit-containers-primary";
    public static final String SECONDARY_CLUSTER = "drkit-containers-secondary";
    public static final String TABLE = "drkit-containers-orders";
    public static final int PORT = 5432;
    /** The data the application keeps, for the standby cost of the copies in the recovery Region. */
    public static final double STORED_GB = 10;
    /** The engine of both clusters: a secondary joins only a global database of the same version. */
    public static final IClusterEngine ENGINE = DatabaseClusterEngine.auroraPostgres(AuroraPostgresClusterEngineProps.builder()
            .version(AuroraPostgresEngineVersion.VER_16_4).build());

    private ContainerDataTier() {
    }

    /** The primary Region's side: the global cluster, its writer cluster (Serverless v2), and the global table. */
    static void primary(Construct scope, IVpc vpc, IConnectable tasks, String recoveryRegion) {
        String engine = ENGINE.getEngineType();
        String version = ENGINE.getEngineVersion().getFullVersion();
        CfnGlobalCluster global = CfnGlobalCluster.Builder.create(scope, "GlobalDatabase").globalClusterIdentifier(GLOBAL_CLUSTER)
                .engine(engine).engineVersion(version).storageEncrypted(true).deletionProtection(true).build();
        global.applyRemovalPolicy(RemovalPolicy.RETAIN);
        Key key = Key.Builder.create(scope, "DatabaseKey").description("Storage of the container application's primary Aurora cluster")
                .enableKeyRotation(true).removalPolicy(RemovalPolicy.RETAIN).build();
        SecurityGroup group = SecurityGroup.Builder.create(scope, "DatabaseSecurityGroup").vpc(vpc)
                .description("Primary Aurora cluster: reachable from the service tasks only").allowAllOutbound(false).build();
        group.getConnections().allowFrom(tasks, Port.tcp(PORT), "Tasks to the database");
        SubnetGroup subnets = SubnetGroup.Builder.create(scope, "DatabaseSubnets").vpc(vpc).description("Primary Aurora cluster")
                .vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PRIVATE_ISOLATED).build()).build();
        CfnDBCluster cluster = CfnDBCluster.Builder.create(scope, "Database")
                .dbClusterIdentifier(PRIMARY_CLUSTER)
                .globalClusterIdentifier(global.getRef())
                .engine(engine).engineVersion(version)
                .masterUsername("drkit")
                // RDS keeps the password in Secrets Manager and rotates it: no secret in the template.
                .manageMasterUserPassword(true)
                .storageEncrypted(true).kmsKeyId(key.getKeyArn())
                .deletionProtection(true)
                .enableIamDatabaseAuthentication(true)
                .port(PORT)
                .dbSubnetGroupName(subnets.getSubnetGroupName())
                .vpcSecurityGroupIds(List.of(group.getSecurityGroupId()))
                .backupRetentionPeriod(7)
                .copyTagsToSnapshot(true)
                .enableCloudwatchLogsExports(List.of("postgresql"))
                .serverlessV2ScalingConfiguration(CfnDBCluster.ServerlessV2ScalingConfigurationProperty.builder()
                        .minCapacity(0.5).maxCapacity(4).build())
                .build();
        cluster.applyRemovalPolicy(RemovalPolicy.SNAPSHOT);
        StandbyCost.storageEstimate(cluster, STORED_GB);
        NagSuppression.add(cluster, "AwsSolutions-RDS11", "Both clusters of the global database listen on PostgreSQL's port so that the"
                + " application's connection settings are the same in both Regions; only the tasks' security group reaches it.", List.of());
        CfnDBInstance writer = CfnDBInstance.Builder.create(scope, "DatabaseWriter").dbClusterIdentifier(cluster.getRef())
                .engine(engine).dbInstanceClass("db.serverless").publiclyAccessible(false).autoMinorVersionUpgrade(true).build();
        writer.applyRemovalPolicy(RemovalPolicy.DESTROY);

        CfnGlobalTable table = CfnGlobalTable.Builder.create(scope, "Orders").tableName(TABLE).billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(List.of(CfnGlobalTable.AttributeDefinitionProperty.builder().attributeName("orderId")
                        .attributeType("S").build()))
                .keySchema(List.of(CfnGlobalTable.KeySchemaProperty.builder().attributeName("orderId").keyType("HASH").build()))
                .streamSpecification(CfnGlobalTable.StreamSpecificationProperty.builder().streamViewType("NEW_AND_OLD_IMAGES").build())
                .replicas(List.of(replica(Stack.of(scope).getRegion()), replica(recoveryRegion)))
                .build();
        table.applyRemovalPolicy(RemovalPolicy.RETAIN);
        StandbyCost.storageEstimate(table, STORED_GB);
    }

    private static CfnGlobalTable.ReplicaSpecificationProperty replica(String region) {
        return CfnGlobalTable.ReplicaSpecificationProperty.builder().region(region).deletionProtectionEnabled(true)
                .pointInTimeRecoverySpecification(CfnGlobalTable.PointInTimeRecoverySpecificationProperty.builder()
                        .pointInTimeRecoveryEnabled(true).build())
                .build();
    }

    /** The recovery Region's side: the headless secondary cluster, reachable from the recovery service's tasks. */
    static AuroraGlobalSecondary secondary(Construct scope, IVpc vpc, String primaryRegion) {
        AuroraGlobalSecondary secondary = new AuroraGlobalSecondary(scope, "OrdersDatabase", AuroraGlobalSecondaryProps.builder()
                .globalClusterIdentifier(GLOBAL_CLUSTER)
                .clusterIdentifier(SECONDARY_CLUSTER)
                .engine(ENGINE)
                .vpc(vpc)
                .port(PORT)
                .primaryClusterArn(Arn.format(ArnComponents.builder().service("rds").region(primaryRegion).resource("cluster")
                        .resourceName(PRIMARY_CLUSTER).arnFormat(ArnFormat.COLON_RESOURCE_NAME).build(), Stack.of(scope)))
                .build());
        // Headless: the recovery Region pays for the replicated storage only.
        StandbyCost.storageEstimate(secondary.getCluster(), STORED_GB);
        return secondary;
    }
}
