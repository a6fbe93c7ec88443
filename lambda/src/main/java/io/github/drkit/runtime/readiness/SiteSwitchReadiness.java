package io.github.drkit.runtime.readiness;

import java.util.List;
import java.util.concurrent.Callable;

import io.github.drkit.plan.SiteSwitchPlan;
import io.github.drkit.plan.SwitchSiteKind;
import io.github.drkit.runtime.aws.api.MetricAlarm;

/**
 * Site switches: an alarm watches each switch metric, as the plan writes its namespace, name and dimensions. The alarm,
 * through the Route 53 health check that follows it, is what moves traffic; a metric no alarm watches moves nothing.
 * One DescribeAlarmsForMetric per switch.
 */
public final class SiteSwitchReadiness implements ReadinessCheck<SiteSwitchPlan> {
    @Override
    public String kind() {
        return SwitchSiteKind.NAME;
    }

    @Override
    public Class<SiteSwitchPlan> type() {
        return SiteSwitchPlan.class;
    }

    @Override
    public List<Finding> check(List<SiteSwitchPlan> switches, ReadinessContext context) {
        List<Callable<Finding>> reads = switches.stream().map(s -> (Callable<Finding>) () -> alarms(s, context)).toList();
        return context.all(reads).stream().filter(f -> f != null).toList();
    }

    private static Finding alarms(SiteSwitchPlan site, ReadinessContext context) {
        String resource = "metric " + site.namespace() + "/" + site.metricName() + " " + site.dimensions() + " (" + site.region() + ")";
        List<MetricAlarm> alarms;
        try {
            alarms = context.aws(site).cloudWatch().alarmsForMetric(site.region(), site.namespace(), site.metricName(), site.dimensions())
                    .stream().filter(MetricAlarm::thresholdBased).toList();
        } catch (RuntimeException e) {
            return ReadinessContext.unchecked(site.path(), resource, "the switch's alarms", e);
        }
        if (alarms.isEmpty()) {
            return Finding.of(Severity.CRITICAL, Finding.Category.EXISTENCE, site.path(), resource, "no threshold alarm watches the switch"
                    + " metric of site " + site.site() + ": publishing it would move no traffic",
                    "redeploy the stack that creates the site's alarm and health check, or correct the plan's namespace, metric and dimensions");
        }
        return null;
    }
}
