package io.github.drkit.runtime.readiness.permissions;

import java.util.List;

import io.github.drkit.plan.ChangeDnsKind;
import io.github.drkit.plan.RecordPlan;
import io.github.drkit.plan.ZonePlan;
import io.github.drkit.runtime.aws.api.SimulationContext;
import io.github.drkit.runtime.readiness.RecordNames;

/**
 * {@code changeDns}: the zone's reads on the zone, its change on the zone for the plan's record names only (the condition
 * Route 53 evaluates), and the change and health check reads on any of them, as {@code DnsPermissions}.
 */
public final class ChangeDnsScopes implements PermissionScopes<ZonePlan> {
    @Override
    public String kind() {
        return ChangeDnsKind.NAME;
    }

    @Override
    public Class<ZonePlan> type() {
        return ZonePlan.class;
    }

    @Override
    public List<String> tableKinds(ZonePlan step) {
        return List.of("dns");
    }

    @Override
    public Grant grant(String tableKind, String scope, ZonePlan step, Account account) {
        String zone = "arn:" + account.partition() + ":route53:::hostedzone/" + step.hostedZoneId();
        return switch (scope) {
            case "zone" -> Grant.on(zone);
            case "zone-records" -> Grant.of(Grant.Target.of(List.of(zone), SimulationContext.stringList(
                    "route53:ChangeResourceRecordSetsNormalizedRecordNames",
                    step.records().stream().map(RecordPlan::name).map(RecordNames::normalized).distinct().toList())));
            // A change id exists only once the change is made: the grant is on every change.
            case "change" -> Grant.on("arn:" + account.partition() + ":route53:::change/*");
            case "healthcheck" -> Grant.on("arn:" + account.partition() + ":route53:::healthcheck/*");
            default -> null;
        };
    }
}
