package io.github.drkit.objectives;

import software.amazon.awscdk.Duration;

/** Props of {@link ReplicationCapacity}. */
public final class ReplicationCapacityProps {
    private final DataRate changeRate;
    private final DataRate bandwidth;
    private final DataRate peakChangeRate;
    private final Duration peakDuration;
    private final Duration replicationInterval;
    private final DrStrategy strategy;
    private final String description;

    private ReplicationCapacityProps(Builder b) {
        this.changeRate = b.changeRate;
        this.bandwidth = b.bandwidth;
        this.peakChangeRate = b.peakChangeRate;
        this.peakDuration = b.peakDuration;
        this.replicationInterval = b.replicationInterval;
        this.strategy = b.strategy;
        this.description = b.description;
    }

    public static Builder builder() {
        return new Builder();
    }

    public DataRate getChangeRate() {
        return changeRate;
    }

    public DataRate getBandwidth() {
        return bandwidth;
    }

    public DataRate getPeakChangeRate() {
        return peakChangeRate;
    }

    public Duration getPeakDuration() {
        return peakDuration;
    }

    public Duration getReplicationInterval() {
        return replicationInterval;
    }

    public DrStrategy getStrategy() {
        return strategy;
    }

    public String getDescription() {
        return description;
    }

    public static final class Builder {
        private DataRate changeRate;
        private DataRate bandwidth;
        private DataRate peakChangeRate;
        private Duration peakDuration;
        private Duration replicationInterval;
        private DrStrategy strategy;
        private String description;

        private Builder() {
        }

        /** The average rate at which data to replicate changes (the seed's "required data rate"). Required. */
        public Builder changeRate(DataRate changeRate) {
            this.changeRate = changeRate;
            return this;
        }

        /** The link bandwidth replication can use (the seed's "available" rate). Required. */
        public Builder bandwidth(DataRate bandwidth) {
            this.bandwidth = bandwidth;
            return this;
        }

        /**
         * The change rate during the busiest period, e.g. a nightly batch load.
         *
         * @default the average {@code changeRate} (no peak)
         */
        public Builder peakChangeRate(DataRate peakChangeRate) {
            this.peakChangeRate = peakChangeRate;
            return this;
        }

        /**
         * How long the peak lasts; required when {@code peakChangeRate} exceeds {@code bandwidth}.
         *
         * @default no peak
         */
        public Builder peakDuration(Duration peakDuration) {
            this.peakDuration = peakDuration;
            return this;
        }

        /**
         * How often changes are shipped, for scheduled copies (snapshot copy, batch sync).
         *
         * @default none: continuous replication
         */
        public Builder replicationInterval(Duration replicationInterval) {
            this.replicationInterval = replicationInterval;
            return this;
        }

        /**
         * The strategy this replication serves, for the summary.
         *
         * @default {@link DrStrategy#PILOT_LIGHT}, the first strategy that replicates data continuously
         */
        public Builder strategy(DrStrategy strategy) {
            this.strategy = strategy;
            return this;
        }

        /**
         * What replicates, for messages, e.g. "orders database to us-west-2".
         *
         * @default "data replication"
         */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public ReplicationCapacityProps build() {
            return new ReplicationCapacityProps(this);
        }
    }
}
