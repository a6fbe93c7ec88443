package io.github.drkit.apps.strategies;

import io.github.drkit.internal.protection.NagSuppression;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.autoscaling.AdditionalHealthCheckType;
import software.amazon.awscdk.services.autoscaling.AdditionalHealthChecksOptions;
import software.amazon.awscdk.services.autoscaling.AutoScalingGroup;
import software.amazon.awscdk.services.autoscaling.CpuUtilizationScalingProps;
import software.amazon.awscdk.services.autoscaling.HealthChecks;
import software.amazon.awscdk.services.autoscaling.NotificationConfiguration;
import software.amazon.awscdk.services.autoscaling.ScalingEvents;
import software.amazon.awscdk.services.ec2.BlockDevice;
import software.amazon.awscdk.services.ec2.BlockDeviceVolume;
import software.amazon.awscdk.services.ec2.EbsDeviceOptions;
import software.amazon.awscdk.services.ec2.EbsDeviceVolumeType;
import software.amazon.awscdk.services.ec2.InstanceClass;
import software.amazon.awscdk.services.ec2.InstanceSize;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.ec2.LaunchTemplate;
import software.amazon.awscdk.services.ec2.MachineImage;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.elasticloadbalancingv2.AddApplicationTargetsProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.BaseApplicationListenerProps;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.rds.CfnDBInstance;
import software.amazon.awscdk.services.rds.CfnDBSubnetGroup;
import software.amazon.awscdk.services.route53.ARecord;
import software.amazon.awscdk.services.route53.RecordTarget;
import software.amazon.awscdk.services.route53.targets.LoadBalancerTarget;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

/**
 * A live site in one Region, as a platform team already runs it: web servers in an Auto Scaling group
 * behind a load balancer, published under a stable name of the shared zone
 * ({@code <site>.<app>.<zone>}) that the other Region's stacks alias to, and optionally the primary
 * PostgreSQL database the recovery Region replicates.
 */
public final class LiveSiteStack extends Stack {
    /** Port of the reference databases: a non-default one, as the AWS Solutions checks ask. */
    public static final int DATABASE_PORT = 5433;

    private final ApplicationLoadBalancer loadBalancer;
    private final String siteRecordName;
    private final AutoScalingGroup servers;
    private CfnDBInstance database;

    /**
     * @param siteRecordName the stable name of this site in the zone, e.g. "primary.pilot-light"
     * @param databaseIdentifier the primary database's identifier, or null for a stateless site
     */
    public LiveSiteStack(Construct scope, String id, StackProps props, ReferenceZone zone, String siteRecordName, String databaseIdentifier) {
        super(scope, id, props);
        this.siteRecordName = siteRecordName;
        RegionNetwork network = new RegionNetwork(this, "Network");

        Key key = Key.Builder.create(this, "TopicKey").description("Encrypts this site's operational notifications")
                .enableKeyRotation(true).removalPolicy(RemovalPolicy.RETAIN).build();
        key.grantEncryptDecrypt(new ServicePrincipal("cloudwatch.amazonaws.com"));
        Topic topic = Topic.Builder.create(this, "Notifications").displayName("drkit live site " + siteRecordName)
                .masterKey(key).enforceSsl(true).build();

        SecurityGroup lbGroup = SecurityGroup.Builder.create(this, "LoadBalancerSecurityGroup").vpc(network.vpc())
                .description("Public entry point of the live site").allowAllOutbound(false).build();
        lbGroup.addIngressRule(Peer.anyIpv4(), Port.tcp(80), "HTTP from clients");
        NagSuppression.add(lbGroup, "AwsSolutions-EC23", "Internet-facing load balancer of a public web application: clients "
                + "connect from any address, only port 80 is open, and the servers accept traffic from this group alone.", List.of());
        this.loadBalancer = ApplicationLoadBalancer.Builder.create(this, "LoadBalancer").vpc(network.vpc()).internetFacing(true)
                .securityGroup(lbGroup).dropInvalidHeaderFields(true).build();
        loadBalancer.logAccessLogs(network.logs(), "alb");

        SecurityGroup serverGroup = SecurityGroup.Builder.create(this, "ServerSecurityGroup").vpc(network.vpc())
                .description("Web servers of the live site").build();
        LaunchTemplate template = LaunchTemplate.Builder.create(this, "LaunchTemplate")
                .instanceType(InstanceType.of(InstanceClass.T3, InstanceSize.SMALL))
                .machineImage(MachineImage.latestAmazonLinux2023())
                .securityGroup(serverGroup)
                .requireImdsv2(true)
                .detailedMonitoring(true)
                .blockDevices(List.of(BlockDevice.builder().deviceName("/dev/xvda")
                        .volume(BlockDeviceVolume.ebs(20, EbsDeviceOptions.builder().encrypted(true).volumeType(EbsDeviceVolumeType.GP3).build()))
                        .build()))
                .build();
        this.servers = AutoScalingGroup.Builder.create(this, "Servers")
                .vpc(network.vpc())
                .vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build())
                .launchTemplate(template)
                .minCapacity(2)
                .maxCapacity(8)
                .healthChecks(HealthChecks.withAdditionalChecks(AdditionalHealthChecksOptions.builder()
                        .additionalTypes(List.of(AdditionalHealthCheckType.ELB)).gracePeriod(Duration.minutes(5)).build()))
                .notifications(List.of(NotificationConfiguration.builder().topic(topic).scalingEvents(ScalingEvents.ALL).build()))
                .build();
        servers.scaleOnCpuUtilization("CpuTracking", CpuUtilizationScalingProps.builder().targetUtilizationPercent(60).build());
        ApplicationListener http = loadBalancer.addListener("Http", BaseApplicationListenerProps.builder()
                .port(80).protocol(ApplicationProtocol.HTTP).open(false).build());
        http.addTargets("Servers", AddApplicationTargetsProps.builder().port(80).protocol(ApplicationProtocol.HTTP)
                .targets(List.of(servers)).build());

