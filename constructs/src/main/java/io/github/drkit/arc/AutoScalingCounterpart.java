package io.github.drkit.arc;

import io.github.drkit.internal.plan.Checks;
import software.amazon.awscdk.Token;

/**
 * The primary Region's Auto Scaling group that matches a fleet of the drkit plan. ARC's EC2 Auto Scaling block needs
 * a group in each Region of the plan: it raises the activating Region's group to {@code targetPercent} of the
 * capacity the other group ran at in the last 24 hours. Without a counterpart a fleet stays with drkit's function.
 */
public final class AutoScalingCounterpart {
    private final String autoScalingGroupName;
    private final String recoveryGroupArn;
    private final String primaryGroupArn;
    private final Number targetPercent;

    private AutoScalingCounterpart(Builder b) {
        String owner = "AutoScalingCounterpart";
        this.autoScalingGroupName = Checks.required(owner, "autoScalingGroupName", b.autoScalingGroupName);
        this.recoveryGroupArn = requireGroupArn(owner, "recoveryGroupArn", b.recoveryGroupArn);
        this.primaryGroupArn = requireGroupArn(owner, "primaryGroupArn", b.primaryGroupArn);
        this.targetPercent = b.targetPercent == null ? 100 : Checks.range(owner, "targetPercent", b.targetPercent, 1, 100);
    }

    private static String requireGroupArn(String owner, String prop, String arn) {
        Checks.required(owner, prop, arn);
        if (!Token.isUnresolved(arn) && !arn.matches("^arn:aws[a-zA-Z-]*:autoscaling:[a-z0-9-]+:\\d{12}:autoScalingGroup:"
                + "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}:autoScalingGroupName/.{1,255}$")) {
            throw new IllegalArgumentException(owner + ": " + prop + " must be an Auto Scaling group ARN with the group's id, "
                    + "arn:aws:autoscaling:<region>:<account>:autoScalingGroup:<uuid>:autoScalingGroupName/<name>, as ARC requires (got '"
                    + arn + "')");
        }
        return arn;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The recovery Region's group, by the name the drkit plan gives it. */
    public String getAutoScalingGroupName() {
        return autoScalingGroupName;
    }

    public String getRecoveryGroupArn() {
        return recoveryGroupArn;
    }

    public String getPrimaryGroupArn() {
        return primaryGroupArn;
    }

    /** @default 100: the recovery group runs as many instances as the primary did */
    public Number getTargetPercent() {
        return targetPercent;
    }

    public static final class Builder {
        private String autoScalingGroupName;
        private String recoveryGroupArn;
        private String primaryGroupArn;
        private Number targetPercent;

        private Builder() {
        }

        /** Required: the recovery Region's group, by the name the drkit plan gives it. */
        public Builder autoScalingGroupName(String v) {
            this.autoScalingGroupName = v;
            return this;
        }

        /** Required: the recovery Region group's ARN, with the id ARC needs (the {@code AutoScalingGroupARN} attribute). */
        public Builder recoveryGroupArn(String v) {
            this.recoveryGroupArn = v;
            return this;
        }

        /** Required: the primary Region group's ARN. */
        public Builder primaryGroupArn(String v) {
            this.primaryGroupArn = v;
            return this;
        }

        /**
         * The share of the primary's capacity the recovery group is raised to, 1 to 100.
         *
         * @default 100
         */
        public Builder targetPercent(Number v) {
            this.targetPercent = v;
            return this;
        }

        public AutoScalingCounterpart build() {
            return new AutoScalingCounterpart(this);
        }
    }
}
