package io.github.drkit.standby;

import io.github.drkit.arc.ArcRegionSwitchPlan;
import io.github.drkit.internal.protection.Durations;
import io.github.drkit.failover.Capacity;
import io.github.drkit.failover.DatabaseOptions;
import io.github.drkit.failover.GlobalDatabaseOptions;
import io.github.drkit.failover.GlobalTableOptions;
import io.github.drkit.internal.topology.GlobalData;
import io.github.drkit.failover.DnsSwitchOptions;
import io.github.drkit.failover.FailoverFunction;
import io.github.drkit.failover.FailoverFunctionProps;
import io.github.drkit.failover.FailoverPlan;
import io.github.drkit.failover.PlanDatabase;
import io.github.drkit.failover.PlanFleet;
import io.github.drkit.internal.plan.PlanRules;
import io.github.drkit.plan.FleetPlan;
import io.github.drkit.failover.RecoveryTimings;
import io.github.drkit.internal.plan.Checks;
import io.github.drkit.internal.topology.DnsSwitch;
import io.github.drkit.internal.topology.Estimates;
import io.github.drkit.internal.topology.ReplicaDatabase;
import io.github.drkit.internal.topology.ServerFleet;
import io.github.drkit.internal.topology.SiteLoadBalancer;
import io.github.drkit.internal.topology.Topics;
import io.github.drkit.objectives.DrStrategy;
import io.github.drkit.objectives.EstimateTerm;
import io.github.drkit.objectives.RecoveryEstimate;
import io.github.drkit.objectives.RecoveryEstimator;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.autoscaling.CpuUtilizationScalingProps;
import software.amazon.awscdk.services.autoscaling.IAutoScalingGroup;
import software.amazon.awscdk.services.ec2.IMachineImage;
import software.amazon.awscdk.services.ec2.InstanceClass;
import software.amazon.awscdk.services.ec2.InstanceSize;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.ec2.MachineImage;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.elasticloadbalancingv2.IApplicationLoadBalancer;
import software.amazon.awscdk.services.route53.IHealthCheck;
import software.amazon.awscdk.services.sns.ITopic;
import software.constructs.Construct;

/**
 * Warm standby: a minimal, fully working fleet always runs behind a load balancer in the recovery
 * Region, with target-tracking scaling. Failover (a {@link FailoverFunction} and its plan) promotes
 * the optional replica, scales the fleet out to the recovery capacity and, optionally, up to a
 * larger instance type through a new launch template version, waits for health and flips DNS.
 */
public class WarmStandbyFleet extends Construct implements RecoveryEstimator {
    private final DatabaseOptions database;
    private final List<GlobalDatabaseOptions> globalDatabases;
    private final List<GlobalTableOptions> globalTables;
    private final DnsSwitchOptions dnsOptions;
    private final RecoveryTimings timings;
    private final SiteLoadBalancer site;
    private final ServerFleet fleet;
    private final ReplicaDatabase replica;
    private final DnsSwitch dns;
    private final ITopic topic;
    private final FailoverFunction failover;
    private final ArcRegionSwitchPlan regionSwitchPlan;

