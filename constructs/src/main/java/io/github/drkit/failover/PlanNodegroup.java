package io.github.drkit.failover;

import io.github.drkit.internal.plan.Checks;
import io.github.drkit.internal.plan.NodegroupPermissions;
import io.github.drkit.internal.plan.PlanRules;
import io.github.drkit.plan.NodegroupPlan;
import io.github.drkit.plan.ScaleNodegroupKind;
import software.amazon.awscdk.Duration;

/**
 * An EKS managed node group whose scaling configuration failover sets from standby to recovery (the plan's
 * {@code scaleNodegroup} step) and failback sets back, each waiting for the node group's update.
 */
public final class PlanNodegroup implements RecoveryStep {
    private final String region;
    private final String clusterName;
    private final String nodegroupName;
    private final NodegroupPlan plan;

    private PlanNodegroup(Builder b) {
        String owner = "PlanNodegroup";
        this.region = Checks.required(owner, "region", b.region);
        this.clusterName = Checks.required(owner, "clusterName", b.clusterName);
        this.nodegroupName = Checks.required(owner, "nodegroupName", b.nodegroupName);
        Capacity standby = Checks.required(owner, "standby", b.standby);
        Capacity recovery = Checks.required(owner, "recovery", b.recovery);
        int timeout = b.updateTimeout == null ? ScaleNodegroupKind.DEFAULT_UPDATE_TIMEOUT_SECONDS
                : (int) Math.min(Integer.MAX_VALUE, (long) b.updateTimeout.toSeconds().doubleValue());
        NodegroupPlan unchecked = new NodegroupPlan(region, clusterName, nodegroupName, standby.toPlan(), recovery.toPlan(), timeout);
        this.plan = PlanRules.check(owner, () -> PlanRules.reader().check(unchecked));
    }

    public static Builder builder() {
        return new Builder();
    }

    public String region() {
        return region;
    }

    public String clusterName() {
        return clusterName;
    }

    public String nodegroupName() {
        return nodegroupName;
    }

    @Override
    public NodegroupPlan toPlan() {
        return plan;
    }

    /** In the {@code compute} stage. */
    @Override
    public String stage() {
        return "compute";
    }

    @Override
    public StepPermissions permissions() {
        return NodegroupPermissions.INSTANCE;
    }

    public static final class Builder {
        private String region;
        private String clusterName;
        private String nodegroupName;
        private Capacity standby;
        private Capacity recovery;
        private Duration updateTimeout;

        private Builder() {
        }

        /** The node group's Region (the recovery Region). Required. */
        public Builder region(String v) {
            this.region = v;
            return this;
        }

        /** The EKS cluster. Required. */
        public Builder clusterName(String v) {
            this.clusterName = v;
            return this;
        }

        /** The managed node group. Required. */
        public Builder nodegroupName(String v) {
            this.nodegroupName = v;
            return this;
        }

        /** Scaling in normal operation (max at least 1, as EKS requires). Required. */
        public Builder standby(Capacity v) {
            this.standby = v;
            return this;
        }

        /** Scaling after failover, no count below standby's. Required. */
        public Builder recovery(Capacity v) {
            this.recovery = v;
            return this;
        }

        /** @default 15 minutes; at most 1 hour */
        public Builder updateTimeout(Duration v) {
            this.updateTimeout = v;
            return this;
        }

        public PlanNodegroup build() {
            return new PlanNodegroup(this);
        }
    }
}
