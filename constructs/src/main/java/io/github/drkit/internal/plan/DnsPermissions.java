package io.github.drkit.internal.plan;

import io.github.drkit.failover.PlanDnsRecord;
import io.github.drkit.failover.PlanDnsZone;
import io.github.drkit.failover.RecoveryStep;
import io.github.drkit.failover.StepPermissions;
import io.github.drkit.plan.RuntimePermissions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;

/** {@code changeDns}: change the plan's records in the plan's hosted zones, and read the changes and health checks. */
public final class DnsPermissions implements StepPermissions {
    /** The one instance: every step of the kind shares it, so that one statement covers them all. */
    public static final DnsPermissions INSTANCE = new DnsPermissions();

    private DnsPermissions() {
    }

    @Override
    public List<PolicyStatement> statements(Stack stack, List<RecoveryStep> steps) {
        List<PlanDnsZone> zones = steps.stream().map(PlanDnsZone.class::cast).toList();
        String partition = Aws.PARTITION;
        List<String> zoneArns = zones.stream().map(z -> "arn:" + partition + ":route53:::hostedzone/" + z.hostedZoneId()).toList();
        List<PolicyStatement> out = new ArrayList<>();
        PolicyStatement change = Statements.allow("DnsChange", RuntimePermissions.actions("dns", "zone-records"), zoneArns);
        Set<String> names = recordNames(zones);
        if (names != null) {
            // Only the records in the plan: Route 53 compares lower-case names without the final dot.
            change.addCondition("ForAllValues:StringEquals", Map.of("route53:ChangeResourceRecordSetsNormalizedRecordNames", List.copyOf(names)));
        }
        out.add(change);
        out.add(Statements.allow("DnsRead", RuntimePermissions.actions("dns", "zone"), zoneArns));
        // GetChange is read-only and addressed by a change id that only exists after the change is made.
        out.add(Statements.allow("DnsChangeStatus", RuntimePermissions.actions("dns", "change"), List.of("arn:" + partition + ":route53:::change/*")));
        // Read-only: health of the records' checks before and after the switch.
        out.add(Statements.allow("HealthCheckStatus", RuntimePermissions.actions("dns", "healthcheck"),
                List.of("arn:" + partition + ":route53:::healthcheck/*")));
        return out;
    }

    /** The normalized names of every record in the plan, or null when one is a token (no condition then). */
    private static Set<String> recordNames(List<PlanDnsZone> zones) {
        Set<String> names = new LinkedHashSet<>();
        for (PlanDnsZone zone : zones) {
            for (PlanDnsRecord r : zone.records()) {
                if (Checks.isToken(r.name())) {
                    return null;
                }
                String n = r.name().toLowerCase(Locale.ROOT);
                names.add(n.endsWith(".") ? n.substring(0, n.length() - 1) : n);
            }
        }
        return names;
    }
}
