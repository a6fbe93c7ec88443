package io.github.drkit.runtime.readiness.permissions;

import java.util.List;

import io.github.drkit.plan.CheckGlobalTableKind;
import io.github.drkit.plan.GlobalTablePlan;

/**
 * {@code checkGlobalTable}: DescribeTable on the table in the step's Region (failover) and its source Region (failback),
 * the latency metric on any, as {@code GlobalTablePermissions}.
 */
public final class CheckGlobalTableScopes implements PermissionScopes<GlobalTablePlan> {
    @Override
    public String kind() {
        return CheckGlobalTableKind.NAME;
    }

    @Override
    public Class<GlobalTablePlan> type() {
        return GlobalTablePlan.class;
    }

    @Override
    public List<String> tableKinds(GlobalTablePlan step) {
        return List.of("global-table");
    }

    @Override
    public Grant grant(String tableKind, String scope, GlobalTablePlan step, Account account) {
        return switch (scope) {
            case "table" -> Grant.on(List.of(account.arn("dynamodb", step.region(), "table/" + step.tableName()),
                    account.arn("dynamodb", step.sourceRegion(), "table/" + step.tableName())).stream().distinct().toList());
            case "any" -> Grant.on("*");
            default -> null;
        };
    }
}
