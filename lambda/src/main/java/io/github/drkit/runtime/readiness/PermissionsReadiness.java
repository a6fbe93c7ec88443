package io.github.drkit.runtime.readiness;

import java.util.ArrayList;
import java.util.List;

import io.github.drkit.plan.PlanStep;
import io.github.drkit.plan.RuntimePermissions;
import io.github.drkit.runtime.aws.api.PolicySimulation;
import io.github.drkit.runtime.readiness.permissions.Account;
import io.github.drkit.runtime.readiness.permissions.PermissionScopes;
import io.github.drkit.runtime.readiness.permissions.SimulationPlan;

/**
 * The permissions check: the function's role, simulated with IAM's {@code SimulatePrincipalPolicy} against every call
 * the plan's steps make, as {@link RuntimePermissions} lists them, on the resources the failover role scopes them to.
 * A denied call is a critical finding: the step would fail on the day. Calls that name the same resources and condition
 * values share one simulation, whatever their steps.
 *
 * <p>Each step kind says which of the table's kinds its steps need and, per scope, what the role grants them on
 * ({@link PermissionScopes}, found with {@link java.util.ServiceLoader}), which {@link SimulationPlan} turns into the
 * simulations to make; this class names no step kind. A step in another account ({@code assumeRole}) is checked on the
 * table's cross-account rows only (the role it assumes), since its own calls are that role's. A kind with no {@link PermissionScopes}, a scope its kind does not know, and a scope whose
 * resource is known only at run time are INFO findings that say they were not checked, never a silent pass.
 */
final class PermissionsReadiness {
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
        SimulationPlan planned = SimulationPlan.of(context.plan(), steps, new Account(arn[1], arn[4]));
        List<Finding> findings = new ArrayList<>();
        for (SimulationPlan.Simulation simulation : planned.simulations()) {
            String path = simulation.paths().get(0);
            List<PolicySimulation> results;
            try {
                results = context.aws().iam().simulatePrincipalPolicy(roleArn, simulation.actions(), simulation.resources(), simulation.context());
            } catch (RuntimeException e) {
                // The denials found so far stand (a throttle must not turn NOT_READY into DEGRADED); the rest is unchecked.
                findings.add(ReadinessContext.unchecked("permissions", roleArn, "the role's permissions (iam:SimulatePrincipalPolicy on the role itself)", e));
                break;
            }
            for (PolicySimulation result : results) {
                if (result.decision() != PolicySimulation.Decision.ALLOWED) {
                    findings.add(Finding.of(Severity.CRITICAL, Finding.Category.PERMISSION, path, result.resource(), "role " + roleArn
                            + " may not call " + result.action() + " on " + result.resource() + " (" + result.decision().wireName()
                            + "): the step at " + String.join(", ", simulation.paths()) + " would fail",
                            "grant " + result.action() + " on " + result.resource() + " to " + roleArn + ", or redeploy the stack"));
                }
            }
        }
        planned.otherAccounts().forEach((role, stepPaths) -> findings.add(Finding.of(Severity.INFO, Finding.Category.UNCHECKED, stepPaths.get(0), role,
                "not simulated: the calls of " + String.join(", ", stepPaths.stream().distinct().toList()) + " are made as " + role
                        + ", which they assume; only assuming it (sts:AssumeRole) is the function role's, and that was checked",
                "review that role's grants in its account (WorkloadAccountRole builds them from the same table)")));
        for (SimulationPlan.AtRunTime scope : planned.atRunTime()) {
            findings.add(Finding.of(Severity.INFO, Finding.Category.UNCHECKED, scope.path(), roleArn, "not checked: the calls of " + scope.path()
                    + " on scope " + scope.scope() + " (" + String.join(", ", scope.actions()) + "): " + scope.why(),
                    "review the role's grant of those actions by hand, or run a drill"));
        }
        if (!planned.unknown().isEmpty()) {
            findings.add(Finding.of(Severity.INFO, Finding.Category.UNCHECKED, "permissions", roleArn, "not checked for "
                    + String.join(", ", planned.unknown()) + ": this runtime names no resource for them", "none needed; review those grants by hand"));
        }
        return findings;
    }
}
