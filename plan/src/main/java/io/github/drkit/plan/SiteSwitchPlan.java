package io.github.drkit.plan;

import java.util.Map;

/**
 * A data-plane switch: a CloudWatch metric whose alarm drives a Route 53 health check. Failover publishes
 * {@code failoverValue}, failback {@code normalValue}; no Route 53 control-plane call is needed.
 */
public record SiteSwitchPlan(String region, String site, String namespace, String metricName,
                             Map<String, String> dimensions, double normalValue, double failoverValue, String path) implements PlanStep {
    /** A site switch written by a construct, before it has a place in a plan. */
    public SiteSwitchPlan(String region, String site, String namespace, String metricName, Map<String, String> dimensions,
                          double normalValue, double failoverValue) {
        this(region, site, namespace, metricName, dimensions, normalValue, failoverValue, null);
    }


    public SiteSwitchPlan {
        // Sorted, so reports and change lists read the same on every run.
        dimensions = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(dimensions));
    }

    @Override
    public String kind() {
        return SwitchSiteKind.NAME;
    }
}
