package io.github.drkit.apps.strategies;

import io.github.drkit.apps.ReferenceEnvironment;
import io.github.drkit.arc.ArcRegionSwitchPlanProps;
import io.github.drkit.failover.Capacity;
import io.github.drkit.failover.DatabaseOptions;
import io.github.drkit.failover.DnsRouting;
import io.github.drkit.failover.DnsSwitchOptions;
import io.github.drkit.failover.Endpoint;
import io.github.drkit.failover.HealthCheckOptions;
import io.github.drkit.standby.WarmStandbyFleet;
import io.github.drkit.standby.WarmStandbyFleetProps;
import io.github.drkit.objectives.RecoveryObjectives;
import java.time.Duration;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ec2.InstanceClass;
import software.amazon.awscdk.services.ec2.InstanceSize;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.constructs.Construct;

/**
 * Warm standby across two Regions: the live site and its primary database in the primary Region; in
 * the recovery Region a read replica and one small instance always serving behind a load balancer,
 * weighted records 100/0 on {@code warm-standby.<zone>}, and a failover that scales out to 4 and up
 * to m5.large. ARC runs the same plan too: a Region switch plan promotes the replica with its own block and
 * runs drkit's function for the rest (docs/arc-region-switch.md); the function stays the break-glass path.
 */
public final class WarmStandbyStacks {
    public static final String APPLICATION = "warm-standby";
    public static final String PRIMARY_DATABASE = "drkit-warm-standby-primary";
    /** Warm standby: minutes to scale a running fleet out and up. */
    public static final Duration RTO = Duration.ofMinutes(30);
    public static final Duration RPO = Duration.ofMinutes(5);

    private WarmStandbyStacks() {
    }

    public static void define(App app, ReferenceEnvironment env) {
        ReferenceZone zone = ReferenceZone.from(app);
        LiveSiteStack primary = new LiveSiteStack(app, "drkit-warm-standby-primary", StackProps.builder().env(env.primary())
                .description("drkit reference app: warm standby, primary site").build(), zone, "primary." + APPLICATION, PRIMARY_DATABASE);
        Stack recovery = new RecoveryStack(app, "drkit-warm-standby-recovery", StackProps.builder().env(env.recovery())
                .description("drkit reference app: warm standby, recovery Region").build(), env, zone);
        recovery.addStackDependency(primary);
    }

    /** The recovery Region's side. */
    public static final class RecoveryStack extends Stack {
        private final WarmStandbyFleet fleet;

        public RecoveryStack(Construct scope, String id, StackProps props, ReferenceEnvironment env, ReferenceZone zone) {
            super(scope, id, props);
            RegionNetwork network = new RegionNetwork(this, "Network");
            this.fleet = new WarmStandbyFleet(this, "WarmStandby", WarmStandbyFleetProps.builder()
                    .applicationName(APPLICATION)
                    .primaryRegion(env.primaryRegion())
                    .vpc(network.vpc())
                    .accessLogBucket(network.logs())
                    .instanceType(InstanceType.of(InstanceClass.T3, InstanceSize.SMALL))
                    .recoveryInstanceType(InstanceType.of(InstanceClass.M5, InstanceSize.LARGE))
                    .standbyCapacity(Capacity.of(1, 1, 2))
                    .recoveryCapacity(Capacity.of(2, 4, 8))
                    .database(DatabaseOptions.crossRegionReplica(LiveSiteStack.databaseArn(env.primaryRegion(), env.account(), PRIMARY_DATABASE))
                            .replicaIdentifier("drkit-warm-standby-replica")
                            .port(LiveSiteStack.DATABASE_PORT)
                            .expectedReplicationLag(software.amazon.awscdk.Duration.minutes(1))
                            .build())
                    .dns(DnsSwitchOptions.builder()
                            .hostedZone(zone.importInto(this))
                            .recordName(APPLICATION)
                            .primary(Endpoint.zoneRecord("primary." + APPLICATION))
                            .routing(DnsRouting.WEIGHTED)
                            .healthCheck(HealthCheckOptions.builder().https(false).interval(software.amazon.awscdk.Duration.seconds(10)).build())
                            .build())
                    // ARC's managed execution of the same plan; its RTO is the one declared below.
                    .regionSwitchPlan(ArcRegionSwitchPlanProps.builder().reportBucket(network.logs()).build())
                    .build());
            // What the business asked of this application; cdk synth fails if the design cannot meet it.
            RecoveryObjectives.builder()
                    .rto(software.amazon.awscdk.Duration.seconds(RTO.toSeconds()))
                    .rpo(software.amazon.awscdk.Duration.seconds(RPO.toSeconds())).build().applyTo(this);
        }

        public WarmStandbyFleet getFleet() {
            return fleet;
        }
    }
}
