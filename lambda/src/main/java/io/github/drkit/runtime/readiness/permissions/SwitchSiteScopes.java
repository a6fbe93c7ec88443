package io.github.drkit.runtime.readiness.permissions;

import java.util.List;

import io.github.drkit.plan.SiteSwitchPlan;
import io.github.drkit.plan.SwitchSiteKind;
import io.github.drkit.runtime.aws.api.SimulationContext;

/** {@code switchSite}: the metric put on any resource in the plan's namespace only, the reads on any, as {@code SiteSwitchPermissions}. */
public final class SwitchSiteScopes implements PermissionScopes<SiteSwitchPlan> {
    @Override
    public String kind() {
        return SwitchSiteKind.NAME;
    }

    @Override
    public Class<SiteSwitchPlan> type() {
        return SiteSwitchPlan.class;
    }

    @Override
    public List<String> tableKinds(SiteSwitchPlan step) {
        return List.of("site-switch");
    }

    @Override
    public Grant grant(String tableKind, String scope, SiteSwitchPlan step, Account account) {
        return switch (scope) {
            case "metric-namespace" -> Grant.of(Grant.Target.of(List.of("*"), SimulationContext.string("cloudwatch:namespace", step.namespace())));
            case "any" -> Grant.on("*");
            default -> null;
        };
    }
}
