package io.github.drkit.pilotlight;

import io.github.drkit.arc.ArcRegionSwitchPlan;
import io.github.drkit.internal.protection.Durations;
import io.github.drkit.failover.Capacity;
import io.github.drkit.failover.DatabaseOptions;
import io.github.drkit.failover.GlobalDatabaseOptions;
import io.github.drkit.failover.GlobalTableOptions;
import io.github.drkit.internal.topology.GlobalData;
import io.github.drkit.objectives.EstimateTerm;
import io.github.drkit.failover.DnsSwitchOptions;
import io.github.drkit.failover.FailoverFunction;
import io.github.drkit.failover.FailoverFunctionProps;
import io.github.drkit.failover.FailoverPlan;
import io.github.drkit.failover.PlanDatabase;
import io.github.drkit.failover.PlanFleet;
import io.github.drkit.failover.PlanInstances;
import io.github.drkit.failover.RecoveryTimings;
import io.github.drkit.internal.plan.Checks;
import io.github.drkit.internal.topology.DnsSwitch;
import io.github.drkit.internal.topology.Estimates;
import io.github.drkit.internal.topology.ReplicaDatabase;
import io.github.drkit.internal.topology.ServerFleet;
import io.github.drkit.internal.topology.SiteLoadBalancer;
import io.github.drkit.internal.topology.Topics;
import io.github.drkit.objectives.DrStrategy;
import io.github.drkit.objectives.RecoveryEstimate;
import io.github.drkit.objectives.RecoveryEstimator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.autoscaling.IAutoScalingGroup;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.elasticloadbalancingv2.IApplicationLoadBalancer;
import software.amazon.awscdk.services.route53.IHealthCheck;
import software.amazon.awscdk.services.sns.ITopic;
import software.constructs.Construct;

/**
 * Pilot light: in the recovery Region the data tier runs and replicates, the server tiers exist as
 * Auto Scaling groups at 0 (launch templates on maintained images), a load balancer and the DNS
 * switch are ready, and a {@link FailoverFunction} holds the plan that promotes the data, starts
 * the tiers, waits for health and flips DNS.
 *
 * <p>Standby capacity is min 0, desired 0 and max the recovery max: nothing runs, yet a deploy
 * during an incident cannot cut the fleet failover started (desired capacity is not in the
 * template, and max stays).
 */
public class PilotLightCore extends Construct implements RecoveryEstimator {
    private final DatabaseOptions database;
    private final List<GlobalDatabaseOptions> globalDatabases;
    private final List<GlobalTableOptions> globalTables;
    private final DnsSwitchOptions dnsOptions;
    private final RecoveryTimings timings;
    private final SiteLoadBalancer site;
    private final Map<String, ServerFleet> fleets = new LinkedHashMap<>();
    private final ReplicaDatabase replica;
    private final DnsSwitch dns;
    private final ITopic topic;
    private final FailoverFunction failover;
    private final ArcRegionSwitchPlan regionSwitchPlan;

