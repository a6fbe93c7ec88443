package io.github.drkit.containers;

import java.util.ArrayList;
import java.util.List;

import io.github.drkit.failover.DnsSwitchOptions;
import io.github.drkit.failover.FailoverFunction;
import io.github.drkit.failover.FailoverFunctionProps;
import io.github.drkit.failover.FailoverPlan;
import io.github.drkit.failover.GlobalDatabaseOptions;
import io.github.drkit.failover.GlobalTableOptions;
import io.github.drkit.failover.PlanEcsService;
import io.github.drkit.failover.RecoveryTimings;
import io.github.drkit.internal.plan.Checks;
import io.github.drkit.internal.topology.DnsSwitch;
import io.github.drkit.internal.topology.Estimates;
import io.github.drkit.internal.topology.GlobalData;
import io.github.drkit.internal.topology.SiteLoadBalancer;
import io.github.drkit.internal.topology.Topics;
import io.github.drkit.objectives.DrStrategy;
import io.github.drkit.objectives.EstimateTerm;
import io.github.drkit.objectives.RecoveryEstimate;
import io.github.drkit.objectives.RecoveryEstimator;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerInsights;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.ICluster;
import software.amazon.awscdk.services.ecs.IFargateService;
import software.amazon.awscdk.services.elasticloadbalancingv2.IApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.TargetType;
import software.amazon.awscdk.services.route53.IHealthCheck;
import software.amazon.awscdk.services.sns.ITopic;
import software.constructs.Construct;

/**
 * An ECS service on Fargate in the recovery Region, behind the recovery load balancer, with failover DNS and the
 * failover function whose plan scales it: pilot light when it runs no task in normal operation
 * ({@code standbyTasks} 0, the default), warm standby when it runs a few. Failover raises the service's desired count
 * to {@code recoveryTasks} (or to a share of the primary service's count), waits for steady state and moves DNS;
 * failback moves DNS back and returns the service to {@code standbyTasks}.
 *
 * <p>The tasks' data tier joins the same plan through {@code globalDatabases} (an Aurora global database's secondary in
 * this Region, e.g. an {@code AuroraGlobalSecondary}) and {@code globalTables} (a DynamoDB global table's replica): their
 * steps run in the {@code data} stage, before the tasks start and DNS moves.
 */
public final class FargateStandby extends Construct implements RecoveryEstimator {
    private static final String OWNER = "FargateStandby";
    /** AWS documents no bound for a Fargate task's start; this is drkit's default, replaced by a measured one. */
    public static final Duration DEFAULT_TASK_START_TIME = Duration.minutes(2);

    private final DnsSwitchOptions dnsOptions;
    private final RecoveryTimings timings;
    private final Duration taskStartTime;
    private final int standbyTasks;
    private final Cluster cluster;
    private final FargateService service;
    private final SiteLoadBalancer site;
    private final DnsSwitch dns;
    private final ITopic topic;
    private final PlanEcsService step;
    private final FailoverFunction failover;
    private final List<GlobalDatabaseOptions> globalDatabases;
    private final List<GlobalTableOptions> globalTables;

    public FargateStandby(Construct scope, String id, FargateStandbyProps props) {
        super(scope, id);
        Checks.required(OWNER, "props", props);
        Checks.required(OWNER, "vpc", props.getVpc());
        Checks.required(OWNER, "taskDefinition", props.getTaskDefinition());
        this.dnsOptions = Checks.required(OWNER, "dns", props.getDns());
        this.standbyTasks = props.getStandbyTasks() == null ? 0 : Checks.range(OWNER, "standbyTasks", props.getStandbyTasks(), 0, 10_000);
        int recoveryTasks = Checks.range(OWNER, "recoveryTasks", props.getRecoveryTasks(), 0, 10_000);
        if (recoveryTasks < standbyTasks) {
            throw new IllegalArgumentException(OWNER + ": recoveryTasks must be at least standbyTasks (got " + recoveryTasks
                    + ", standbyTasks " + standbyTasks + "): failover never shrinks the service");
        }
        if (recoveryTasks == 0) {
            throw new IllegalArgumentException(OWNER + ": recoveryTasks must be at least 1 (got 0): a recovery site that runs no task serves nothing");
        }
        int port = props.getContainerPort() == null ? 80 : Checks.range(OWNER, "containerPort", props.getContainerPort(), 1, 65535);
        this.timings = RecoveryTimings.orDefaults(props.getTimings());
        this.globalDatabases = props.getGlobalDatabases();
        this.globalTables = props.getGlobalTables();
        this.taskStartTime = props.getTaskStartTime() == null ? DEFAULT_TASK_START_TIME : props.getTaskStartTime();
        String region = Stack.of(this).getRegion();
        Checks.primaryRegionDiffers(OWNER, region, props.getPrimaryRegion());
        String application = props.getApplicationName() != null ? props.getApplicationName() : id;

        this.topic = Topics.givenOrEncrypted(this, props.getNotificationTopic(), "drkit " + application);
        this.site = new SiteLoadBalancer(this, props.getVpc(), port, props.getHealthCheckPath() == null ? "/" : props.getHealthCheckPath(),
                props.getCertificate(), props.getAccessLogBucket(), TargetType.IP);
        this.cluster = Cluster.Builder.create(this, "Cluster").vpc(props.getVpc()).containerInsightsV2(ContainerInsights.ENABLED).build();
        SecurityGroup tasks = SecurityGroup.Builder.create(this, "TaskSecurityGroup").vpc(props.getVpc())
                .description("Tasks of the recovery service: traffic from the load balancer only").allowAllOutbound(true).build();
        tasks.getConnections().allowFrom(site.securityGroup(), Port.tcp(port), "Load balancer to the tasks");
        // The deployment circuit breaker rolls a failing deployment back, so that steady state is reached or fails
        // visibly instead of leaving the service between two task definitions.
        this.service = FargateService.Builder.create(this, "Service").cluster(cluster).taskDefinition(props.getTaskDefinition())
                .desiredCount(standbyTasks).minHealthyPercent(100).maxHealthyPercent(200)
                .circuitBreaker(DeploymentCircuitBreaker.builder().rollback(true).build())
                .vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build())
                .securityGroups(List.of(tasks)).assignPublicIp(false).build();
        service.attachToApplicationTargetGroup(site.targetGroup());
        this.dns = new DnsSwitch(this, dnsOptions, site.loadBalancer());

