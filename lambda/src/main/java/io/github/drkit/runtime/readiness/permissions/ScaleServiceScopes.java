package io.github.drkit.runtime.readiness.permissions;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.drkit.plan.RuntimePermissions;
import io.github.drkit.plan.ScaleServiceKind;
import io.github.drkit.plan.ServicePlan;

/**
 * {@code scaleService}: every call on the service's ARN; for a service that follows the primary, its reads only on the
 * primary's service (failover never changes the primary), as {@code EcsServicePermissions}.
 */
public final class ScaleServiceScopes implements PermissionScopes<ServicePlan> {
    @Override
    public String kind() {
        return ScaleServiceKind.NAME;
    }

    @Override
    public Class<ServicePlan> type() {
        return ServicePlan.class;
    }

    @Override
    public List<String> tableKinds(ServicePlan step) {
        return List.of("ecs-service");
    }

    @Override
    public Grant grant(String tableKind, String scope, ServicePlan step, Account account) {
        if (!scope.equals("ecs-service")) {
            return null;
        }
        Grant.Target service = Grant.Target.of(List.of(arn(account, step.region(), step.cluster(), step.service())));
        if (!step.followsPrimary()) {
            return Grant.of(service);
        }
        Set<String> reads = new LinkedHashSet<>(RuntimePermissions.actions(tableKind, scope).stream().filter(a -> a.contains(":Describe")).toList());
        return Grant.of(service, new Grant.Target(List.of(arn(account, step.primaryRegion(), step.primaryCluster(), step.primaryService())),
                List.of(), reads));
    }

    private static String arn(Account account, String region, String cluster, String service) {
        return account.arn("ecs", region, "service/" + cluster + "/" + service);
    }
}
