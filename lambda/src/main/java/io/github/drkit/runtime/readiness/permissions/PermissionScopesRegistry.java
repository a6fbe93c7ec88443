package io.github.drkit.runtime.readiness.permissions;

import java.util.List;
import java.util.Map;

import io.github.drkit.plan.ByKind;
import io.github.drkit.plan.PlanStep;

/** The {@link PermissionScopes} on the class path, by kind, found once. */
public final class PermissionScopesRegistry {
    private static final Map<String, PermissionScopes<?>> SCOPES = load();

    private PermissionScopesRegistry() {
    }

    /** The scopes of a kind; null when this runtime has none. */
    public static PermissionScopes<?> of(String kind) {
        return SCOPES.get(kind);
    }

    /** The kinds that have scopes, in the order found. */
    public static List<String> kinds() {
        return List.copyOf(SCOPES.keySet());
    }

    /** {@link PermissionScopes#tableKinds} of a step of the scopes' kind. */
    public static <T extends PlanStep> List<String> tableKinds(PermissionScopes<T> scopes, PlanStep step) {
        return scopes.tableKinds(scopes.type().cast(step));
    }

    /** {@link PermissionScopes#grant} for a step of the scopes' kind. */
    public static <T extends PlanStep> Grant grant(PermissionScopes<T> scopes, String tableKind, String scope, PlanStep step, Account account) {
        return scopes.grant(tableKind, scope, scopes.type().cast(step), account);
    }

    private static Map<String, PermissionScopes<?>> load() {
        return ByKind.load(PermissionScopes.class, PermissionScopes::kind, "permission scopes");
    }
}