        PlanEcsService.Builder planService = PlanEcsService.builder().region(region).clusterName(cluster.getClusterName())
                .serviceName(service.getServiceName()).standbyDesiredCount(standbyTasks).recoveryDesiredCount(recoveryTasks)
                .steadyStateTimeout(props.getSteadyStateTimeout());
        if (props.getRecoveryPercentOfPrimary() != null) {
            planService.recoveryPercentOfPrimary(props.getRecoveryPercentOfPrimary()).primaryRegion(props.getPrimaryRegion())
                    .primaryClusterName(props.getPrimaryClusterName()).primaryServiceName(props.getPrimaryServiceName());
        }
        this.step = planService.build();
        FailoverPlan plan = FailoverPlan.builder()
                .application(application)
                .strategy(strategy())
                .primaryRegion(props.getPrimaryRegion())
                .recoveryRegion(region)
                .otherSteps(steps(step, region, props))
                .dns(List.of(dns.planZone()))
                .build();
        this.failover = new FailoverFunction(this, "Failover", FailoverFunctionProps.builder().plan(plan).notificationTopic(topic).build());
    }

    /** The data tier's steps (data stage) first, then the service's. */
    private static List<io.github.drkit.failover.RecoveryStep> steps(PlanEcsService service, String region, FargateStandbyProps props) {
        List<io.github.drkit.failover.RecoveryStep> steps = new ArrayList<>(GlobalData.steps(OWNER, region, props.getPrimaryRegion(),
                props.getGlobalDatabases(), props.getGlobalTables()));
        steps.add(service);
        return steps;
    }

    /** Pilot light when no task runs in normal operation, warm standby otherwise. */
    public DrStrategy strategy() {
        return standbyTasks == 0 ? DrStrategy.PILOT_LIGHT : DrStrategy.WARM_STANDBY;
    }

    /**
     * Detection, decision, orchestration, task start, application warm-up, load balancer health, DNS propagation and
     * TTL, and the global databases' failover (and writer instance for a headless secondary); a warm standby counts the
     * same terms, since failover waits for every recovery task. The service keeps no data: the RPO is the global data's
     * (the store that may lose the most), or, without global data options, the data tier's, declared by its constructs.
     */
    @Override
    public RecoveryEstimate recoveryEstimate() {
        String p = OWNER + ".";
        List<EstimateTerm> rto = new ArrayList<>();
        rto.add(Estimates.detection(dnsOptions.getHealthCheck(), p + "dns.healthCheck (interval, failureThreshold)"));
        rto.add(Estimates.decision(timings, p + "timings.decisionTime"));
        rto.add(Estimates.orchestration(timings, p + "timings.orchestrationTime"));
        rto.add(EstimateTerm.of("task start", taskStartTime, "a raised desired count to running Fargate tasks: image pull, network"
                + " interface, container start (assumption; AWS documents no bound, measure it in a drill)", p + "taskStartTime"));
        rto.add(Estimates.warmUp(timings, p + "timings.appWarmUpTime"));
        rto.add(Estimates.targetHealth());
        rto.add(Estimates.dnsPropagation());
        rto.add(Estimates.dnsTtl(Estimates.DNS_TTL));
        rto.addAll(GlobalData.rtoTerms(globalDatabases, p));
        List<EstimateTerm> rpo = GlobalData.rpoTerms(globalDatabases, globalTables, p);
        if (rpo.isEmpty()) {
            rpo = List.of(EstimateTerm.of("replication lag", java.time.Duration.ZERO,
                    "no data tier in this construct: the tasks are stateless (the data tier's constructs declare its lag)", p + "data tier"));
        }
        return RecoveryEstimate.builder().source(getNode().getPath()).strategy(strategy()).rtoTerms(rto).rpoTerms(rpo).build();
    }

    /** The step that scales the service, for a plan that also recovers other parts of the application. */
    public PlanEcsService getStep() {
        return step;
    }

    public FailoverFunction getFailover() {
        return failover;
    }

    public ICluster getCluster() {
        return cluster;
    }

    public IFargateService getService() {
        return service;
    }

    public IApplicationLoadBalancer getLoadBalancer() {
        return site.loadBalancer();
    }

    public ITopic getNotificationTopic() {
        return topic;
    }

    public IHealthCheck getPrimaryHealthCheck() {
        return dns.primaryHealthCheck();
    }
}
