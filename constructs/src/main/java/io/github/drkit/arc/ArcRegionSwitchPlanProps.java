package io.github.drkit.arc;

import io.github.drkit.failover.FailoverFunction;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.IAlarm;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.s3.IBucket;

/**
 * Props of {@link ArcRegionSwitchPlan}. A topology construct's {@code regionSwitchPlan} option takes these props
 * without {@code failover}: the construct fills in its own function.
 */
public final class ArcRegionSwitchPlanProps {
    private final FailoverFunction failover;
    private final String planName;
    private final Duration recoveryTimeObjective;
    private final IRole approvalRole;
    private final IBucket reportBucket;
    private final String reportPrefix;
    private final List<IAlarm> healthAlarms;
    private final List<AutoScalingCounterpart> autoScalingCounterparts;
    private final Duration blockTimeout;

    private ArcRegionSwitchPlanProps(Builder b) {
        this.failover = b.failover;
        this.planName = b.planName;
        this.recoveryTimeObjective = b.recoveryTimeObjective;
        this.approvalRole = b.approvalRole;
        this.reportBucket = b.reportBucket;
        this.reportPrefix = b.reportPrefix;
        this.healthAlarms = b.healthAlarms == null ? List.of() : List.copyOf(b.healthAlarms);
        this.autoScalingCounterparts = b.autoScalingCounterparts == null ? List.of() : List.copyOf(b.autoScalingCounterparts);
        this.blockTimeout = b.blockTimeout;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these props, to change one. */
    public Builder toBuilder() {
        return builder().failover(failover).planName(planName).recoveryTimeObjective(recoveryTimeObjective).approvalRole(approvalRole)
                .reportBucket(reportBucket).reportPrefix(reportPrefix).healthAlarms(healthAlarms)
                .autoScalingCounterparts(autoScalingCounterparts).blockTimeout(blockTimeout);
    }

    /** Required: the drkit function whose plan ARC's plan is made from; its custom-action blocks run it. */
    public FailoverFunction getFailover() {
        return failover;
    }

    /** @default {@code drkit-<application>}, cut to ARC's 32 characters */
    public String getPlanName() {
        return planName;
    }

    /** @default the RTO of the {@code RecoveryObjectives} declared on the construct or its nearest scope, none without one */
    public Duration getRecoveryTimeObjective() {
        return recoveryTimeObjective;
    }

    /** @default none: no manual approval block */
    public IRole getApprovalRole() {
        return approvalRole;
    }

    /** @default none: ARC writes no execution reports */
    public IBucket getReportBucket() {
        return reportBucket;
    }

    /** @default {@code arc-region-switch/<plan name>} */
    public String getReportPrefix() {
        return reportPrefix;
    }

    /** @default none */
    public List<IAlarm> getHealthAlarms() {
        return healthAlarms;
    }

    /** @default none: every fleet stays with drkit's function */
    public List<AutoScalingCounterpart> getAutoScalingCounterparts() {
        return autoScalingCounterparts;
    }

    /** @default 60 minutes, ARC's own default */
    public Duration getBlockTimeout() {
        return blockTimeout;
    }

    public static final class Builder {
        private FailoverFunction failover;
        private String planName;
        private Duration recoveryTimeObjective;
        private IRole approvalRole;
        private IBucket reportBucket;
        private String reportPrefix;
        private List<IAlarm> healthAlarms;
        private List<AutoScalingCounterpart> autoScalingCounterparts;
        private Duration blockTimeout;

        private Builder() {
        }

        /**
         * Required: the drkit function whose plan ARC's plan is made from; its custom-action blocks run it.
         * A topology construct's {@code regionSwitchPlan} option fills it in.
         */
        public Builder failover(FailoverFunction v) {
            this.failover = v;
            return this;
        }

        /**
         * The plan's name: 1 to 32 letters, digits and hyphens, starting and ending with a letter or digit.
         *
         * @default {@code drkit-<application>}, cut to ARC's 32 characters
         */
        public Builder planName(String v) {
            this.planName = v;
            return this;
        }

        /**
         * The RTO ARC compares each execution with, 1 minute to 7 days.
         *
         * @default the RTO of the {@code RecoveryObjectives} declared on the construct or its nearest scope, none without one
         */
        public Builder recoveryTimeObjective(Duration v) {
            this.recoveryTimeObjective = v;
            return this;
        }

        /**
         * A role whose holders approve each workflow before it runs: a manual approval block comes first, and the role is
         * granted {@code arc-region-switch:ApprovePlanExecutionStep} on this plan.
         *
         * @default none: no manual approval block
         */
        public Builder approvalRole(IRole v) {
            this.approvalRole = v;
            return this;
        }

        /**
         * Where ARC writes its report of each execution (the audit trail beside drkit's own reports).
         *
         * @default none: ARC writes no execution reports
         */
        public Builder reportBucket(IBucket v) {
            this.reportBucket = v;
            return this;
        }

        /**
         * The key prefix of ARC's reports in {@code reportBucket}.
         *
         * @default {@code arc-region-switch/<plan name>}
         */
        public Builder reportPrefix(String v) {
            this.reportPrefix = v;
            return this;
        }

        /**
         * Alarms on the application's health, which ARC reads to measure each execution's actual recovery time.
         *
         * @default none
         */
        public Builder healthAlarms(List<IAlarm> v) {
            this.healthAlarms = v;
            return this;
        }

        /**
         * Primary Region groups matching fleets of the plan, so that ARC's EC2 Auto Scaling block scales them.
         *
         * @default none: every fleet stays with drkit's function
         */
        public Builder autoScalingCounterparts(List<AutoScalingCounterpart> v) {
            this.autoScalingCounterparts = v;
            return this;
        }

        /**
         * How long ARC lets one of its own blocks (a promotion, a capacity increase, an approval) run, whole minutes.
         *
         * @default 60 minutes, ARC's own default
         */
        public Builder blockTimeout(Duration v) {
            this.blockTimeout = v;
            return this;
        }

        public ArcRegionSwitchPlanProps build() {
            return new ArcRegionSwitchPlanProps(this);
        }
    }
}
