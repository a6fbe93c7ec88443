package io.github.drkit.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/** {@code scaleNodegroup}: set an EKS managed node group's scaling configuration to recovery and back ({@link NodegroupPlan}). */
public final class ScaleNodegroupKind implements StepKind<NodegroupPlan> {
    public static final String NAME = "scaleNodegroup";
    /** The wait for the node group's update when the plan gives none. */
    public static final int DEFAULT_UPDATE_TIMEOUT_SECONDS = 900;
    /** EKS cluster names: 1-100 characters, a letter or digit first, then letters, digits, '-' and '_'. */
    private static final Pattern CLUSTER = Pattern.compile("[0-9A-Za-z][A-Za-z0-9_-]{0,99}");
    /** EKS node group names: 1-63 characters of the same alphabet. */
    private static final Pattern NODEGROUP = Pattern.compile("[0-9A-Za-z][A-Za-z0-9_-]{0,62}");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<NodegroupPlan> type() {
        return NodegroupPlan.class;
    }

    @Override
    public NodegroupPlan read(Fields step, StepContext context) {
        String region = context.region(step, "region");
        String cluster = step.requiredMatching("clusterName", CLUSTER,
                "must be an EKS cluster name: 1-100 letters, digits, '-' and '_', starting with a letter or digit");
        String nodegroup = step.requiredMatching("nodegroupName", NODEGROUP,
                "must be an EKS node group name: 1-63 letters, digits, '-' and '_', starting with a letter or digit");
        Capacity standby = capacity(step.requiredObject("standby"));
        Capacity recovery = capacity(step.requiredObject("recovery"));
        FleetPlan.requireRecoveryNotBelowStandby(standby, recovery, step.path());
        Integer timeout = step.optionalInt("updateTimeoutSeconds", 0, HealthGateKind.MAX_TIMEOUT_SECONDS);
        step.finish();
        return new NodegroupPlan(region, cluster, nodegroup, standby, recovery,
                timeout == null ? DEFAULT_UPDATE_TIMEOUT_SECONDS : timeout, step.path());
    }

    /** EKS refuses a maximum size below 1 (UpdateNodegroupConfig: maxSize at least 1). */
    private static Capacity capacity(Fields fields) {
        int min = fields.requiredInt("min", 0, Capacity.LIMIT);
        int desired = fields.requiredInt("desired", 0, Capacity.LIMIT);
        int max = fields.requiredInt("max", 1, Capacity.LIMIT);
        fields.finish();
        return Capacity.of(min, desired, max, fields.path());
    }

    @Override
    public Map<String, Object> write(NodegroupPlan step) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("region", step.region());
        m.put("clusterName", step.clusterName());
        m.put("nodegroupName", step.nodegroupName());
        m.put("standby", PlanWriter.capacity(step.standby()));
        m.put("recovery", PlanWriter.capacity(step.recovery()));
        m.put("updateTimeoutSeconds", step.updateTimeoutSeconds());
        return m;
    }

    @Override
    public void checkAcross(List<NodegroupPlan> steps) {
        Uniqueness.unique(steps, s -> s.region() + "/" + s.clusterName() + "/" + s.nodegroupName(), NodegroupPlan::path,
                "nodegroupName", "EKS node group");
    }

    /** Compute goes back after traffic has left it. */
    @Override
    public OptionalInt failbackRank() {
        return OptionalInt.of(20);
    }
}
