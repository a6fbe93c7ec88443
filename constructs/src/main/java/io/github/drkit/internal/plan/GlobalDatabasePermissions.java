package io.github.drkit.internal.plan;

import io.github.drkit.failover.PlanGlobalDatabase;
import io.github.drkit.failover.RecoveryStep;
import io.github.drkit.failover.StepPermissions;
import io.github.drkit.plan.RuntimePermissions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;

/**
 * {@code failoverGlobalDatabase}: describe, switch over, fail over and detach, scoped to the plan's global clusters and
 * their member clusters (the secondary by ARN; the primary by ARN when the plan names it, else any cluster of the primary
 * Region, since the writer is read from the global cluster at run time).
 */
public final class GlobalDatabasePermissions implements StepPermissions {
    /** The one instance: every step of the kind shares it, so that one statement covers them all. */
    public static final GlobalDatabasePermissions INSTANCE = new GlobalDatabasePermissions();

    private GlobalDatabasePermissions() {
    }

    @Override
    public List<PolicyStatement> statements(Stack stack, List<RecoveryStep> steps) {
        Set<String> resources = new LinkedHashSet<>();
        for (RecoveryStep step : steps) {
            PlanGlobalDatabase g = (PlanGlobalDatabase) step;
            resources.add("arn:" + Aws.PARTITION + ":rds::" + stack.getAccount() + ":global-cluster:" + g.globalClusterIdentifier());
            resources.add("arn:" + Aws.PARTITION + ":rds:" + g.region() + ":" + stack.getAccount() + ":cluster:" + g.dbClusterIdentifier());
            if (g.primaryDbClusterArn() != null) {
                resources.add(g.primaryDbClusterArn());
            } else {
                resources.add("arn:" + Aws.PARTITION + ":rds:*:" + stack.getAccount() + ":cluster:*");
            }
        }
        List<PolicyStatement> statements = new ArrayList<>();
        statements.add(Statements.allow("GlobalDatabases", RuntimePermissions.actions("global-database", "global-cluster"), List.copyOf(resources)));
        // GetMetricStatistics has no resource-level permission: the lag at promotion is read on "*".
        statements.add(Statements.allow("GlobalDatabaseLag", RuntimePermissions.actions("global-database", "any"), List.of("*")));
        return statements;
    }
}
