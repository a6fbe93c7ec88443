package io.github.drkit.internal.plan;

import io.github.drkit.plan.RuntimePermissions;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;

/**
 * What the evaluate action adds to the failover role, from the {@code readiness} rows of {@link RuntimePermissions}: the
 * reads no step kind makes (the AMI, the instance types' vCPUs, the quotas, the replica lag) and the readiness metric.
 * The step kinds' own reads are already granted with their kinds.
 */
public final class ReadinessPermissions {
    private ReadinessPermissions() {
    }

    public static List<PolicyStatement> statements(String metricNamespace) {
        // EC2 Describe*, servicequotas:GetServiceQuota and cloudwatch:GetMetricStatistics authorize on no narrower resource.
        PolicyStatement reads = PolicyStatement.Builder.create().sid("ReadinessReads").effect(Effect.ALLOW)
                .actions(RuntimePermissions.actions("readiness", "any")).resources(List.of("*")).build();
        // PutMetricData has no resource-level permission; the namespace condition is the scope AWS offers.
        PolicyStatement metric = PolicyStatement.Builder.create().sid("ReadinessMetric").effect(Effect.ALLOW)
                .actions(RuntimePermissions.actions("readiness", "readiness-namespace")).resources(List.of("*")).build();
        metric.addCondition("StringEquals", Map.of("cloudwatch:namespace", metricNamespace));
        return List.of(reads, metric);
    }

    /**
     * The permissions check: the policy simulator, on the function's own role only, so that the function learns what
     * its role may do and nothing about any other principal.
     */
    public static PolicyStatement ownRoleSimulation(String roleArn) {
        return PolicyStatement.Builder.create().sid("ReadinessPermissionsCheck").effect(Effect.ALLOW)
                .actions(RuntimePermissions.actions("readiness", "own-role")).resources(List.of(roleArn)).build();
    }
}