    public PilotLightCore(Construct scope, String id, PilotLightCoreProps props) {
        super(scope, id);
        String owner = "PilotLightCore";
        Checks.required(owner, "props", props);
        Checks.required(owner, "vpc", props.getVpc());
        this.database = Checks.required(owner, "database (DatabaseOptions.crossRegionReplica or existingReplica)", props.getDatabase());
        this.dnsOptions = Checks.required(owner, "dns", props.getDns());
        List<ServerTier> tiers = Checks.notEmpty(owner, "tiers", props.getTiers());
        Set<String> names = new HashSet<>();
        for (ServerTier t : tiers) {
            if (!names.add(t.getName())) {
                throw new IllegalArgumentException(owner + ": tier names must be unique (got " + t.getName() + " twice)");
            }
        }
        this.timings = RecoveryTimings.orDefaults(props.getTimings());
        String region = Stack.of(this).getRegion();
        String primaryRegion = props.getPrimaryRegion();
        Checks.primaryRegionDiffers(owner, region, primaryRegion);
        String application = props.getApplicationName() != null ? props.getApplicationName() : id;

        this.topic = Topics.givenOrEncrypted(this, props.getNotificationTopic(), "drkit " + application);
        ServerTier front = tiers.get(0);
        this.site = new SiteLoadBalancer(this, props.getVpc(), front.getPort(), front.getHealthCheckPath(), props.getCertificate(),
                props.getAccessLogBucket());
        Duration grace = Estimates.launchGrace(timings);
        List<PlanFleet> planFleets = new ArrayList<>();
        ServerFleet frontFleet = null;
        for (ServerTier tier : tiers) {
            Capacity recovery = tier.getRecoveryCapacity();
            Capacity standby = Capacity.of(0, 0, recovery.max());
            boolean isFront = tier == front;
            ServerFleet fleet = new ServerFleet(new Construct(this, tier.getName()), props.getVpc(), tier.getInstanceType(), tier.getMachineImage(),
                    tier.getUserData(), standby, grace, topic, isFront);
            fleets.put(tier.getName(), fleet);
            PlanFleet.Builder pf = PlanFleet.builder().region(region).autoScalingGroupName(fleet.group().getAutoScalingGroupName())
                    .standby(standby).recovery(recovery).minHealthy(recovery.min());
            if (isFront) {
                fleet.group().attachToApplicationTargetGroup(site.targetGroup());
                fleet.securityGroup().getConnections().allowFrom(site.securityGroup(), Port.tcp(tier.getPort()), "Load balancer to " + tier.getName());
                pf.targetGroupArns(List.of(site.targetGroup().getTargetGroupArn()));
                frontFleet = fleet;
            } else {
                fleet.securityGroup().getConnections().allowFrom(frontFleet.securityGroup(), Port.tcp(tier.getPort()),
                        front.getName() + " to " + tier.getName());
            }
            planFleets.add(pf.build());
        }

        this.replica = new ReplicaDatabase(this, props.getVpc(), database, topic);
        if (replica.securityGroup() != null) {
            // The data tier is reached by the application tiers; with a single tier, by that one.
            for (Map.Entry<String, ServerFleet> e : fleets.entrySet()) {
                if (tiers.size() == 1 || !e.getKey().equals(front.getName())) {
                    replica.securityGroup().getConnections().allowFrom(e.getValue().securityGroup(), Port.tcp(database.getPort()),
                            e.getKey() + " to the database");
                }
            }
        }
        this.dns = new DnsSwitch(this, dnsOptions, site.loadBalancer());

        FailoverPlan.Builder plan = FailoverPlan.builder()
                .application(application)
                .strategy(DrStrategy.PILOT_LIGHT)
                .primaryRegion(primaryRegion)
                .recoveryRegion(region)
                .databases(List.of(PlanDatabase.of(region, replica.identifier())))
                .fleets(planFleets)
                .dns(List.of(dns.planZone()))
                .healthTimeout(Durations.knownOrNull("PilotLightCore", "healthTimeout", props.getHealthTimeout()));
        if (!props.getStoppedInstanceIds().isEmpty()) {
            plan.instances(List.of(PlanInstances.of(region, props.getStoppedInstanceIds())));
        }
        this.globalDatabases = props.getGlobalDatabases();
        this.globalTables = props.getGlobalTables();
        plan.otherSteps(GlobalData.steps(owner, region, primaryRegion, globalDatabases, globalTables));
        this.failover = new FailoverFunction(this, "Failover", FailoverFunctionProps.builder().plan(plan.build()).notificationTopic(topic).build());
        this.regionSwitchPlan = props.getRegionSwitchPlan() == null ? null
                : ArcRegionSwitchPlan.besideFailover(this, "PilotLightCore", failover, props.getRegionSwitchPlan());
    }

    @Override
    public RecoveryEstimate recoveryEstimate() {
        String p = "PilotLightCore.";
        return RecoveryEstimate.builder()
                .source(getNode().getPath())
                .strategy(DrStrategy.PILOT_LIGHT)
                .rtoTerms(concat(Estimates.serverRecovery(dnsOptions.getHealthCheck(), timings, database, p), GlobalData.rtoTerms(globalDatabases, p)))
                .rpoTerms(concat(List.of(Estimates.replicationLag(database, p + "database.expectedReplicationLag")),
                        GlobalData.rpoTerms(globalDatabases, globalTables, p)))
                .build();
    }

    private static List<EstimateTerm> concat(List<EstimateTerm> a, List<EstimateTerm> b) {
        List<EstimateTerm> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
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

    /** The tier's Auto Scaling group, by tier name. */
    public IAutoScalingGroup getTier(String name) {
        ServerFleet f = fleets.get(name);
        if (f == null) {
            throw new IllegalArgumentException("PilotLightCore: no tier named " + name + " (tiers: " + fleets.keySet() + ")");
        }
        return f.group();
    }

    /** The identifier of the replica failover promotes. */
    public String getDatabaseIdentifier() {
        return replica.identifier();
    }

    public ITopic getNotificationTopic() {
        return topic;
    }

    /** The health check on the primary site. */
    public IHealthCheck getPrimaryHealthCheck() {
        return dns.primaryHealthCheck();
    }
}
