package io.github.drkit.internal.topology;

import io.github.drkit.failover.DnsNames;
import io.github.drkit.failover.DnsRouting;
import io.github.drkit.failover.DnsSwitchOptions;
import io.github.drkit.failover.Endpoint;
import io.github.drkit.failover.PlanDnsRecord;
import io.github.drkit.failover.PlanDnsTarget;
import io.github.drkit.failover.PlanDnsZone;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.route53.ARecord;
import software.amazon.awscdk.services.route53.Failover;
import software.amazon.awscdk.services.route53.HealthCheck;
import software.amazon.awscdk.services.route53.IHostedZone;
import software.amazon.awscdk.services.route53.RecordTarget;
import software.constructs.Construct;

/**
 * The two records that switch traffic from the primary to the recovery load balancer, the
 * primary's health check, and the plan entry that flips them.
 */
public final class DnsSwitch {
    /** TTL of value (non-alias) records: Route 53 failover records should not cache longer. */
    public static final int TTL_SECONDS = 60;
    public static final String PRIMARY = "primary";
    public static final String RECOVERY = "recovery";

    private final HealthCheck primaryHealthCheck;
    private final ARecord primaryRecord;
    private final ARecord recoveryRecord;
    private final PlanDnsZone planZone;
    private final String recordName;

    public DnsSwitch(Construct scope, DnsSwitchOptions options, ApplicationLoadBalancer recovery) {
        IHostedZone zone = options.getHostedZone();
        this.recordName = DnsNames.qualify(options.getRecordName(), zone);
        Endpoint primary = options.getPrimary();
        String host = recordName.endsWith(".") ? recordName.substring(0, recordName.length() - 1) : recordName;
        this.primaryHealthCheck = HealthChecks.onEndpoint(scope, "PrimaryHealthCheck", primary, options.getHealthCheck(), zone, host);

        RecordTarget primaryTarget = primary.isAlias()
                ? RecordTarget.fromAlias(new AliasTarget(primary.aliasDnsName(zone), primary.aliasHostedZoneId(zone), true))
                : RecordTarget.fromIpAddresses(primary.value());
        RecordTarget recoveryTarget = RecordTarget.fromAlias(
                new AliasTarget(recovery.getLoadBalancerDnsName(), recovery.getLoadBalancerCanonicalHostedZoneId(), true));
        PlanDnsTarget primaryPlan = primary.planTarget(zone);
        PlanDnsTarget recoveryPlan = PlanDnsTarget.alias(recovery.getLoadBalancerDnsName(), recovery.getLoadBalancerCanonicalHostedZoneId());
        Integer ttl = primary.isAlias() ? null : TTL_SECONDS;

        ARecord.Builder p = ARecord.Builder.create(scope, "PrimaryRecord").zone(zone).recordName(recordName).target(primaryTarget)
                .setIdentifier(PRIMARY).healthCheck(primaryHealthCheck);
        ARecord.Builder r = ARecord.Builder.create(scope, "RecoveryRecord").zone(zone).recordName(recordName).target(recoveryTarget)
                .setIdentifier(RECOVERY);
        if (ttl != null) {
            p.ttl(Duration.seconds(ttl));
        }
        if (options.getRouting() == DnsRouting.FAILOVER) {
            p.failover(Failover.PRIMARY);
            r.failover(Failover.SECONDARY);
            this.planZone = PlanDnsZone.of(zone.getHostedZoneId(),
                    List.of(PlanDnsRecord.failover(recordName, "A", PRIMARY, ttl, primaryPlan, recoveryPlan)));
        } else {
            p.weight(100);
            r.weight(0);
            this.planZone = PlanDnsZone.of(zone.getHostedZoneId(), List.of(
                    PlanDnsRecord.weighted(recordName, "A", PRIMARY, 100, 0),
                    PlanDnsRecord.weighted(recordName, "A", RECOVERY, 0, 100)));
        }
        this.primaryRecord = p.build();
        this.recoveryRecord = r.build();
    }

    public HealthCheck primaryHealthCheck() {
        return primaryHealthCheck;
    }

    public ARecord primaryRecord() {
        return primaryRecord;
    }

    public ARecord recoveryRecord() {
        return recoveryRecord;
    }

    public PlanDnsZone planZone() {
        return planZone;
    }

    /** The absolute name of the switched record. */
    public String recordName() {
        return recordName;
    }
}
