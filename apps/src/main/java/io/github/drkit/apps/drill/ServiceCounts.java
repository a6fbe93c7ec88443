package io.github.drkit.apps.drill;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.drkit.plan.RecoveryPlan;
import io.github.drkit.plan.ServicePlan;
import io.github.drkit.runtime.aws.api.EcsService;
import io.github.drkit.runtime.aws.api.EcsServices;

/**
 * The desired count of each ECS service a plan scales, read after failover, so that a failback that stops by design can
 * be shown to have left the recovery site's services as failover left them.
 */
public final class ServiceCounts {
    private final Map<ServicePlan, String> counts;

    private ServiceCounts(Map<ServicePlan, String> counts) {
        this.counts = Map.copyOf(counts);
    }

    /** Each service's desired count now, or why it could not be read. */
    public static ServiceCounts read(DrillClients clients, RecoveryPlan plan) {
        Map<ServicePlan, String> counts = new LinkedHashMap<>();
        for (ServicePlan step : plan.steps(ServicePlan.class)) {
            counts.put(step, count(clients, step));
        }
        return new ServiceCounts(counts);
    }

    /** That each service's desired count is still the one read. */
    public List<Check> unchanged(DrillClients clients) {
        List<Check> out = new ArrayList<>();
        counts.forEach((step, before) -> out.add(Check.of("ECS service " + step.cluster() + "/" + step.service() + " (" + step.region()
                + ") desired count, as failover left it", before, count(clients, step))));
        return out;
    }

    private static String count(DrillClients clients, ServicePlan step) {
        EcsServices found = clients.ecs().describeServices(step.region(), step.cluster(), List.of(step.service()));
        return found.services().stream().findFirst().map(EcsService::desiredCount).map(String::valueOf).orElse("absent");
    }
}
