package io.github.drkit.failover;

import io.github.drkit.internal.protection.Durations;
import software.amazon.awscdk.Duration;

/**
 * The durations an RTO estimate rests on that only a drill can measure. The defaults are
 * conservative figures documented in DESIGN.md and docs/topology.md; replace them with what your
 * drills measure.
 */
public final class RecoveryTimings {
    /** Default time from the alarm to someone invoking failover. */
    public static final Duration DEFAULT_DECISION_TIME = Duration.minutes(5);
    /** Default time the function spends on its own calls and polling (SnapStart restore, reads, changes, verification). */
    public static final Duration DEFAULT_ORCHESTRATION_TIME = Duration.seconds(30);
    /** Default time from launch to a running OS. */
    public static final Duration DEFAULT_INSTANCE_BOOT_TIME = Duration.minutes(2);
    /** Default time from a running OS to an application that passes its health check. */
    public static final Duration DEFAULT_APP_WARM_UP_TIME = Duration.minutes(3);

    private final Duration decisionTime;
    private final Duration orchestrationTime;
    private final Duration instanceBootTime;
    private final Duration appWarmUpTime;

    private RecoveryTimings(Builder b) {
        String owner = "RecoveryTimings";
        this.decisionTime = known(owner, "decisionTime", b.decisionTime == null ? DEFAULT_DECISION_TIME : b.decisionTime);
        this.orchestrationTime = known(owner, "orchestrationTime",
                b.orchestrationTime == null ? DEFAULT_ORCHESTRATION_TIME : b.orchestrationTime);
        this.instanceBootTime = known(owner, "instanceBootTime",
                b.instanceBootTime == null ? DEFAULT_INSTANCE_BOOT_TIME : b.instanceBootTime);
        this.appWarmUpTime = known(owner, "appWarmUpTime", b.appWarmUpTime == null ? DEFAULT_APP_WARM_UP_TIME : b.appWarmUpTime);
    }

    /** The estimates are computed at synth time, so each timing must be known then. */
    private static Duration known(String owner, String prop, Duration value) {
        Durations.requireKnown(owner, prop, value);
        return value;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static RecoveryTimings defaults() {
        return builder().build();
    }

    /** {@code given}, or {@link #defaults()} when it is null. */
    public static RecoveryTimings orDefaults(RecoveryTimings given) {
        return given != null ? given : defaults();
    }

    public Duration getDecisionTime() {
        return decisionTime;
    }

    public Duration getOrchestrationTime() {
        return orchestrationTime;
    }

    public Duration getInstanceBootTime() {
        return instanceBootTime;
    }

    public Duration getAppWarmUpTime() {
        return appWarmUpTime;
    }

    public static final class Builder {
        private Duration decisionTime;
        private Duration orchestrationTime;
        private Duration instanceBootTime;
        private Duration appWarmUpTime;

        private Builder() {
        }

        /**
         * Time from the alarm to the invocation when a person decides; zero for automatic failover.
         *
         * @default 5 minutes ({@link #DEFAULT_DECISION_TIME})
         */
        public Builder decisionTime(Duration v) {
            this.decisionTime = v;
            return this;
        }

        /**
         * Time the function spends on its own calls and polling.
         *
         * @default 30 seconds ({@link #DEFAULT_ORCHESTRATION_TIME})
         */
        public Builder orchestrationTime(Duration v) {
            this.orchestrationTime = v;
            return this;
        }

        /**
         * Time from launch to a running OS.
         *
         * @default 2 minutes ({@link #DEFAULT_INSTANCE_BOOT_TIME})
         */
        public Builder instanceBootTime(Duration v) {
            this.instanceBootTime = v;
            return this;
        }

        /**
         * Time from a running OS to an application that passes its health check.
         *
         * @default 3 minutes ({@link #DEFAULT_APP_WARM_UP_TIME})
         */
        public Builder appWarmUpTime(Duration v) {
            this.appWarmUpTime = v;
            return this;
        }

        public RecoveryTimings build() {
            return new RecoveryTimings(this);
        }
    }
}
