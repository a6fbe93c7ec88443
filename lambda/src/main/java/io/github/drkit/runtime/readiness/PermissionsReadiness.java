package io.github.drkit.runtime.readiness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.github.drkit.plan.AssumeRole;
import io.github.drkit.plan.ChangeDnsKind;
import io.github.drkit.plan.DatabasePlan;
import io.github.drkit.plan.FleetPlan;
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
 * <p>Covered: the step kinds promoteDatabase, startInstances, scaleFleet (and, for a fleet that changes instance type,
 * the table's vertical-scaling rows), changeDns and switchSite, on the scopes whose resource this check can name from
 * the plan (any, db, instance, asg, zone, zone-records, change, healthcheck, metric-namespace); a step in another account
 * ({@code assumeRole}) on the table's cross-account rows only (the role it assumes), since its own calls are that role's.
 * Every other kind or scope is an INFO finding that says it was not checked, never a silent pass.
 */
final class PermissionsReadiness {
    /** The step kinds checked, by the table's kind. */
    private static final Map<String, String> TABLE_KINDS = Map.of(
            PromoteDatabaseKind.NAME, "database",
            StartInstancesKind.NAME, "instances",
            ScaleFleetKind.NAME, "fleet",
            ChangeDnsKind.NAME, "dns",
            SwitchSiteKind.NAME, "site-switch");

    /** The table's kind of a step in another account: the session the function's role opens; the rest is that role's. */
    private static final String CROSS_ACCOUNT = "cross-account";
    /** The table's kind of the calls a fleet that changes instance type adds. */
    private static final String VERTICAL_SCALING = "vertical-scaling";

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
        Map<String, List<String>> otherAccounts = new LinkedHashMap<>();
        for (PlanStep step : steps) {
            if (NO_CALLS.contains(step.kind())) {
                continue;
            }
            AssumeRole role = context.plan().assumeRole(step);
            List<String> kinds = tableKinds(step, role);
            if (kinds.isEmpty()) {
                unchecked.add("step kind " + step.kind());
                continue;
            }
            if (role != null) {
                otherAccounts.computeIfAbsent(role.roleArn(), r -> new ArrayList<>()).add(step.path() == null ? step.kind() : step.path());
            }
            for (String kind : kinds) {
                for (RuntimePermissions.Row row : RuntimePermissions.rows().stream().filter(r -> r.kind().equals(kind)).toList()) {
                    Group group = scopes.group(row.scope(), step, role);
                    if (group == null) {
                        unchecked.add("scope " + row.scope() + " of " + kind);
                        continue;
                    }
                    actions.computeIfAbsent(group, g -> new LinkedHashSet<>()).add(row.action());
                    paths.computeIfAbsent(group, g -> new ArrayList<>()).add(step.path() == null ? step.kind() : step.path());
                }
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
        otherAccounts.forEach((role, stepPaths) -> findings.add(Finding.of(Severity.INFO, Finding.Category.UNCHECKED, stepPaths.get(0), role,
                "not simulated: the calls of " + String.join(", ", new LinkedHashSet<>(stepPaths)) + " are made as " + role
                        + ", which they assume; only assuming it (sts:AssumeRole) is the function role's, and that was checked",
                "review that role's grants in its account (WorkloadAccountRole builds them from the same table)")));
        if (!unchecked.isEmpty()) {
            findings.add(Finding.of(Severity.INFO, Finding.Category.UNCHECKED, "permissions", roleArn, "not checked for "
                    + String.join(", ", unchecked) + ": this runtime names no resource for them", "none needed; review those grants by hand"));
        }
        return findings;
    }

    /**
     * The table's kinds whose rows the function's role needs for the step: for a step in another account only the
     * session ({@value #CROSS_ACCOUNT}); empty for a kind this check does not know.
     */
    private static List<String> tableKinds(PlanStep step, AssumeRole role) {
        String kind = TABLE_KINDS.get(step.kind());
        if (kind == null) {
            return List.of();
        }
        if (role != null) {
            return List.of(CROSS_ACCOUNT);
        }
        return step instanceof FleetPlan fleet && fleet.scalesVertically() ? List.of(kind, VERTICAL_SCALING) : List.of(kind);
    }

    /** The resources and condition values one simulation names. */
    private record Group(List<String> resources, List<SimulationContext> context) {
    }

    /** Resource ARNs per scope, as the failover role scopes its grants; null for a scope not covered. */
    private record Scopes(String partition, String account) {
        Group group(String scope, PlanStep step, AssumeRole role) {
            return switch (scope) {
                case "any" -> new Group(List.of("*"), List.of());
                case "asg" -> step instanceof FleetPlan fleet ? new Group(List.of("arn:" + partition + ":autoscaling:" + fleet.region() + ":"
                        + account + ":autoScalingGroup:*:autoScalingGroupName/" + fleet.autoScalingGroupName()), List.of()) : null;
                case "change" -> step instanceof ZonePlan ? new Group(List.of("arn:" + partition + ":route53:::change/*"), List.of()) : null;
                case "healthcheck" -> step instanceof ZonePlan ? new Group(List.of("arn:" + partition + ":route53:::healthcheck/*"), List.of()) : null;
                case "workload-role" -> role == null ? null : new Group(List.of(role.roleArn()), List.of());
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