        ARecord.Builder.create(this, "SiteRecord").zone(zone.importInto(this)).recordName(siteRecordName)
                .target(RecordTarget.fromAlias(new LoadBalancerTarget(loadBalancer))).build();

        if (databaseIdentifier != null) {
            this.database = primaryDatabase(network, serverGroup, databaseIdentifier);
        }
    }

    private CfnDBInstance primaryDatabase(RegionNetwork network, SecurityGroup serverGroup, String identifier) {
        Key key = Key.Builder.create(this, "DatabaseKey").description("Storage of the primary database")
                .enableKeyRotation(true).removalPolicy(RemovalPolicy.RETAIN).build();
        SecurityGroup dbGroup = SecurityGroup.Builder.create(this, "DatabaseSecurityGroup").vpc(network.vpc())
                .description("Primary database").allowAllOutbound(false).build();
        dbGroup.addIngressRule(serverGroup, Port.tcp(DATABASE_PORT), "Web servers to the database");
        CfnDBSubnetGroup subnets = CfnDBSubnetGroup.Builder.create(this, "DatabaseSubnets")
                .dbSubnetGroupDescription("Isolated subnets of the primary database")
                .subnetIds(network.vpc().selectSubnets(SubnetSelection.builder().subnetType(SubnetType.PRIVATE_ISOLATED).build()).getSubnetIds())
                .build();
        // RDS manages and rotates the master password in Secrets Manager: no secret in the template.
        CfnDBInstance db = CfnDBInstance.Builder.create(this, "Database")
                .dbInstanceIdentifier(identifier)
                .engine("postgres")
                .dbInstanceClass("db.t4g.medium")
                .allocatedStorage("50")
                .storageType("gp3")
                .storageEncrypted(true)
                .kmsKeyId(key.getKeyArn())
                .masterUsername("drkit")
                .manageMasterUserPassword(true)
                .multiAz(true)
                .port(String.valueOf(DATABASE_PORT))
                .dbSubnetGroupName(subnets.getRef())
                .vpcSecurityGroups(List.of(dbGroup.getSecurityGroupId()))
                .backupRetentionPeriod(7)
                .deletionProtection(true)
                .enableIamDatabaseAuthentication(true)
                .autoMinorVersionUpgrade(true)
                .publiclyAccessible(false)
                .copyTagsToSnapshot(true)
                .build();
        db.applyRemovalPolicy(RemovalPolicy.SNAPSHOT);
        return db;
    }

    /** The site's web servers. */
    public AutoScalingGroup getServers() {
        return servers;
    }

    /** The primary database, or null for a stateless site. */
    public CfnDBInstance getDatabase() {
        return database;
    }

    public ApplicationLoadBalancer getLoadBalancer() {
        return loadBalancer;
    }

    /** The site's stable name within the zone, relative to it. */
    public String getSiteRecordName() {
        return siteRecordName;
    }

    /** The ARN of the primary database with this identifier in this stack's Region and account. */
    public static String databaseArn(String region, String account, String identifier) {
        return "arn:aws:rds:" + region + ":" + account + ":db:" + identifier;
    }
}
