package io.github.drkit.internal.plan;

import io.github.drkit.failover.PlanGlobalTable;
import io.github.drkit.failover.RecoveryStep;
import io.github.drkit.failover.StepPermissions;
import io.github.drkit.plan.RuntimePermissions;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;

/** {@code checkGlobalTable}: DescribeTable on the plan's tables in both Regions of each step, and the latency metric. */
public final class GlobalTablePermissions implements StepPermissions {
    /** The one instance: every step of the kind shares it, so that one statement covers them all. */
    public static final GlobalTablePermissions INSTANCE = new GlobalTablePermissions();

    private GlobalTablePermissions() {
    }

    @Override
    public List<PolicyStatement> statements(Stack stack, List<RecoveryStep> steps) {
        Set<String> tables = new LinkedHashSet<>();
        for (RecoveryStep step : steps) {
            PlanGlobalTable t = (PlanGlobalTable) step;
            // Failover reads the replica in the step's Region, failback the one in the source Region.
            tables.add("arn:" + Aws.PARTITION + ":dynamodb:" + t.region() + ":" + stack.getAccount() + ":table/" + t.tableName());
            tables.add("arn:" + Aws.PARTITION + ":dynamodb:" + t.sourceRegion() + ":" + stack.getAccount() + ":table/" + t.tableName());
        }
        return List.of(Statements.allow("GlobalTables", RuntimePermissions.actions("global-table", "table"), List.copyOf(tables)),
                // GetMetricStatistics has no resource-level permission: ReplicationLatency is read on "*".
                Statements.allow("GlobalTableLatency", RuntimePermissions.actions("global-table", "any"), List.of("*")));
    }
}
