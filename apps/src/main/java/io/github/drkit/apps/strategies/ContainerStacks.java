package io.github.drkit.apps.strategies;

import java.time.Duration;
import java.util.List;

import io.github.drkit.apps.ReferenceEnvironment;
import io.github.drkit.internal.protection.NagSuppression;
import io.github.drkit.containers.FargateStandby;
import io.github.drkit.containers.FargateStandbyProps;
import io.github.drkit.failover.DnsRouting;
import io.github.drkit.failover.DnsSwitchOptions;
import io.github.drkit.failover.Endpoint;
import io.github.drkit.failover.GlobalTableOptions;
import io.github.drkit.replication.AuroraGlobalSecondary;
import io.github.drkit.failover.HealthCheckOptions;
import io.github.drkit.objectives.RecoveryObjectives;
import software.amazon.awscdk.App;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.ContainerInsights;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.LogDriver;
import software.amazon.awscdk.services.ecs.PortMapping;
import software.amazon.awscdk.services.elasticloadbalancingv2.AddApplicationTargetsProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.BaseApplicationListenerProps;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.route53.ARecord;
import software.amazon.awscdk.services.route53.RecordTarget;
import software.amazon.awscdk.services.route53.targets.LoadBalancerTarget;
import software.constructs.Construct;

/**
 * Containers across two Regions: in the primary Region an ECS service on Fargate behind a load balancer, published as
 * {@code primary.containers.<zone>}; in the recovery Region the same task definition as a pilot light
 * ({@link FargateStandby}: the service exists at 0 tasks behind its load balancer), a failover record on
 * {@code containers.<zone>}, and a failover that runs as many tasks as the primary last asked for (or 2 when the
 * primary Region does not answer), waits for steady state and moves DNS.
 *
 * <p>The data tier ({@link ContainerDataTier}): an Aurora PostgreSQL global database whose writer runs in the primary
 * Region and whose headless secondary ({@link AuroraGlobalSecondary}) waits in the recovery Region, and a DynamoDB global
 * table with a replica in each. Failover's data stage makes the secondary the writer (reporting the replication lag at
 * promotion as the RPO achieved, against the application's declared {@link #RPO}, which the plan's step carries) and
 * checks the table's replica, before the tasks start and DNS moves.
 */
public final class ContainerStacks {
    public static final String APPLICATION = "containers";
    /** The primary service's names, fixed so that the recovery plan can read its desired count. */
    public static final String PRIMARY_CLUSTER = "drkit-containers";
    public static final String PRIMARY_SERVICE = "web";
    /** Pilot light: minutes to promote the database, add its writer instance, start tasks and move DNS. */
    public static final Duration RTO = Duration.ofMinutes(30);
    public static final Duration RPO = Duration.ofMinutes(5);
    /**
     * This application's own Regions: it runs in us-west-2 and recovers into us-east-1, the reverse of the other
     * strategies, as a platform team chooses Regions per application. The emulator keeps Aurora global databases in
     * us-east-1 and detaches a secondary only there, so the drill can promote this one. The context values
     * {@code containersPrimaryRegion} and {@code containersRecoveryRegion} choose others.
     */
    public static final String PRIMARY_REGION = "us-west-2";
    public static final String RECOVERY_REGION = "us-east-1";

    private ContainerStacks() {
    }

    public static void define(App app, ReferenceEnvironment shared) {
        String primaryRegion = context(app, "containersPrimaryRegion", PRIMARY_REGION);
        String recoveryRegion = context(app, "containersRecoveryRegion", RECOVERY_REGION);
        if (primaryRegion.equals(recoveryRegion)) {
            throw new IllegalArgumentException("ContainerStacks: containersRecoveryRegion must differ from containersPrimaryRegion (both "
                    + primaryRegion + ")");
        }
        ReferenceEnvironment env = shared.inRegions(primaryRegion, recoveryRegion);
        ReferenceZone zone = ReferenceZone.from(app);
        PrimaryStack primary = new PrimaryStack(app, "drkit-containers-primary", StackProps.builder().env(env.primary())
                .description("drkit reference app: containers, primary site").build(), env, zone);
        Stack recovery = new RecoveryStack(app, "drkit-containers-recovery", StackProps.builder().env(env.recovery())
                .description("drkit reference app: containers, recovery Region").build(), env, zone);
        recovery.addStackDependency(primary);
    }

    private static String context(App app, String key, String otherwise) {
        Object value = app.getNode().tryGetContext(key);
        return value == null || value.toString().isBlank() ? otherwise : value.toString();
    }

    /** The web task both Regions run: one small container, its logs in CloudWatch for 30 days. */
    static FargateTaskDefinition webTask(Construct scope) {
        FargateTaskDefinition task = FargateTaskDefinition.Builder.create(scope, "WebTask").cpu(256).memoryLimitMiB(512).build();
        LogGroup logs = LogGroup.Builder.create(scope, "WebLogs").retention(RetentionDays.ONE_MONTH).removalPolicy(RemovalPolicy.RETAIN).build();
        task.addContainer("web", ContainerDefinitionOptions.builder()
                .image(ContainerImage.fromRegistry("public.ecr.aws/nginx/nginx:stable-alpine"))
                .portMappings(List.of(PortMapping.builder().containerPort(80).build()))
                .logging(LogDriver.awsLogs(AwsLogDriverProps.builder().logGroup(logs).streamPrefix("web").build()))
                .build());
        return task;
    }

