package io.github.drkit.failover;

import io.github.drkit.internal.plan.Checks;
import java.time.Duration;

/**
 * The durations an RTO estimate rests on that only a drill can measure. The defaults are
 * conservative figures documented in DESIGN.md and docs/topology.md; replace them with what your
 * drills measure.
 */
public final class RecoveryTimings {
    /** Default time from the alarm to someone invoking failover. */
    public static final Duration DEFAULT_DECISION_TIME = Duration.ofMinutes(5);
    /** Default time the function spends on its own calls and polling (SnapStart restore, reads, changes, verification). */
    public static final Duration DEFAULT_ORCHESTRATION_TIME = Duration.ofSeconds(30);
    /** Default time from launch to a running OS. */
    public static final Duration DEFAULT_INSTANCE_BOOT_TIME = Duration.ofMinutes(2);
    /** Default time from a running OS to an application that passes its health check. */
    public static final Duration DEFAULT_APP_WARM_UP_TIME = Duration.ofMinutes(3);

    private final Duration decisionTime;
    private final Duration orchestrationTime;
    private final Duration instanceBootTime;
    private final Duration appWarmUpTime;

    private RecoveryTimings(Builder b) {
        String owner = "RecoveryTimings";
        this.decisionTime = Checks.nonNegative(owner, "decisionTime", b.decisionTime == null ? DEFAULT_DECISION_TIME : b.decisionTime);
        this.orchestrationTime = Checks.nonNegative(owner, "orchestrationTime",
                b.orchestrationTime == null ? DEFAULT_ORCHESTRATION_TIME : b.orchestrationTime);
        this.instanceBootTime = Checks.nonNegative(owner, "instanceBootTime",
                b.instanceBootTime == null ? DEFAULT_INSTANCE_BOOT_TIME : b.instanceBootTime);
        this.appWarmUpTime = Checks.nonNegative(owner, "appWarmUpTime", b.appWarmUpTime == null ? DEFAULT_APP_WARM_UP_TIME : b.appWarmUpTime);
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

    public Duration decisionTime() {
        return decisionTime;
    }

    public Duration orchestrationTime() {
        return orchestrationTime;
    }

    public Duration instanceBootTime() {
        return instanceBootTime;
    }

    public Duration appWarmUpTime() {
        return appWarmUpTime;
    }

    public static final class Builder {
        private Duration decisionTime;
        private Duration orchestrationTime;
        private Duration instanceBootTime;
        private Duration appWarmUpTime;

        private Builder() {
        }

        /** @param v alarm to invocation when a person decides; default 5 minutes; 0 for automatic failover */
        public Builder decisionTime(Duration v) {
            this.decisionTime = v;
            return this;
        }

        /** @param v default 30 s */
        public Builder orchestrationTime(Duration v) {
            this.orchestrationTime = v;
            return this;
        }

        /** @param v default 2 minutes */
        public Builder instanceBootTime(Duration v) {
            this.instanceBootTime = v;
            return this;
        }

        /** @param v default 3 minutes */
        public Builder appWarmUpTime(Duration v) {
            this.appWarmUpTime = v;
            return this;
        }

        public RecoveryTimings build() {
            return new RecoveryTimings(this);
        }
    }
}
