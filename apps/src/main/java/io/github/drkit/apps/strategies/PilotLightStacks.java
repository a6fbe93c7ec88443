package io.github.drkit.apps.strategies;

import io.github.drkit.apps.ReferenceEnvironment;
import io.github.drkit.failover.Capacity;
import io.github.drkit.failover.DatabaseOptions;
import io.github.drkit.failover.DnsSwitchOptions;
import io.github.drkit.failover.Endpoint;
import io.github.drkit.failover.HealthCheckOptions;
import io.github.drkit.pilotlight.PilotLightCore;
import io.github.drkit.pilotlight.PilotLightCoreProps;
import io.github.drkit.pilotlight.ServerTier;
import io.github.drkit.objectives.RecoveryObjectives;
import java.time.Duration;
import java.util.List;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/**
 * Pilot light across two Regions: the live site and its PostgreSQL primary in the primary Region; in
 * the recovery Region a cross-Region read replica, a stopped reverse proxy tier and app tier, a load
 * balancer, the failover records of {@code pilot-light.<zone>} and the failover function.
 */
public final class PilotLightStacks {
    public static final String APPLICATION = "pilot-light";
    public static final String PRIMARY_DATABASE = "drkit-pilot-light-primary";
    /** Pilot light: tens of minutes to bring compute up around the running data tier. */
    public static final Duration RTO = Duration.ofHours(1);
    public static final Duration RPO = Duration.ofMinutes(15);

    private PilotLightStacks() {
    }

    public static void define(App app, ReferenceEnvironment env) {
        ReferenceZone zone = ReferenceZone.from(app);
        LiveSiteStack primary = new LiveSiteStack(app, "drkit-pilot-light-primary", StackProps.builder().env(env.primary())
                .description("drkit reference app: pilot light, primary site").build(), zone, "primary." + APPLICATION, PRIMARY_DATABASE);
        Stack recovery = new RecoveryStack(app, "drkit-pilot-light-recovery", StackProps.builder().env(env.recovery())
                .description("drkit reference app: pilot light, recovery Region").build(), env, zone);
        // Order only: the replica needs its source. No value crosses the Regions.
        recovery.addStackDependency(primary);
    }

    /** The recovery Region's side. */
    public static final class RecoveryStack extends Stack {
        private final PilotLightCore core;

        public RecoveryStack(Construct scope, String id, StackProps props, ReferenceEnvironment env, ReferenceZone zone) {
            super(scope, id, props);
            RegionNetwork network = new RegionNetwork(this, "Network");
            this.core = new PilotLightCore(this, "PilotLight", PilotLightCoreProps.builder()
                    .applicationName(APPLICATION)
                    .primaryRegion(env.primaryRegion())
                    .vpc(network.vpc())
                    .accessLogBucket(network.logs())
                    .database(DatabaseOptions.crossRegionReplica(LiveSiteStack.databaseArn(env.primaryRegion(), env.account(), PRIMARY_DATABASE))
                            .replicaIdentifier("drkit-pilot-light-replica")
                            .port(LiveSiteStack.DATABASE_PORT)
                            .build())
                    .tiers(List.of(
                            ServerTier.builder().name("proxy").recoveryCapacity(Capacity.of(2, 2, 4)).healthCheckPath("/").build(),
                            ServerTier.builder().name("app").port(8080).recoveryCapacity(Capacity.of(2, 4, 8)).build()))
                    .dns(DnsSwitchOptions.builder()
                            .hostedZone(zone.importInto(this))
                            .recordName(APPLICATION)
                            .primary(Endpoint.zoneRecord("primary." + APPLICATION))
                            .healthCheck(HealthCheckOptions.builder().https(false).build())
                            .build())
                    .build());
            // What the business asked of this application; cdk synth fails if the design cannot meet it.
            RecoveryObjectives.builder()
                    .rto(software.amazon.awscdk.Duration.seconds(RTO.toSeconds()))
                    .rpo(software.amazon.awscdk.Duration.seconds(RPO.toSeconds())).build().applyTo(this);
        }

        public PilotLightCore getCore() {
            return core;
        }
    }
}