    public WarmStandbyFleet(Construct scope, String id, WarmStandbyFleetProps props) {
        super(scope, id);
        String owner = "WarmStandbyFleet";
        Checks.required(owner, "props", props);
        Checks.required(owner, "vpc", props.getVpc());
        this.dnsOptions = Checks.required(owner, "dns", props.getDns());
        Capacity recovery = Checks.required(owner, "recoveryCapacity", props.getRecoveryCapacity());
        Capacity standby = props.getStandbyCapacity() != null ? props.getStandbyCapacity() : Capacity.of(1, 1, 2);
        if (standby.min() < 1) {
            throw new IllegalArgumentException(owner + ": standbyCapacity min must be at least 1, a warm standby always runs (got " + standby.min() + ")");
        }
        PlanRules.require(owner, () -> FleetPlan.requireRecoveryNotBelowStandby(standby.toPlan(), recovery.toPlan(), ""));
        int cpu = props.getTargetCpuUtilization() == null ? 60 : Checks.range(owner, "targetCpuUtilization", props.getTargetCpuUtilization(), 10, 90);
        Checks.range(owner, "port", props.getPort(), 1, 65535);
        InstanceType type = props.getInstanceType() != null ? props.getInstanceType() : InstanceType.of(InstanceClass.T3, InstanceSize.SMALL);
        InstanceType bigger = props.getRecoveryInstanceType();
        if (bigger != null && bigger.toString().equals(type.toString())) {
            throw new IllegalArgumentException(owner + ": recoveryInstanceType must differ from instanceType (both " + type
                    + "); leave it unset to scale out only");
        }
        this.database = props.getDatabase();
        this.globalDatabases = props.getGlobalDatabases();
        this.globalTables = props.getGlobalTables();
        this.timings = RecoveryTimings.orDefaults(props.getTimings());
        String region = Stack.of(this).getRegion();
        String primaryRegion = props.getPrimaryRegion();
        Checks.primaryRegionDiffers(owner, region, primaryRegion);
        String application = props.getApplicationName() != null ? props.getApplicationName() : id;

        this.topic = Topics.givenOrEncrypted(this, props.getNotificationTopic(), "drkit " + application);
        this.site = new SiteLoadBalancer(this, props.getVpc(), props.getPort(), props.getHealthCheckPath(), props.getCertificate(),
                props.getAccessLogBucket());
        IMachineImage image = props.getMachineImage() != null ? props.getMachineImage() : MachineImage.latestAmazonLinux2023();
        Duration grace = Estimates.launchGrace(timings);
        this.fleet = new ServerFleet(new Construct(this, "Fleet"), props.getVpc(), type, image, props.getUserData(), standby, grace, topic, true);
        fleet.group().attachToApplicationTargetGroup(site.targetGroup());
        fleet.securityGroup().getConnections().allowFrom(site.securityGroup(), Port.tcp(props.getPort()), "Load balancer to the fleet");
        fleet.group().scaleOnCpuUtilization("CpuTracking", CpuUtilizationScalingProps.builder().targetUtilizationPercent(cpu).build());

        List<PlanDatabase> databases = new ArrayList<>();
        if (database != null) {
            this.replica = new ReplicaDatabase(this, props.getVpc(), database, topic);
            if (replica.securityGroup() != null) {
                replica.securityGroup().getConnections().allowFrom(fleet.securityGroup(), Port.tcp(database.getPort()), "Fleet to the database");
            }
            databases.add(PlanDatabase.of(region, replica.identifier()));
        } else {
            this.replica = null;
        }
        this.dns = new DnsSwitch(this, dnsOptions, site.loadBalancer());

        PlanFleet.Builder pf = PlanFleet.builder().region(region).autoScalingGroupName(fleet.group().getAutoScalingGroupName())
                .standby(standby).recovery(recovery).minHealthy(recovery.min())
                .targetGroupArns(List.of(site.targetGroup().getTargetGroupArn()));
        if (bigger != null) {
            pf.standbyInstanceType(type.toString()).recoveryInstanceType(bigger.toString())
                    .launchTemplateId(fleet.launchTemplate().getLaunchTemplateId()).instanceRoleArn(fleet.role().getRoleArn());
        }
        FailoverPlan plan = FailoverPlan.builder()
                .application(application)
                .strategy(DrStrategy.WARM_STANDBY)
                .primaryRegion(primaryRegion)
                .recoveryRegion(region)
                .databases(databases)
                .fleets(List.of(pf.build()))
                .dns(List.of(dns.planZone()))
                .healthTimeout(Durations.knownOrNull("WarmStandbyFleet", "healthTimeout", props.getHealthTimeout()))
                .otherSteps(GlobalData.steps("WarmStandbyFleet", region, primaryRegion, globalDatabases, globalTables))
                .build();
        this.failover = new FailoverFunction(this, "Failover", FailoverFunctionProps.builder().plan(plan).notificationTopic(topic).build());
        this.regionSwitchPlan = props.getRegionSwitchPlan() == null ? null
                : ArcRegionSwitchPlan.besideFailover(this, owner, failover, props.getRegionSwitchPlan());
    }

    @Override
    public RecoveryEstimate recoveryEstimate() {
        String p = "WarmStandbyFleet.";
        List<EstimateTerm> rto = new ArrayList<>(Estimates.serverRecovery(dnsOptions.getHealthCheck(), timings, database, p));
        rto.addAll(GlobalData.rtoTerms(globalDatabases, p));
        List<EstimateTerm> globalRpo = GlobalData.rpoTerms(globalDatabases, globalTables, p);
        List<EstimateTerm> rpo = new ArrayList<>();
        if (database != null) {
            rpo.add(Estimates.replicationLag(database, p + "database.expectedReplicationLag"));
        } else if (globalRpo.isEmpty()) {
            rpo.add(EstimateTerm.of("replication lag", java.time.Duration.ZERO,
                    "no data tier in this construct: the fleet is stateless (declare a database to count its lag)", p + "database"));
        }
        rpo.addAll(globalRpo);
        return RecoveryEstimate.builder().source(getNode().getPath()).strategy(DrStrategy.WARM_STANDBY).rtoTerms(rto).rpoTerms(rpo).build();
    }

    public FailoverFunction getFailover() {
        return failover;
    }

    /** The ARC Region switch plan made from the failover plan, or null without the {@code regionSwitchPlan} option. */
    public ArcRegionSwitchPlan getRegionSwitchPlan() {
        return regionSwitchPlan;
    }

    public IApplicationLoadBalancer getLoadBalancer() {
        return site.loadBalancer();
    }

    public IAutoScalingGroup getAutoScalingGroup() {
        return fleet.group();
    }

    /** The replica's identifier, or null without a data tier. */
    public String getDatabaseIdentifier() {
        return replica == null ? null : replica.identifier();
    }

    public ITopic getNotificationTopic() {
        return topic;
    }

    public IHealthCheck getPrimaryHealthCheck() {
        return dns.primaryHealthCheck();
    }
}
