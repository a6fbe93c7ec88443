package io.github.drkit.internal.plan;

import io.github.drkit.failover.PlanSiteSwitch;
import io.github.drkit.failover.RecoveryStep;
import io.github.drkit.failover.StepPermissions;
import io.github.drkit.plan.RuntimePermissions;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;

/** {@code switchSite}: publish the switch metrics in the plan's namespaces, and read them and their alarms. */
public final class SiteSwitchPermissions implements StepPermissions {
    /** The one instance: every step of the kind shares it, so that one statement covers them all. */
    public static final SiteSwitchPermissions INSTANCE = new SiteSwitchPermissions();

    private SiteSwitchPermissions() {
    }

    @Override
    public List<PolicyStatement> statements(Stack stack, List<RecoveryStep> steps) {
        // PutMetricData has no resource-level permission; the namespace condition is the scope AWS offers.
        Set<String> namespaces = new LinkedHashSet<>();
        steps.forEach(s -> namespaces.add(((PlanSiteSwitch) s).namespace()));
        PolicyStatement put = Statements.allow("SiteSwitches", RuntimePermissions.actions("site-switch", "metric-namespace"), List.of("*"));
        put.addCondition("StringEquals", Map.of("cloudwatch:namespace", List.copyOf(namespaces)));
        // GetMetricStatistics (the switch's current value) and DescribeAlarmsForMetric (the state of its alarm, which
        // Route 53 follows and which failback waits for) have no resource-level permission.
        return List.of(put, Statements.allow("ReadSiteSwitches", RuntimePermissions.actions("site-switch", "any"), List.of("*")));
    }
}
