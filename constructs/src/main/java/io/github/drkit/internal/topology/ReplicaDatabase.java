package io.github.drkit.internal.topology;

import io.github.drkit.failover.DatabaseOptions;
import io.github.drkit.internal.plan.NagFindings;
import software.amazon.awscdk.Arn;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.rds.CfnDBInstance;
import software.amazon.awscdk.services.rds.DatabaseInstance;
import software.amazon.awscdk.services.rds.DatabaseInstanceAttributes;
import software.amazon.awscdk.services.rds.DatabaseInstanceReadReplica;
import software.amazon.awscdk.services.sns.ITopic;
import software.constructs.Construct;

import java.util.List;

/**
 * The data tier of a recovery site: a new cross-Region read replica, or a replica the user runs,
 * and an alarm on its replication lag at the RPO the estimate assumes.
 */
public final class ReplicaDatabase {
    /** Default ports of MySQL/MariaDB, PostgreSQL, SQL Server, Oracle and Db2. */
    private static final java.util.Set<Integer> ENGINE_DEFAULT_PORTS = java.util.Set.of(3306, 5432, 1433, 1521, 50000);

    private final String identifier;
    private final DatabaseInstanceReadReplica replica;
    private final SecurityGroup securityGroup;
    private final Alarm lagAlarm;

    public ReplicaDatabase(Construct scope, IVpc vpc, DatabaseOptions options, ITopic notifications) {
        if (options.createsReplica()) {
            ArnComponents source = Arn.split(options.getSourceDatabaseArn(), ArnFormat.COLON_RESOURCE_NAME);
            IKey key = options.getEncryptionKey() != null ? options.getEncryptionKey()
                    : Key.Builder.create(scope, "DatabaseKey").description("Storage of the recovery Region's read replica")
                            .enableKeyRotation(true).removalPolicy(RemovalPolicy.RETAIN).build();
            this.securityGroup = SecurityGroup.Builder.create(scope, "DatabaseSecurityGroup")
                    .vpc(vpc).description("Read replica of the recovery site").allowAllOutbound(false).build();
            InstanceType type = options.getInstanceType();
            SubnetType subnets = vpc.getIsolatedSubnets().isEmpty() ? SubnetType.PRIVATE_WITH_EGRESS : SubnetType.PRIVATE_ISOLATED;
            DatabaseInstanceReadReplica.Builder b = DatabaseInstanceReadReplica.Builder.create(scope, "Replica")
                    // The source is in another Region: the identifier is overridden with its ARN below.
                    .sourceDatabaseInstance(DatabaseInstance.fromDatabaseInstanceAttributes(scope, "Source", DatabaseInstanceAttributes.builder()
                            .instanceIdentifier(source.getResourceName())
                            .instanceEndpointAddress(source.getResourceName() + "." + source.getRegion() + ".rds.amazonaws.com")
                            .port(options.getPort())
                            .securityGroups(List.of())
                            .build()))
                    .instanceType(type)
                    .vpc(vpc)
                    .vpcSubnets(SubnetSelection.builder().subnetType(subnets).build())
                    .securityGroups(List.of(securityGroup))
                    .port(options.getPort())
                    .storageEncrypted(true)
                    .storageEncryptionKey(key)
                    .multiAz(options.getMultiAz())
                    // Promotion turns the replica into the production database: it must already
                    // back up, resist deletion and accept IAM authentication.
                    .backupRetention(Duration.days(7))
                    .deletionProtection(true)
                    .iamAuthentication(true)
                    .autoMinorVersionUpgrade(true)
                    .removalPolicy(RemovalPolicy.SNAPSHOT);
            if (options.getReplicaIdentifier() != null) {
                b.instanceIdentifier(options.getReplicaIdentifier());
            }
            this.replica = b.build();
            CfnDBInstance cfn = (CfnDBInstance) replica.getNode().getDefaultChild();
            cfn.addPropertyOverride("SourceDBInstanceIdentifier", options.getSourceDatabaseArn());
            cfn.addPropertyOverride("SourceRegion", source.getRegion());
            // A replica of an encrypted source is encrypted with KmsKeyId; CloudFormation rejects
            // StorageEncrypted beside SourceDBInstanceIdentifier.
            cfn.addPropertyDeletionOverride("StorageEncrypted");
            if (!ENGINE_DEFAULT_PORTS.contains(options.getPort())) {
                NagFindings.suppress(replica, "AwsSolutions-RDS11", "A cross-Region read replica takes its engine from its source, so the "
                        + "check cannot see it; the replica listens on port " + options.getPort() + ", which is no engine's default port.", List.of());
            }
            this.identifier = replica.getInstanceIdentifier();
        } else {
            this.replica = null;
            this.securityGroup = null;
            this.identifier = options.getExistingReplicaIdentifier();
        }
        this.lagAlarm = Alarm.Builder.create(scope, "ReplicaLagAlarm")
                .alarmDescription("Replication lag is above the expected " + options.getExpectedReplicationLag().toSeconds()
                        + " s the RPO estimate assumes")
                .metric(Metric.Builder.create().namespace("AWS/RDS").metricName("ReplicaLag")
                        .dimensionsMap(java.util.Map.of("DBInstanceIdentifier", identifier))
                        .statistic("Maximum").period(Duration.minutes(1)).build())
                .threshold(Math.max(1, options.getExpectedReplicationLag().toSeconds().doubleValue()))
                .evaluationPeriods(5)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                // A replica that stops reporting lag has stopped replicating.
                .treatMissingData(TreatMissingData.BREACHING)
                .build();
        lagAlarm.addAlarmAction(new SnsAction(notifications));
    }

    public String identifier() {
        return identifier;
    }

    /** The replica this construct created, or null when the user runs it. */
    public DatabaseInstanceReadReplica replica() {
        return replica;
    }

    /** The replica's security group, or null when the user runs it. */
    public SecurityGroup securityGroup() {
        return securityGroup;
    }

    public Alarm lagAlarm() {
        return lagAlarm;
    }
}
