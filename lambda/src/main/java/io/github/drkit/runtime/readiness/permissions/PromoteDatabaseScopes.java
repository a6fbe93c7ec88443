package io.github.drkit.runtime.readiness.permissions;

import java.util.List;

import io.github.drkit.plan.DatabasePlan;
import io.github.drkit.plan.PromoteDatabaseKind;

/** {@code promoteDatabase}: every call on the replica's ARN, as {@code DatabasePermissions} grants them. */
public final class PromoteDatabaseScopes implements PermissionScopes<DatabasePlan> {
    @Override
    public String kind() {
        return PromoteDatabaseKind.NAME;
    }

    @Override
    public Class<DatabasePlan> type() {
        return DatabasePlan.class;
    }

    @Override
    public List<String> tableKinds(DatabasePlan step) {
        return List.of("database");
    }

    @Override
    public Grant grant(String tableKind, String scope, DatabasePlan step, Account account) {
        return scope.equals("db") ? Grant.on(account.arn("rds", step.region(), "db:" + step.dbInstanceIdentifier())) : null;
    }
}
