package io.github.drkit.runtime.readiness.permissions;

import io.github.drkit.plan.ApprovalKind;
import io.github.drkit.plan.ApprovalPlan;

/**
 * {@code approval}: waits for a person; the notice goes out through the plan's topic, whose grant is every plan's
 * (the table's notifications rows), so the kind itself needs nothing, as {@code NoPermissions} grants.
 */
public final class ApprovalScopes extends NoCallScopes<ApprovalPlan> {
    @Override
    public String kind() {
        return ApprovalKind.NAME;
    }

    @Override
    public Class<ApprovalPlan> type() {
        return ApprovalPlan.class;
    }
}
