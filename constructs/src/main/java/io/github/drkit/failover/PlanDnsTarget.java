package io.github.drkit.failover;

import io.github.drkit.internal.plan.Checks;
import io.github.drkit.plan.AliasTarget;
import io.github.drkit.plan.RecordTarget;
import java.util.List;

/** What a SIMPLE or FAILOVER record points at: literal values, or an alias (load balancer, another record). */
public final class PlanDnsTarget {
    private final List<String> values;
    private final String aliasDnsName;
    private final String aliasHostedZoneId;

    private PlanDnsTarget(List<String> values, String aliasDnsName, String aliasHostedZoneId) {
        this.values = values;
        this.aliasDnsName = aliasDnsName;
        this.aliasHostedZoneId = aliasHostedZoneId;
    }

    public static PlanDnsTarget values(List<String> values) {
        return new PlanDnsTarget(List.copyOf(Checks.notEmpty("PlanDnsTarget", "values", values)), null, null);
    }

    public static PlanDnsTarget alias(String dnsName, String hostedZoneId) {
        return new PlanDnsTarget(null, Checks.required("PlanDnsTarget", "alias dnsName", dnsName),
                Checks.required("PlanDnsTarget", "alias hostedZoneId", hostedZoneId));
    }

    public boolean isAlias() {
        return values == null;
    }

    public List<String> valueList() {
        return values;
    }

    public String aliasDnsName() {
        return aliasDnsName;
    }

    public String aliasHostedZoneId() {
        return aliasHostedZoneId;
    }

    /** The target as the plan carries it. */
    public RecordTarget toPlan() {
        return values != null ? new RecordTarget(values, null) : new RecordTarget(null, new AliasTarget(aliasDnsName, aliasHostedZoneId, null));
    }
}
