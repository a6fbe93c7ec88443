package io.github.drkit.failover;

import io.github.drkit.internal.plan.Checks;
import io.github.drkit.internal.plan.EcsServicePermissions;
import io.github.drkit.internal.plan.PlanRules;
import io.github.drkit.plan.ScaleServiceKind;
import io.github.drkit.plan.ServicePlan;
import software.amazon.awscdk.Duration;

/**
 * An ECS service that failover scales from its standby to its recovery desired count (the plan's {@code scaleService}
 * step), or to a share of the primary service's desired count when the primary Region answers; failback returns it to
 * standby. Both wait for steady state.
 */
public final class PlanEcsService implements RecoveryStep {
    private final String region;
    private final String clusterName;
    private final String serviceName;
    private final ServicePlan plan;

    private PlanEcsService(Builder b) {
        String owner = "PlanEcsService";
        this.region = Checks.required(owner, "region", b.region);
        this.clusterName = Checks.required(owner, "clusterName", b.clusterName);
        this.serviceName = Checks.required(owner, "serviceName", b.serviceName);
        int standby = Checks.required(owner, "standbyDesiredCount", b.standbyDesiredCount);
        int recovery = Checks.required(owner, "recoveryDesiredCount", b.recoveryDesiredCount);
        boolean follows = b.recoveryPercentOfPrimary != null;
        int timeout = b.steadyStateTimeout == null ? ScaleServiceKind.DEFAULT_STEADY_STATE_TIMEOUT_SECONDS
                : (int) Math.min(Integer.MAX_VALUE, (long) b.steadyStateTimeout.toSeconds().doubleValue());
        ServicePlan unchecked = new ServicePlan(region, clusterName, serviceName, standby, recovery, b.recoveryPercentOfPrimary,
                follows || b.primaryRegion != null ? b.primaryRegion : null,
                follows && b.primaryClusterName == null ? clusterName : b.primaryClusterName,
                follows && b.primaryServiceName == null ? serviceName : b.primaryServiceName, timeout);
        // The plan's rules (counts, share, primary Region, names, timeout) are the model's, checked here early; the
        // model's field names are the step's, e.g. "cluster" for clusterName.
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

    public String serviceName() {
        return serviceName;
    }

    @Override
    public ServicePlan toPlan() {
        return plan;
    }

    /** In the {@code compute} stage. */
    @Override
    public String stage() {
        return "compute";
    }

    @Override
    public StepPermissions permissions() {
        return EcsServicePermissions.INSTANCE;
    }

    public static final class Builder {
        private String region;
        private String clusterName;
        private String serviceName;
        private Integer standbyDesiredCount;
        private Integer recoveryDesiredCount;
        private Integer recoveryPercentOfPrimary;
        private String primaryRegion;
        private String primaryClusterName;
        private String primaryServiceName;
        private Duration steadyStateTimeout;

        private Builder() {
        }

        /** The Region of the service failover scales (the recovery Region). Required. */
        public Builder region(String v) {
            this.region = v;
            return this;
        }

        /** The service's cluster. Required. */
        public Builder clusterName(String v) {
            this.clusterName = v;
            return this;
        }

        /** The service. Required. */
        public Builder serviceName(String v) {
            this.serviceName = v;
            return this;
        }

        /** Tasks in normal operation: 0 for pilot light, a few for warm standby (0-10,000). Required. */
        public Builder standbyDesiredCount(Integer v) {
            this.standbyDesiredCount = v;
            return this;
        }

        /**
         * Tasks after failover, at least {@code standbyDesiredCount}; the count used when the primary's cannot be read
         * (0-10,000). Required.
         */
        public Builder recoveryDesiredCount(Integer v) {
            this.recoveryDesiredCount = v;
            return this;
        }

        /**
         * @param v 1-100: failover asks for this share (rounded up) of the primary service's desired count when the
         *          primary Region answers; requires {@code primaryRegion}
         * @default none: failover always asks for {@code recoveryDesiredCount}
         */
        public Builder recoveryPercentOfPrimary(Integer v) {
            this.recoveryPercentOfPrimary = v;
            return this;
        }

        /** @default none; required with {@code recoveryPercentOfPrimary} */
        public Builder primaryRegion(String v) {
            this.primaryRegion = v;
            return this;
        }

        /** @default {@code clusterName} */
        public Builder primaryClusterName(String v) {
            this.primaryClusterName = v;
            return this;
        }

        /** @default {@code serviceName} */
        public Builder primaryServiceName(String v) {
            this.primaryServiceName = v;
            return this;
        }

        /** @default 10 minutes; at most 1 hour */
        public Builder steadyStateTimeout(Duration v) {
            this.steadyStateTimeout = v;
            return this;
        }

        public PlanEcsService build() {
            return new PlanEcsService(this);
        }
    }
}
