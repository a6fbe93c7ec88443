package io.github.drkit.runtime.readiness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.github.drkit.plan.ChangeDnsKind;
import io.github.drkit.plan.DatabasePlan;
import io.github.drkit.plan.InstancePlan;
import io.github.drkit.plan.PlanStep;
import io.github.drkit.plan.PromoteDatabaseKind;
import io.github.drkit.plan.RecordPlan;
import io.github.drkit.plan.RuntimePermissions;
import io.github.drkit.plan.ScaleFleetKind;
import io.github.drkit.plan.SiteSwitchPlan;
import io.github.drkit.plan.StartInstancesKind;
import io.github.drkit.plan.SwitchSiteKind;
import io.github.drkit.plan.ZonePlan;
import io.github.drkit.runtime.aws.api.PolicySimulation;
import io.github.drkit.runtime.aws.api.SimulationContext;

/**
 * The permissions check: the function's role, simulated with IAM's {@code SimulatePrincipalPolicy} against every call
 * the plan's steps make, as {@link RuntimePermissions} lists them, on the resources the failover role scopes them to.
 * A denied call is a critical finding: the step would fail on the day. Calls that name the same resources and condition
 * values share one simulation, whatever their steps.
 *
 * <p>Covered: the step kinds promoteDatabase, startInstances, scaleFleet, changeDns and switchSite, on the scopes whose
 * resource this check can name from the plan (any, db, instance, zone, zone-records, metric-namespace). Every other
 * kind or scope is an INFO finding that says it was not checked, never a silent pass.
 */
final class PermissionsReadiness {
    /** The step kinds checked, by the table's kind. */
    private static final Map<String, String> TABLE_KINDS = Map.of(
            PromoteDatabaseKind.NAME, "database",
            StartInstancesKind.NAME, "instances",
            ScaleFleetKind.NAME, "fleet",
            ChangeDnsKind.NAME, "dns",
            SwitchSiteKind.NAME, "site-switch");

    /** Step kinds that make no AWS call of their own (a health gate reads what the steps before it did). */
    private static final Set<String> NO_CALLS = Set.of(io.github.drkit.plan.HealthGateKind.NAME);

    private final String roleArn;

    /** @param roleArn the function's own role; null when it is not known (the check is then an INFO finding) */
    PermissionsReadiness(String roleArn) {
        this.roleArn = roleArn;
    }

