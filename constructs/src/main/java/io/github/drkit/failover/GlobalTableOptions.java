package io.github.drkit.failover;

import io.github.drkit.internal.plan.Checks;
import io.github.drkit.internal.protection.Durations;
import software.amazon.awscdk.Duration;

/**
 * A DynamoDB global table with a replica in the recovery Region. Before traffic moves, failover checks that the replica
 * is ACTIVE and that its replication latency from the primary Region is within {@link #getMaxReplicationLatency()},
 * and stops otherwise (unless the run is forced); failback checks the primary Region's replica the same way.
 *
 * <pre>{@code
 * GlobalTableOptions.builder().tableName("shop-carts").maxReplicationLatency(Duration.seconds(30)).build();
 * }</pre>
 */
public final class GlobalTableOptions {
    private static final String OWNER = "GlobalTableOptions";

    private final String tableName;
    private final String sourceRegion;
    private final Duration maxReplicationLatency;

    private GlobalTableOptions(Builder b) {
        this.tableName = Checks.required(OWNER, "tableName", b.tableName);
        this.sourceRegion = b.sourceRegion;
        this.maxReplicationLatency = b.maxReplicationLatency == null ? Duration.minutes(1) : b.maxReplicationLatency;
        if (!Checks.isToken(tableName) && !tableName.matches("[A-Za-z0-9_.-]{3,255}")) {
            throw new IllegalArgumentException(OWNER + ": tableName must be 3-255 letters, digits, '_', '-' or '.' (got " + tableName + ")");
        }
        long seconds = Durations.requireKnown(OWNER, "maxReplicationLatency", maxReplicationLatency).toSeconds();
        if (seconds < 1 || seconds > 86_400) {
            throw new IllegalArgumentException(OWNER + ": maxReplicationLatency must be from 1 second to 1 day (got " + seconds + " s)");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public String getTableName() {
        return tableName;
    }

    /** @default the construct's primaryRegion */
    public String getSourceRegion() {
        return sourceRegion;
    }

    /** @default 1 minute */
    public Duration getMaxReplicationLatency() {
        return maxReplicationLatency;
    }

    /** Builds {@link GlobalTableOptions}. */
    public static final class Builder {
        private String tableName;
        private String sourceRegion;
        private Duration maxReplicationLatency;

        private Builder() {
        }

        /** Required: the global table's name (the same in every Region). */
        public Builder tableName(String v) {
            this.tableName = v;
            return this;
        }

        /**
         * The Region whose writes replicate to the recovery Region's replica in normal operation.
         *
         * @default the construct's primaryRegion (one of the two is required)
         */
        public Builder sourceRegion(String v) {
            this.sourceRegion = v;
            return this;
        }

        /**
         * The most replication latency failover accepts before moving traffic: the RPO term of the estimate.
         *
         * @default 1 minute
         */
        public Builder maxReplicationLatency(Duration v) {
            this.maxReplicationLatency = v;
            return this;
        }

        public GlobalTableOptions build() {
            return new GlobalTableOptions(this);
        }
    }
}
