package io.github.drkit.failover;

import io.github.drkit.internal.plan.SiteSwitchPermissions;
import io.github.drkit.internal.plan.Checks;
import io.github.drkit.internal.plan.PlanRules;
import io.github.drkit.plan.SiteSwitchPlan;
import java.util.Map;

/**
 * Data-plane failover for one site: failover publishes {@code failoverValue} to a CloudWatch metric
 * whose alarm drives the site's Route 53 health check, so no Route 53 control-plane call is made.
 */
public final class PlanSiteSwitch implements RecoveryStep {
    private final String region;
    private final String site;
    private final String namespace;
    private final String metricName;
    private final Map<String, String> dimensions;
    private final double normalValue;
    private final double failoverValue;

    private PlanSiteSwitch(String region, String site, String namespace, String metricName, Map<String, String> dimensions,
            double normalValue, double failoverValue) {
        String owner = "PlanSiteSwitch";
        this.region = Checks.required(owner, "region", region);
        this.site = Checks.required(owner, "site", site);
        this.namespace = Checks.required(owner, "namespace", namespace);
        this.metricName = Checks.required(owner, "metricName", metricName);
        this.dimensions = Map.copyOf(Checks.required(owner, "dimensions", dimensions));
        this.normalValue = normalValue;
        this.failoverValue = failoverValue;
        PlanRules.check(owner, () -> PlanRules.reader().check(toPlan()));
    }

    public static PlanSiteSwitch of(String region, String site, String namespace, String metricName, Map<String, String> dimensions,
            double normalValue, double failoverValue) {
        return new PlanSiteSwitch(region, site, namespace, metricName, dimensions, normalValue, failoverValue);
    }

    public String region() {
        return region;
    }

    public String site() {
        return site;
    }

    public String namespace() {
        return namespace;
    }

    public String metricName() {
        return metricName;
    }

    public Map<String, String> dimensions() {
        return dimensions;
    }

    public double normalValue() {
        return normalValue;
    }

    public double failoverValue() {
        return failoverValue;
    }

    /** The switch as the plan carries it. */
    @Override
    public SiteSwitchPlan toPlan() {
        return new SiteSwitchPlan(region, site, namespace, metricName, dimensions, normalValue, failoverValue);
    }

    /** In the {@code traffic} stage. */
    @Override
    public String stage() {
        return "traffic";
    }

    @Override
    public StepPermissions permissions() {
        return SiteSwitchPermissions.INSTANCE;
    }
}
