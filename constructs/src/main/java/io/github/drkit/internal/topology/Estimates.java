package io.github.drkit.internal.topology;

import io.github.drkit.failover.DatabaseOptions;
import io.github.drkit.failover.HealthCheckOptions;
import io.github.drkit.failover.RecoveryTimings;
import io.github.drkit.objectives.AwsFigures;
import io.github.drkit.objectives.EstimateTerm;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** RTO and RPO terms shared by the topology constructs, each with the figure it rests on. */
public final class Estimates {
    /** Route 53: record changes reach all authoritative servers within about 60 s. */
    public static final Duration DNS_PROPAGATION = AwsFigures.ROUTE53_PROPAGATION;
    /** Route 53 gives alias records to load balancers a 60 s TTL; value records here use 60 s too. */
    public static final Duration DNS_TTL = AwsFigures.ROUTE53_FAILOVER_TTL;

    private Estimates() {
    }

    public static EstimateTerm detection(HealthCheckOptions hc, String prop) {
        return EstimateTerm.of("failure detection", hc.detectionTime(),
                "Route 53 health check interval " + hc.getInterval().toSeconds() + " s x failure threshold " + hc.getFailureThreshold(), prop);
    }

    public static EstimateTerm decision(RecoveryTimings t, String prop) {
        return EstimateTerm.of("decision to fail over", t.getDecisionTime(),
                "an operator confirms the outage and invokes the failover function (assumption; measure it in a drill)", prop);
    }

    public static EstimateTerm orchestration(RecoveryTimings t, String prop) {
        return EstimateTerm.of("failover orchestration", t.getOrchestrationTime(),
                "the function's SnapStart restore, state reads, changes and verification calls (assumption)", prop);
    }

    public static EstimateTerm promotion(DatabaseOptions d, String prop) {
        return EstimateTerm.of("data promotion", d.getPromotionTime(),
                "RDS PromoteReadReplica until the instance is available; AWS documents several minutes (assumption)", prop);
    }

    public static EstimateTerm boot(RecoveryTimings t, String prop) {
        return EstimateTerm.of("instance boot", t.getInstanceBootTime(), "EC2 launch to a running OS (assumption)", prop);
    }

    public static EstimateTerm warmUp(RecoveryTimings t, String prop) {
        return EstimateTerm.of("application warm-up", t.getAppWarmUpTime(), "running OS to an application that answers its health check (assumption)",
                prop);
    }

    public static EstimateTerm targetHealth() {
        return EstimateTerm.of("load balancer health", SiteLoadBalancer.targetHealthTime(), "target group health check every "
                + SiteLoadBalancer.TARGET_HEALTH_INTERVAL_SECONDS + " s x healthy threshold " + SiteLoadBalancer.TARGET_HEALTHY_THRESHOLD, null);
    }

    public static EstimateTerm dnsPropagation() {
        return EstimateTerm.of("DNS propagation", DNS_PROPAGATION, "Route 53 changes reach all authoritative servers within about 60 s", null);
    }

    public static EstimateTerm dnsTtl(Duration ttl) {
        return EstimateTerm.of("DNS TTL", ttl, "resolvers may cache the old answer for one TTL of " + ttl.toSeconds() + " s", null);
    }

    /**
     * The RTO terms of a recovery that starts servers behind a load balancer and then moves DNS: detection,
     * decision, orchestration, promotion (with a data tier), boot, warm-up, target health, propagation and TTL.
     *
     * @param database null without a data tier
     * @param prefix   the construct's name and a dot, for each term's property path
     */
    public static List<EstimateTerm> serverRecovery(HealthCheckOptions healthCheck, RecoveryTimings timings, DatabaseOptions database,
                                                    String prefix) {
        List<EstimateTerm> terms = new ArrayList<>();
        terms.add(detection(healthCheck, prefix + "dns.healthCheck (interval, failureThreshold)"));
        terms.add(decision(timings, prefix + "timings.decisionTime"));
        terms.add(orchestration(timings, prefix + "timings.orchestrationTime"));
        if (database != null) {
            terms.add(promotion(database, prefix + "database.promotionTime"));
        }
        // New instances launch; failover waits for the recovery minimum of them to be healthy.
        terms.add(boot(timings, prefix + "timings.instanceBootTime"));
        terms.add(warmUp(timings, prefix + "timings.appWarmUpTime"));
        terms.add(targetHealth());
        terms.add(dnsPropagation());
        terms.add(dnsTtl(DNS_TTL));
        return List.copyOf(terms);
    }

    /** How long Auto Scaling waits before it counts a new instance's health: boot plus warm-up. */
    public static software.amazon.awscdk.Duration launchGrace(RecoveryTimings timings) {
        return software.amazon.awscdk.Duration.seconds(timings.getInstanceBootTime().plus(timings.getAppWarmUpTime()).toSeconds());
    }

    public static EstimateTerm replicationLag(DatabaseOptions d, String prop) {
        return EstimateTerm.of("replication lag", d.getExpectedReplicationLag(),
                "RDS cross-Region read replica replicates asynchronously; expected lag (the ReplicaLag alarm fires above it)", prop);
    }
}
