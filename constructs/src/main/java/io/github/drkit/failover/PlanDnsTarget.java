package io.github.drkit.failover;

import io.github.drkit.internal.plan.Checks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (values != null) {
            m.put("values", values);
        } else {
            Map<String, Object> alias = new LinkedHashMap<>();
            alias.put("dnsName", aliasDnsName);
            alias.put("hostedZoneId", aliasHostedZoneId);
            m.put("alias", alias);
        }
        return m;
    }
}
