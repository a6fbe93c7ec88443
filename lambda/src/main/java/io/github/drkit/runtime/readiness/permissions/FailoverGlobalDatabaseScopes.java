package io.github.drkit.runtime.readiness.permissions;

import java.util.List;

import io.github.drkit.plan.FailoverGlobalDatabaseKind;
import io.github.drkit.plan.GlobalDatabasePlan;

/**
 * {@code failoverGlobalDatabase}: every RDS call on the global cluster, the secondary cluster and the primary (its ARN
 * when the plan names it, else any cluster of the account, since the writer is read from the global cluster at run
 * time), the lag on any, as {@code GlobalDatabasePermissions}.
 */
public final class FailoverGlobalDatabaseScopes implements PermissionScopes<GlobalDatabasePlan> {
    @Override
    public String kind() {
        return FailoverGlobalDatabaseKind.NAME;
    }

    @Override
    public Class<GlobalDatabasePlan> type() {
        return GlobalDatabasePlan.class;
    }

    @Override
    public List<String> tableKinds(GlobalDatabasePlan step) {
        return List.of("global-database");
    }

    @Override
    public Grant grant(String tableKind, String scope, GlobalDatabasePlan step, Account account) {
        return switch (scope) {
            case "global-cluster" -> Grant.on(account.arn("rds", "", "global-cluster:" + step.globalClusterIdentifier()),
                    account.arn("rds", step.region(), "cluster:" + step.dbClusterIdentifier()),
                    step.primaryDbClusterArn() != null ? step.primaryDbClusterArn() : account.arn("rds", "*", "cluster:*"));
            case "any" -> Grant.on("*");
            default -> null;
        };
    }
}