    /** The primary Region's live service, as a platform team already runs it. */
    public static final class PrimaryStack extends Stack {
        public PrimaryStack(Construct scope, String id, StackProps props, ReferenceEnvironment env, ReferenceZone zone) {
            super(scope, id, props);
            RegionNetwork network = new RegionNetwork(this, "Network");
            SecurityGroup lbGroup = SecurityGroup.Builder.create(this, "LoadBalancerSecurityGroup").vpc(network.vpc())
                    .description("Public entry point of the live service").allowAllOutbound(false).build();
            lbGroup.addIngressRule(Peer.anyIpv4(), Port.tcp(80), "HTTP from clients");
            NagSuppression.add(lbGroup, "AwsSolutions-EC23", "Internet-facing load balancer of a public web application: clients "
                    + "connect from any address, only port 80 is open, and the tasks accept traffic from this group alone.", List.of());
            ApplicationLoadBalancer loadBalancer = ApplicationLoadBalancer.Builder.create(this, "LoadBalancer").vpc(network.vpc())
                    .internetFacing(true).securityGroup(lbGroup).dropInvalidHeaderFields(true).build();
            loadBalancer.logAccessLogs(network.logs(), "alb");
            Cluster cluster = Cluster.Builder.create(this, "Cluster").clusterName(PRIMARY_CLUSTER).vpc(network.vpc())
                    .containerInsightsV2(ContainerInsights.ENABLED).build();
            SecurityGroup tasks = SecurityGroup.Builder.create(this, "TaskSecurityGroup").vpc(network.vpc())
                    .description("Tasks of the live service").build();
            FargateService service = FargateService.Builder.create(this, "Service").cluster(cluster).serviceName(PRIMARY_SERVICE)
                    .taskDefinition(webTask(this)).desiredCount(2).minHealthyPercent(100)
                    .circuitBreaker(DeploymentCircuitBreaker.builder().rollback(true).build())
                    .vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build())
                    .securityGroups(List.of(tasks)).build();
            ApplicationListener http = loadBalancer.addListener("Http", BaseApplicationListenerProps.builder()
                    .port(80).protocol(ApplicationProtocol.HTTP).open(false).build());
            http.addTargets("Tasks", AddApplicationTargetsProps.builder().port(80).protocol(ApplicationProtocol.HTTP)
                    .targets(List.of(service)).build());
            ContainerDataTier.primary(this, network.vpc(), service, env.recoveryRegion());
            ARecord.Builder.create(this, "SiteRecord").zone(zone.importInto(this)).recordName("primary." + APPLICATION)
                    .target(RecordTarget.fromAlias(new LoadBalancerTarget(loadBalancer))).build();
        }
    }

    /** The recovery Region's side. */
    public static final class RecoveryStack extends Stack {
        private final FargateStandby standby;
        private final AuroraGlobalSecondary database;

        public RecoveryStack(Construct scope, String id, StackProps props, ReferenceEnvironment env, ReferenceZone zone) {
            super(scope, id, props);
            RegionNetwork network = new RegionNetwork(this, "Network");
            this.database = ContainerDataTier.secondary(this, network.vpc(), env.primaryRegion());
            this.standby = new FargateStandby(this, "Containers", FargateStandbyProps.builder()
                    .applicationName(APPLICATION)
                    .primaryRegion(env.primaryRegion())
                    .vpc(network.vpc())
                    .accessLogBucket(network.logs())
                    .taskDefinition(webTask(this))
                    .standbyTasks(0)
                    .recoveryTasks(2)
                    .recoveryPercentOfPrimary(100)
                    .primaryClusterName(PRIMARY_CLUSTER)
                    .primaryServiceName(PRIMARY_SERVICE)
                    .dns(DnsSwitchOptions.builder()
                            .hostedZone(zone.importInto(this))
                            .recordName(APPLICATION)
                            .primary(Endpoint.zoneRecord("primary." + APPLICATION))
                            .routing(DnsRouting.FAILOVER)
                            .healthCheck(HealthCheckOptions.builder().https(false).interval(software.amazon.awscdk.Duration.seconds(10)).build())
                            .build())
                    .globalDatabases(List.of(database.toGlobalDatabaseOptions()))
                    .globalTables(List.of(GlobalTableOptions.builder().tableName(ContainerDataTier.TABLE).build()))
                    .build());
            // FargateStandby builds a FargateService, which carries the tasks' security group.
            database.getConnections().allowDefaultPortFrom((software.amazon.awscdk.services.ec2.IConnectable) standby.getService(),
                    "Recovery tasks to the database");
            // What the business asked of this application; cdk synth fails if the design cannot meet it.
            RecoveryObjectives.builder()
                    .rto(software.amazon.awscdk.Duration.seconds(RTO.toSeconds()))
                    .rpo(software.amazon.awscdk.Duration.seconds(RPO.toSeconds())).build().applyTo(this);
        }

        public FargateStandby getStandby() {
            return standby;
        }

        public AuroraGlobalSecondary getDatabase() {
            return database;
        }
    }
}
