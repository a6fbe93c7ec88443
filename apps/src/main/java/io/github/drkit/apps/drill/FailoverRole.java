package io.github.drkit.apps.drill;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import io.github.drkit.emulator.EmulatorIam;
import io.github.drkit.plan.RuntimePermissions;
import io.github.drkit.runtime.aws.AwsCall;
import io.github.drkit.runtime.engine.Report;
import io.github.drkit.runtime.engine.StepReport;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * The failover role the stacks deployed, as the engine assumes it in the drill: its policies put in the form the
 * emulator can enforce (the same actions, on every resource, see {@link EmulatorIam}), a session of it for the
 * engine's calls, and IAM enforced while the engine runs. The drill's own work (deploys, disaster, checks) runs
 * with IAM relaxed, as an administrator would.
 *
 * @param roleArn the function's execution role
 * @param granted the actions the role's policies allow, as deployed
 * @param session credentials of a session of the role
 * @param iam     the emulator, which enforces IAM while the engine runs
 */
public record FailoverRole(String roleArn, List<String> granted, AwsCredentialsProvider session, EmulatorIam iam) {

    public FailoverRole {
        granted = List.copyOf(granted);
    }

    /** Assumes the execution role of the deployed failover function; IAM must be relaxed (it is outside engine runs). */
    public static FailoverRole assume(DrillClients clients, ResolvedPlan plan, java.net.URI emulator) {
        String roleArn = clients.lambda(plan.region()).getFunctionConfiguration(b -> b.functionName(plan.function())).role();
        if (roleArn == null || roleArn.isEmpty()) {
            throw new DrillException("the failover function " + plan.function() + " has no execution role in the emulator");
        }
        EmulatorIam iam = EmulatorIam.of(emulator);
        String roleName = roleArn.substring(roleArn.lastIndexOf('/') + 1);
        List<String> granted = iam.enforceActionsOf(clients.credentials(), roleName);
        AwsCredentialsProvider session = iam.assume(clients.credentials(), roleArn, "drkit-drill-failover");
        return new FailoverRole(roleArn, granted, session, iam);
    }

    /** Runs an engine run with IAM enforced. */
    public Report run(Supplier<Report> engineRun) {
        return iam.enforcing(engineRun);
    }

    /**
     * One check per call the emulator denied in this run (HTTP 403), naming the IAM action the permission table
     * lists for it; a single passing check when none was. A denied read fails the drill even where the engine carried
     * on without it (an unreadable site switch does not block a recovery), so that the role is fixed first.
     */
    public List<Check> deniedCalls(Report report) {
        List<Check> checks = new ArrayList<>();
        for (StepReport step : report.steps()) {
            for (AwsCall call : step.calls()) {
                if (call.httpStatus() == 403) {
                    // The action the call names first; the implicit ones only when the role holds that one.
                    Set<String> missing = missing(call, false);
                    if (missing.isEmpty()) {
                        missing = missing(call, true);
                    }
                    Set<String> needed = new TreeSet<>();
                    RuntimePermissions.rows().stream()
                            .filter(r -> r.service().equals(call.service()) && r.operation().equals(call.operation()))
                            .forEach(r -> needed.add(r.action()));
                    checks.add(new Check(call.service() + " " + call.operation() + " (" + call.region() + ") in '" + step.name()
                            + "' under role " + roleArn, "allowed",
                            "denied (" + call.error() + "): the role lacks " + (missing.isEmpty() ? needed : missing), false));
                }
            }
        }
        if (checks.isEmpty()) {
            checks.add(new Check("every call of the run under role " + roleArn, "allowed", "allowed", true));
        }
        return checks;
    }

    /** The table's actions for the call, called or implicit ones, that the role does not grant. */
    private Set<String> missing(AwsCall call, boolean implicit) {
        Set<String> missing = new TreeSet<>();
        RuntimePermissions.rows().stream()
                .filter(r -> r.service().equals(call.service()) && r.operation().equals(call.operation()) && r.implicit() == implicit)
                .forEach(r -> missing.add(r.action()));
        missing.removeAll(granted);
        return missing;
    }
}
