package io.github.drkit.internal.topology;

import software.amazon.awscdk.services.route53.AliasRecordTargetConfig;
import software.amazon.awscdk.services.route53.IAliasRecordTarget;
import software.amazon.awscdk.services.route53.IHostedZone;
import software.amazon.awscdk.services.route53.IRecordSet;

/** An alias to any DNS name and hosted zone id: a load balancer, or another record of the same zone. */
public final class AliasTarget implements IAliasRecordTarget {
    private final String dnsName;
    private final String hostedZoneId;
    private final boolean evaluateTargetHealth;

    public AliasTarget(String dnsName, String hostedZoneId, boolean evaluateTargetHealth) {
        this.dnsName = dnsName;
        this.hostedZoneId = hostedZoneId;
        this.evaluateTargetHealth = evaluateTargetHealth;
    }

    @Override
    public AliasRecordTargetConfig bind(IRecordSet record, IHostedZone zone) {
        return AliasRecordTargetConfig.builder().dnsName(dnsName).hostedZoneId(hostedZoneId).evaluateTargetHealth(evaluateTargetHealth).build();
    }

    @Override
    public AliasRecordTargetConfig bind(IRecordSet record) {
        return bind(record, null);
    }
}