    List<Finding> check(List<PlanStep> steps, ReadinessContext context) {
        if (roleArn == null || roleArn.isBlank()) {
            return List.of(Finding.of(Severity.INFO, Finding.Category.UNCHECKED, "permissions", "function role",
                    "not checked: no role ARN (DRKIT_ROLE_ARN, or --role-arn for the CLI)",
                    "set DRKIT_ROLE_ARN (FailoverFunction sets it) or pass --role-arn to check the role against the plan's calls"));
        }
        String[] arn = roleArn.split(":", 6);
        if (arn.length != 6 || !arn[0].equals("arn") || !arn[2].equals("iam") || !arn[5].startsWith("role/")) {
            return List.of(Finding.of(Severity.WARNING, Finding.Category.UNCHECKED, "permissions", roleArn, "not checked: role ARN '"
                    + roleArn + "' is not an IAM role ARN (arn:<partition>:iam::<account>:role/<name>)", "pass the function's role ARN"));
        }
        Scopes scopes = new Scopes(arn[1], arn[4]);
        Map<Group, Set<String>> actions = new LinkedHashMap<>();
        Map<Group, List<String>> paths = new LinkedHashMap<>();
        List<Finding> findings = new ArrayList<>();
        Set<String> unchecked = new LinkedHashSet<>();
        for (PlanStep step : steps) {
            String kind = TABLE_KINDS.get(step.kind());
            if (NO_CALLS.contains(step.kind())) {
                continue;
            }
            if (kind == null) {
                unchecked.add("step kind " + step.kind());
                continue;
            }
            for (RuntimePermissions.Row row : RuntimePermissions.rows().stream().filter(r -> r.kind().equals(kind)).toList()) {
                Group group = scopes.group(row.scope(), step);
                if (group == null) {
                    unchecked.add("scope " + row.scope() + " of " + kind);
                    continue;
                }
                actions.computeIfAbsent(group, g -> new LinkedHashSet<>()).add(row.action());
                paths.computeIfAbsent(group, g -> new ArrayList<>()).add(step.path() == null ? step.kind() : step.path());
            }
        }
        for (Map.Entry<Group, Set<String>> entry : actions.entrySet()) {
            Group group = entry.getKey();
            String path = paths.get(group).get(0);
            List<PolicySimulation> results;
            try {
                results = context.aws().iam().simulatePrincipalPolicy(roleArn, List.copyOf(entry.getValue()), group.resources(), group.context());
            } catch (RuntimeException e) {
                return List.of(ReadinessContext.unchecked("permissions", roleArn, "the role's permissions (iam:SimulatePrincipalPolicy on the role itself)", e));
            }
            for (PolicySimulation result : results) {
                if (result.decision() != PolicySimulation.Decision.ALLOWED) {
                    findings.add(Finding.of(Severity.CRITICAL, Finding.Category.PERMISSION, path, result.resource(), "role " + roleArn
                            + " may not call " + result.action() + " on " + result.resource() + " (" + result.decision().wireName()
                            + "): the step at " + String.join(", ", new LinkedHashSet<>(paths.get(group))) + " would fail",
                            "grant " + result.action() + " on " + result.resource() + " to " + roleArn + ", or redeploy the stack"));
                }
            }
        }
        if (!unchecked.isEmpty()) {
            findings.add(Finding.of(Severity.INFO, Finding.Category.UNCHECKED, "permissions", roleArn, "not checked for "
                    + String.join(", ", unchecked) + ": this runtime names no resource for them", "none needed; review those grants by hand"));
        }
        return findings;
    }

    /** The resources and condition values one simulation names. */
    private record Group(List<String> resources, List<SimulationContext> context) {
    }

    /** Resource ARNs per scope, as the failover role scopes its grants; null for a scope not covered. */
    private record Scopes(String partition, String account) {
        Group group(String scope, PlanStep step) {
            return switch (scope) {
                case "any" -> new Group(List.of("*"), List.of());
                case "db" -> step instanceof DatabasePlan db ? new Group(List.of("arn:" + partition + ":rds:" + db.region() + ":" + account
                        + ":db:" + db.dbInstanceIdentifier()), List.of()) : null;
                case "instance" -> step instanceof InstancePlan instances ? new Group(instances.instanceIds().stream()
                        .map(id -> "arn:" + partition + ":ec2:" + instances.region() + ":" + account + ":instance/" + id).toList(), List.of()) : null;
                case "zone" -> step instanceof ZonePlan zone ? new Group(List.of(zoneArn(zone)), List.of()) : null;
                case "zone-records" -> step instanceof ZonePlan zone ? new Group(List.of(zoneArn(zone)), List.of(SimulationContext.stringList(
                        "route53:ChangeResourceRecordSetsNormalizedRecordNames", zone.records().stream().map(RecordPlan::name)
                                .map(Scopes::normalized).distinct().toList()))) : null;
                case "metric-namespace" -> step instanceof SiteSwitchPlan site ? new Group(List.of("*"),
                        List.of(SimulationContext.string("cloudwatch:namespace", site.namespace()))) : null;
                default -> null;
            };
        }

        private String zoneArn(ZonePlan zone) {
            return "arn:" + partition + ":route53:::hostedzone/" + zone.hostedZoneId();
        }

        /** Route 53's normalized record name: lower case, without the final dot. */
        private static String normalized(String name) {
            String lower = name.toLowerCase(Locale.ROOT);
            return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
        }
    }
}
