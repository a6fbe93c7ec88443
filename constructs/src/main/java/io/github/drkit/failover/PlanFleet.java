package io.github.drkit.failover;

import io.github.drkit.internal.plan.FleetPermissions;
import io.github.drkit.internal.plan.Checks;
import io.github.drkit.internal.plan.PlanRules;
import io.github.drkit.plan.FleetPlan;
import java.util.List;

/**
 * An Auto Scaling group that failover scales from its standby to its recovery capacity, and
 * optionally up to a larger instance type. The launch template and instance role are not part of
 * the plan; the {@link FailoverFunction} needs them only to scope its permissions for vertical
 * scaling.
 */
public final class PlanFleet implements RecoveryStep {
    private final String region;
    private final String autoScalingGroupName;
    private final Capacity standby;
    private final Capacity recovery;
    private final String standbyInstanceType;
    private final String recoveryInstanceType;
    private final Integer minHealthy;
    private final List<String> targetGroupArns;
    private final String launchTemplateId;
    private final String instanceRoleArn;
    private final FleetPlan plan;

    private PlanFleet(Builder b) {
        String owner = "PlanFleet";
        this.region = Checks.required(owner, "region", b.region);
        this.autoScalingGroupName = Checks.required(owner, "autoScalingGroupName", b.autoScalingGroupName);
        this.standby = Checks.required(owner, "standby", b.standby);
        this.recovery = Checks.required(owner, "recovery", b.recovery);
        this.standbyInstanceType = b.standbyInstanceType;
        this.recoveryInstanceType = b.recoveryInstanceType;
        this.minHealthy = b.minHealthy;
        this.targetGroupArns = b.targetGroupArns == null ? List.of() : List.copyOf(b.targetGroupArns);
        this.launchTemplateId = b.launchTemplateId;
        this.instanceRoleArn = b.instanceRoleArn;
        // The plan's rules (capacity, minHealthy, instance types, target groups) are the model's, checked here early.
        this.plan = PlanRules.check(owner, () -> PlanRules.reader().check(toPlanUnchecked()));
        if (recoveryInstanceType != null && launchTemplateId == null) {
            throw new IllegalArgumentException(owner + ": launchTemplateId is required for vertical scaling to " + recoveryInstanceType);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public String region() {
        return region;
    }

    public String autoScalingGroupName() {
        return autoScalingGroupName;
    }

    public Capacity standby() {
        return standby;
    }

    public Capacity recovery() {
        return recovery;
    }

    public String standbyInstanceType() {
        return standbyInstanceType;
    }

    public String recoveryInstanceType() {
        return recoveryInstanceType;
    }

    /** InService instances required before DNS moves; null means recovery min. */
    public Integer minHealthy() {
        return minHealthy;
    }

    public List<String> targetGroupArns() {
        return targetGroupArns;
    }

    /** The launch template the fleet launches from; set when failover scales vertically. */
    public String launchTemplateId() {
        return launchTemplateId;
    }

    /** The role of the fleet's instance profile, passed when the fleet moves to a new launch template version. */
    public String instanceRoleArn() {
        return instanceRoleArn;
    }

    public boolean scalesVertically() {
        return recoveryInstanceType != null && !recoveryInstanceType.equals(standbyInstanceType);
    }

    /** The fleet as the plan carries it, {@code minHealthy} defaulted by the model's rule. */
    @Override
    public FleetPlan toPlan() {
        return plan;
    }

    private FleetPlan toPlanUnchecked() {
        io.github.drkit.plan.Capacity recoveryCapacity = recovery.toPlan();
        // Written as given; the reader applies the default and the range check of minHealthy.
        int healthy = minHealthy == null ? recoveryCapacity.min() : minHealthy;
        return new FleetPlan(region, autoScalingGroupName, standby.toPlan(), recoveryCapacity, standbyInstanceType,
                recoveryInstanceType, healthy, targetGroupArns);
    }

    public static final class Builder {
        private String region;
        private String autoScalingGroupName;
        private Capacity standby;
        private Capacity recovery;
        private String standbyInstanceType;
        private String recoveryInstanceType;
        private Integer minHealthy;
        private List<String> targetGroupArns;
        private String launchTemplateId;
        private String instanceRoleArn;

        private Builder() {
        }

        public Builder region(String v) {
            this.region = v;
            return this;
        }

        public Builder autoScalingGroupName(String v) {
            this.autoScalingGroupName = v;
            return this;
        }

        public Builder standby(Capacity v) {
            this.standby = v;
            return this;
        }

        public Builder recovery(Capacity v) {
            this.recovery = v;
            return this;
        }

        public Builder standbyInstanceType(String v) {
            this.standbyInstanceType = v;
            return this;
        }

        public Builder recoveryInstanceType(String v) {
            this.recoveryInstanceType = v;
            return this;
        }

        /**
         * @param v InService instances (and healthy targets per target group) required before traffic moves; from 0 to
         *          the recovery capacity's desired count
         * @default the recovery capacity's min
         */
        public Builder minHealthy(Integer v) {
            this.minHealthy = v;
            return this;
        }

        public Builder targetGroupArns(List<String> v) {
            this.targetGroupArns = v;
            return this;
        }

        public Builder launchTemplateId(String v) {
            this.launchTemplateId = v;
            return this;
        }

        public Builder instanceRoleArn(String v) {
            this.instanceRoleArn = v;
            return this;
        }

        public PlanFleet build() {
            return new PlanFleet(this);
        }
    }

    /** In the {@code compute} stage. */
    @Override
    public String stage() {
        return "compute";
    }

    @Override
    public StepPermissions permissions() {
        return FleetPermissions.INSTANCE;
    }
}
