package io.github.drkit.internal.plan;

import io.github.drkit.failover.PlanDatabase;
import io.github.drkit.failover.RecoveryStep;
import io.github.drkit.failover.StepPermissions;
import io.github.drkit.plan.RuntimePermissions;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;

/** {@code promoteDatabase}: describe, tag and promote the plan's read replicas, each scoped to its ARN. */
public final class DatabasePermissions implements StepPermissions {
    /** The one instance: every step of the kind shares it, so that one statement covers them all. */
    public static final DatabasePermissions INSTANCE = new DatabasePermissions();

    private DatabasePermissions() {
    }

    @Override
    public List<PolicyStatement> statements(Stack stack, List<RecoveryStep> steps) {
        List<String> dbArns = new ArrayList<>();
        for (RecoveryStep step : steps) {
            PlanDatabase d = (PlanDatabase) step;
            dbArns.add("arn:" + Aws.PARTITION + ":rds:" + d.region() + ":" + stack.getAccount() + ":db:" + d.dbInstanceIdentifier());
        }
        // DescribeDBInstances accepts a db ARN, so even the read is scoped; AddTagsToResource marks the replica
        // before PromoteReadReplica.
        return List.of(Statements.allow("Databases", RuntimePermissions.actions("database", "db"), dbArns));
    }
}
