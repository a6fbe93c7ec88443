package io.github.drkit.apps.strategies;

import io.github.drkit.apps.ReferenceEnvironment;
import io.github.drkit.failover.Endpoint;
import io.github.drkit.failover.HealthCheckOptions;
import io.github.drkit.multisite.FailoverMode;
import io.github.drkit.multisite.MultiSiteWeightedDns;
import io.github.drkit.multisite.MultiSiteWeightedDnsProps;
import io.github.drkit.multisite.WeightedSite;
import io.github.drkit.objectives.RecoveryObjectives;
import java.time.Duration;
import java.util.List;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/**
 * Multi-site across an on-premises data center and two Regions: live sites in the primary and the
 * recovery Region, and weighted records on {@code multi-site.<zone>} over the data center (50), the
 * primary Region (25) and the recovery Region (25). When the data center fails its health check, the
 * failover function switches it off through the data plane and the two Regions take 50 each.
 *
 * <p>The records live in the primary Region (us-east-1), the only Region where Route 53 publishes
 * health check metrics, which the failure detection alarms need.
 */
public final class MultiSiteStacks {
    public static final String APPLICATION = "multi-site";
    /** The data center's public entry point (a documentation address; set yours with -c onPremisesIp=...). */
    public static final String DEFAULT_ON_PREMISES_IP = "198.51.100.10";
    /** Multi-site: near zero, bounded by failure detection and DNS. */
    public static final Duration RTO = Duration.ofMinutes(5);
    public static final Duration RPO = Duration.ofMinutes(1);

    private MultiSiteStacks() {
    }

    public static void define(App app, ReferenceEnvironment env) {
        ReferenceZone zone = ReferenceZone.from(app);
        Object ip = app.getNode().tryGetContext("onPremisesIp");
        LiveSiteStack east = new LiveSiteStack(app, "drkit-multi-site-primary", StackProps.builder().env(env.primary())
                .description("drkit reference app: multi-site, primary Region site").build(), zone, "east." + APPLICATION, null);
        LiveSiteStack west = new LiveSiteStack(app, "drkit-multi-site-recovery", StackProps.builder().env(env.recovery())
                .description("drkit reference app: multi-site, recovery Region site").build(), zone, "west." + APPLICATION, null);
        // Route 53 publishes health-check metrics only in us-east-1, so the detection chain lives there
        // whatever the sites' Regions are.
        Stack dns = new DnsStack(app, "drkit-multi-site-dns", StackProps.builder().env(env.route53Home())
                .description("drkit reference app: multi-site weighted records and failover").build(), zone,
                ip == null ? DEFAULT_ON_PREMISES_IP : ip.toString(), east.getSiteRecordName(), west.getSiteRecordName());
        dns.addStackDependency(east);
        dns.addStackDependency(west);
    }

    /** The weighted records, their health checks, the detection chain and the failover function. */
    public static final class DnsStack extends Stack {
        private final MultiSiteWeightedDns dns;

        public DnsStack(Construct scope, String id, StackProps props, ReferenceZone zone, String onPremisesIp,
                String eastRecord, String westRecord) {
            super(scope, id, props);
            this.dns = new MultiSiteWeightedDns(this, "MultiSite", MultiSiteWeightedDnsProps.builder()
                    .applicationName(APPLICATION)
                    .hostedZone(zone.importInto(this))
                    .recordName(APPLICATION)
                    .sites(List.of(
                            WeightedSite.builder().name("onprem").endpoint(Endpoint.ipAddress(onPremisesIp)).normalWeight(50).failoverWeight(0).build(),
                            WeightedSite.builder().name("east").endpoint(Endpoint.zoneRecord(eastRecord)).normalWeight(25).failoverWeight(50).build(),
                            WeightedSite.builder().name("west").endpoint(Endpoint.zoneRecord(westRecord)).normalWeight(25).failoverWeight(50).build()))
                    .healthCheck(HealthCheckOptions.builder().https(false).interval(software.amazon.awscdk.Duration.seconds(10)).failureThreshold(3).build())
                    .ttl(software.amazon.awscdk.Duration.seconds(60))
                    .mode(FailoverMode.DATA_PLANE)
                    .build());
            // What the business asked of this application; cdk synth fails if the design cannot meet it.
            RecoveryObjectives.builder()
                    .rto(software.amazon.awscdk.Duration.seconds(RTO.toSeconds()))
                    .rpo(software.amazon.awscdk.Duration.seconds(RPO.toSeconds())).build().applyTo(this);
        }

        public MultiSiteWeightedDns getDns() {
            return dns;
        }
    }
}
