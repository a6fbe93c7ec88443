package io.github.drkit.runtime.readiness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.drkit.plan.AssumeRole;
import io.github.drkit.plan.PlanStep;
import io.github.drkit.plan.RuntimePermissions;
import io.github.drkit.runtime.aws.api.PolicySimulation;
import io.github.drkit.runtime.aws.api.SimulationContext;
import io.github.drkit.runtime.readiness.permissions.Account;
import io.github.drkit.runtime.readiness.permissions.Grant;
import io.github.drkit.runtime.readiness.permissions.PermissionScopes;
import io.github.drkit.runtime.readiness.permissions.PermissionScopesRegistry;

/**
 * The permissions check: the function's role, simulated with IAM's {@code SimulatePrincipalPolicy} against every call
 * the plan's steps make, as {@link RuntimePermissions} lists them, on the resources the failover role scopes them to.
 * A denied call is a critical finding: the step would fail on the day. Calls that name the same resources and condition
 * values share one simulation, whatever their steps.
 *
 * <p>Each step kind says which of the table's kinds its steps need and, per scope, what the role grants them on
 * ({@link PermissionScopes}, found with {@link java.util.ServiceLoader}); this class names no step kind. A step in another
 * account ({@code assumeRole}) is checked on the table's cross-account rows only (the role it assumes), since its own
 * calls are that role's. A kind with no {@link PermissionScopes}, a scope its kind does not know, and a scope whose
 * resource is known only at run time are INFO findings that say they were not checked, never a silent pass.
 */
final class PermissionsReadiness {
    /** The table's kind of a step in another account: the session the function's role opens; the rest is that role's. */
    private static final String CROSS_ACCOUNT = "cross-account";
    /** The table's scope of the cross-account rows: the role the step assumes. */
    private static final String WORKLOAD_ROLE = "workload-role";

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
        Account account = new Account(arn[1], arn[4]);
        Map<Group, Set<String>> actions = new LinkedHashMap<>();
        Map<Group, List<String>> paths = new LinkedHashMap<>();
        List<Finding> findings = new ArrayList<>();
        Set<String> unchecked = new LinkedHashSet<>();
        Map<String, Finding> atRunTime = new LinkedHashMap<>();
        Map<String, List<String>> otherAccounts = new LinkedHashMap<>();
        for (PlanStep step : steps) {
            PermissionScopes<?> kindScopes = PermissionScopesRegistry.of(step.kind());
            if (kindScopes == null) {
                unchecked.add("step kind " + step.kind());
                continue;
            }
            List<String> tableKinds = PermissionScopesRegistry.tableKinds(kindScopes, step);
            if (tableKinds.isEmpty()) {
                continue; // the kind makes no AWS call of its own
            }
            String path = step.path() == null ? step.kind() : step.path();
            AssumeRole role = context.plan().assumeRole(step);
            if (role != null) {
                otherAccounts.computeIfAbsent(role.roleArn(), r -> new ArrayList<>()).add(path);
                for (String action : RuntimePermissions.actions(CROSS_ACCOUNT, WORKLOAD_ROLE)) {
                    Group group = new Group(List.of(role.roleArn()), List.of());
                    actions.computeIfAbsent(group, g -> new LinkedHashSet<>()).add(action);
                    paths.computeIfAbsent(group, g -> new ArrayList<>()).add(path);
                }
                continue;
            }
            for (String tableKind : tableKinds) {
                for (String scope : scopesOf(tableKind)) {
                    Grant grant = PermissionScopesRegistry.grant(kindScopes, tableKind, scope, step, account);
                    if (grant == null) {
                        unchecked.add("scope " + scope + " of " + tableKind);
                        continue;
                    }
                    if (grant.atRunTime() != null) {
                        atRunTime.computeIfAbsent(path + " " + scope, k -> Finding.of(Severity.INFO, Finding.Category.UNCHECKED, path,
                                roleArn, "not checked: the calls of " + path + " on scope " + scope + " (" + String.join(", ",
                                        RuntimePermissions.actions(tableKind, scope)) + "): " + grant.atRunTime(),
                                "review the role's grant of those actions by hand, or run a drill"));
                        continue;
                    }
                    List<String> scopeActions = RuntimePermissions.actions(tableKind, scope);
                    for (Grant.Target target : grant.targets()) {
                        Group group = new Group(target.resources(), target.context());
                        for (String action : scopeActions) {
                            if (target.onlyActions().isEmpty() || target.onlyActions().contains(action)) {
                                actions.computeIfAbsent(group, g -> new LinkedHashSet<>()).add(action);
                            }
                        }
                        paths.computeIfAbsent(group, g -> new ArrayList<>()).add(path);
                    }
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
        findings.addAll(atRunTime.values());
        if (!unchecked.isEmpty()) {
            findings.add(Finding.of(Severity.INFO, Finding.Category.UNCHECKED, "permissions", roleArn, "not checked for "
                    + String.join(", ", unchecked) + ": this runtime names no resource for them", "none needed; review those grants by hand"));
        }
        return findings;
    }

    /** The scopes of a table kind's rows, in table order. */
    private static Set<String> scopesOf(String tableKind) {
        Set<String> scopes = new LinkedHashSet<>();
        RuntimePermissions.rows().stream().filter(r -> r.kind().equals(tableKind)).forEach(r -> scopes.add(r.scope()));
        return scopes;
    }

    /** The resources and condition values one simulation names. */
    private record Group(List<String> resources, List<SimulationContext> context) {
    }
}
