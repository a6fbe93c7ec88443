package io.github.drkit.runtime.readiness.permissions;

import java.util.List;

import io.github.drkit.plan.InvokeFunctionKind;
import io.github.drkit.plan.InvokeFunctionPlan;

/**
 * {@code invokeFunction}: read and invoke the function as the plan names it and its versions and aliases
 * ({@code <arn>:*}), as {@code CustomActionPermissions}.
 */
public final class InvokeFunctionScopes implements PermissionScopes<InvokeFunctionPlan> {
    @Override
    public String kind() {
        return InvokeFunctionKind.NAME;
    }

    @Override
    public Class<InvokeFunctionPlan> type() {
        return InvokeFunctionPlan.class;
    }

    @Override
    public List<String> tableKinds(InvokeFunctionPlan step) {
        return List.of("custom-action");
    }

    @Override
    public Grant grant(String tableKind, String scope, InvokeFunctionPlan step, Account account) {
        return scope.equals("function") ? Grant.on(step.functionArn(), step.functionArn() + ":*") : null;
    }
}
