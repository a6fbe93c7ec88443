package io.github.drkit.runtime.readiness.permissions;

import java.util.List;

import io.github.drkit.plan.PlanStep;

/** A kind whose steps make no AWS call of their own: no table kind, nothing granted, nothing to simulate. */
abstract class NoCallScopes<T extends PlanStep> implements PermissionScopes<T> {
    @Override
    public final List<String> tableKinds(T step) {
        return List.of();
    }

    @Override
    public final Grant grant(String tableKind, String scope, T step, Account account) {
        return null;
    }
}
