package io.github.drkit.internal.plan;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.drkit.failover.PlanEcsService;
import io.github.drkit.failover.RecoveryStep;
import io.github.drkit.failover.StepPermissions;
import io.github.drkit.plan.RuntimePermissions;
import io.github.drkit.plan.ServicePlan;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;

/**
 * {@code scaleService}: describe and update the plan's ECS services, scoped to their ARNs; a service that follows the
 * primary is also read in the primary Region (only read: failover never changes the primary).
 */
public final class EcsServicePermissions implements StepPermissions {
    /** The one instance: every step of the kind shares it, so that one statement covers them all. */
    public static final EcsServicePermissions INSTANCE = new EcsServicePermissions();

    private EcsServicePermissions() {
    }

    @Override
    public List<PolicyStatement> statements(Stack stack, List<RecoveryStep> steps) {
        String account = stack.getAccount();
        Set<String> services = new LinkedHashSet<>();
        Set<String> primaries = new LinkedHashSet<>();
        for (RecoveryStep step : steps) {
            ServicePlan plan = ((PlanEcsService) step).toPlan();
            services.add(arn(plan.region(), account, plan.cluster(), plan.service()));
            if (plan.followsPrimary()) {
                primaries.add(arn(plan.primaryRegion(), account, plan.primaryCluster(), plan.primaryService()));
            }
        }
        List<String> read = RuntimePermissions.actions("ecs-service", "ecs-service").stream().filter(a -> a.contains(":Describe")).toList();
        List<PolicyStatement> out = new java.util.ArrayList<>();
        out.add(Statements.allow("EcsServices", RuntimePermissions.actions("ecs-service", "ecs-service"), List.copyOf(services)));
        if (!primaries.isEmpty()) {
            out.add(Statements.allow("ReadPrimaryEcsServices", read, List.copyOf(primaries)));
        }
        return out;
    }

    private static String arn(String region, String account, String cluster, String service) {
        return "arn:" + Aws.PARTITION + ":ecs:" + region + ":" + account + ":service/" + cluster + "/" + service;
    }
}
