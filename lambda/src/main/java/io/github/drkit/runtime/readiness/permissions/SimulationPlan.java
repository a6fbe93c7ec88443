package io.github.drkit.runtime.readiness.permissions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.drkit.plan.AssumeRole;
import io.github.drkit.plan.PlanStep;
import io.github.drkit.plan.RecoveryPlan;
import io.github.drkit.plan.RuntimePermissions;
import io.github.drkit.runtime.aws.api.SimulationContext;

/**
 * What the permissions check simulates for a plan, before any call: the plan's notification topic (every run reads it
 * and publishes its report there), and each step's table kinds and grants ({@link PermissionScopes}), grouped so that
 * calls naming the same resources and condition values share one simulation, and what cannot be simulated and why. Pure: the same plan and account give the same simulations, which lets a test
 * hold them to the statements the constructs synthesize.
 *
 * @param simulations  one per distinct resources and condition values, in plan order
 * @param otherAccounts the steps in another account, by the role they assume: only assuming it is simulated
 * @param atRunTime    the scopes whose resource only the run knows, per step
 * @param unknown      the kinds with no {@link PermissionScopes} and the scopes a kind does not know, e.g.
 *                     {@code step kind setFlag}
 */
public record SimulationPlan(List<Simulation> simulations, Map<String, List<String>> otherAccounts, List<AtRunTime> atRunTime,
                             Set<String> unknown) {
    /** The table's kind of a step in another account: the session the function's role opens; the rest is that role's. */
    private static final String CROSS_ACCOUNT = "cross-account";
    /** The table's scope of the cross-account rows: the role the step assumes. */
    private static final String WORKLOAD_ROLE = "workload-role";
    /** The table's kind and scope of the report every run publishes, and the plan's field that names the topic. */
    private static final String NOTIFICATIONS = "notifications";
    private static final String TOPIC = "topic";
    private static final String NOTIFICATION_TOPIC_FIELD = "notificationTopicArn";

    /**
     * One SimulatePrincipalPolicy request.
     *
     * @param paths the steps whose calls it covers, in plan order, without repeats
     */
    public record Simulation(List<String> actions, List<String> resources, List<SimulationContext> context, List<String> paths) {
    }

    /** A scope of a step not simulated because its resource is known only at run time. */
    public record AtRunTime(String path, String tableKind, String scope, List<String> actions, String why) {
    }

    /** The simulations for the steps of the plan, for a role of this account. */
    public static SimulationPlan of(RecoveryPlan plan, List<PlanStep> steps, Account account) {
        Map<Group, Set<String>> actions = new LinkedHashMap<>();
        Map<Group, Set<String>> paths = new LinkedHashMap<>();
        Map<String, List<String>> otherAccounts = new LinkedHashMap<>();
        Map<String, AtRunTime> atRunTime = new LinkedHashMap<>();
        Set<String> unknown = new LinkedHashSet<>();
        if (plan.notificationTopicArn() != null) {
            // Every run reads the plan's topic and publishes its report there (FailoverFunction grants both on it).
            Group topic = new Group(List.of(plan.notificationTopicArn()), List.of());
            actions.computeIfAbsent(topic, g -> new LinkedHashSet<>()).addAll(RuntimePermissions.actions(NOTIFICATIONS, TOPIC));
            paths.computeIfAbsent(topic, g -> new LinkedHashSet<>()).add(NOTIFICATION_TOPIC_FIELD);
        }
        for (PlanStep step : steps) {
            PermissionScopes<?> kindScopes = PermissionScopesRegistry.of(step.kind());
            if (kindScopes == null) {
                unknown.add("step kind " + step.kind());
                continue;
            }
            List<String> tableKinds = PermissionScopesRegistry.tableKinds(kindScopes, step);
            if (tableKinds.isEmpty()) {
                continue; // the kind makes no AWS call of its own
            }
            String path = step.path() == null ? step.kind() : step.path();
            AssumeRole role = plan.assumeRole(step);
            if (role != null) {
                otherAccounts.computeIfAbsent(role.roleArn(), r -> new ArrayList<>()).add(path);
                Group group = new Group(List.of(role.roleArn()), List.of());
                actions.computeIfAbsent(group, g -> new LinkedHashSet<>()).addAll(RuntimePermissions.actions(CROSS_ACCOUNT, WORKLOAD_ROLE));
                paths.computeIfAbsent(group, g -> new LinkedHashSet<>()).add(path);
                continue;
            }
            for (String tableKind : tableKinds) {
                for (String scope : scopesOf(tableKind)) {
                    Grant grant = PermissionScopesRegistry.grant(kindScopes, tableKind, scope, step, account);
                    List<String> scopeActions = RuntimePermissions.actions(tableKind, scope);
                    if (grant == null) {
                        unknown.add("scope " + scope + " of " + tableKind);
                    } else if (grant.atRunTime() != null) {
                        atRunTime.putIfAbsent(path + " " + scope, new AtRunTime(path, tableKind, scope, scopeActions, grant.atRunTime()));
                    } else {
                        for (Grant.Target target : grant.targets()) {
                            Group group = new Group(target.resources(), target.context());
                            scopeActions.stream().filter(a -> target.onlyActions().isEmpty() || target.onlyActions().contains(a))
                                    .forEach(a -> actions.computeIfAbsent(group, g -> new LinkedHashSet<>()).add(a));
                            paths.computeIfAbsent(group, g -> new LinkedHashSet<>()).add(path);
                        }
                    }
                }
            }
        }
        List<Simulation> simulations = new ArrayList<>();
        actions.forEach((group, groupActions) -> simulations.add(new Simulation(List.copyOf(groupActions), group.resources(), group.context(),
                List.copyOf(paths.get(group)))));
        return new SimulationPlan(List.copyOf(simulations), Collections.unmodifiableMap(otherAccounts), List.copyOf(atRunTime.values()),
                Collections.unmodifiableSet(unknown));
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
