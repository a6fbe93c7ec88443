package io.github.drkit.failover;

import io.github.drkit.internal.plan.Checks;
import io.github.drkit.internal.protection.Durations;
import io.github.drkit.objectives.AwsFigures;
import software.amazon.awscdk.Duration;

/**
 * An Aurora global database whose secondary cluster runs in the recovery Region (with reader instances, or headless:
 * storage only, instances added when needed). Failover makes the secondary the writer: a planned switchover when the
 * primary Region answers, the managed failover with data loss allowed when it does not, detaching the secondary as the
 * last resort; the run's report gives the replication lag at promotion as the RPO achieved, compared with the
 * application's declared RPO ({@code RecoveryObjectives}), or with {@link #getExpectedReplicationLag()} when none is declared. Failback switches the writer back when both clusters are in the global
 * database and otherwise says what a person must do. The clusters are yours: this option names them.
 *
 * <pre>{@code
 * GlobalDatabaseOptions.builder()
 *     .globalClusterIdentifier("shop-global")
 *     .secondaryClusterIdentifier("shop-secondary")                                   // in the recovery Region
 *     .primaryClusterArn("arn:aws:rds:us-east-1:111111111111:cluster:shop-primary")   // optional
 *     .build();
 * }</pre>
 */
public final class GlobalDatabaseOptions {
    private static final String OWNER = "GlobalDatabaseOptions";

    private final String globalClusterIdentifier;
    private final String secondaryClusterIdentifier;
    private final String primaryClusterArn;
    private final Duration expectedReplicationLag;
    private final Duration failoverTime;
    private final Duration instanceCreationTime;

    private GlobalDatabaseOptions(Builder b) {
        this.globalClusterIdentifier = Checks.required(OWNER, "globalClusterIdentifier", b.globalClusterIdentifier);
        this.secondaryClusterIdentifier = Checks.required(OWNER, "secondaryClusterIdentifier", b.secondaryClusterIdentifier);
        this.primaryClusterArn = b.primaryClusterArn;
        this.expectedReplicationLag = b.expectedReplicationLag == null ? Duration.seconds(AwsFigures.AURORA_GLOBAL_REPLICATION_LAG.toSeconds())
                : b.expectedReplicationLag;
        this.failoverTime = b.failoverTime == null ? Duration.seconds(AwsFigures.AURORA_GLOBAL_MANAGED_FAILOVER.toSeconds()) : b.failoverTime;
        this.instanceCreationTime = b.instanceCreationTime;
        Checks.auroraClusterIdentifier(OWNER, "globalClusterIdentifier", globalClusterIdentifier);
        Checks.auroraClusterIdentifier(OWNER, "secondaryClusterIdentifier", secondaryClusterIdentifier);
        if (primaryClusterArn != null && !Checks.isToken(primaryClusterArn)
                && !primaryClusterArn.matches("arn:aws[a-z-]*:rds:[a-z0-9-]+:\\d{12}:cluster:" + Checks.AURORA_CLUSTER_IDENTIFIER)) {
            throw new IllegalArgumentException(OWNER + ": primaryClusterArn must be an Aurora DB cluster ARN like"
                    + " arn:aws:rds:us-east-1:111111111111:cluster:shop-primary (got " + primaryClusterArn + ")");
        }
        // Both feed the synth-time estimate (and the lag is the step's RPO in a plan that declares none): known at synth.
        java.time.Duration lag = Durations.requireKnown(OWNER, "expectedReplicationLag", expectedReplicationLag);
        java.time.Duration failover = Durations.requireKnown(OWNER, "failoverTime", failoverTime);
        if (lag.isNegative() || lag.toSeconds() > 86_400) {
            throw new IllegalArgumentException(OWNER + ": expectedReplicationLag must be from 0 to 1 day (got " + lag.toSeconds() + " s)");
        }
        if (failover.isZero() || failover.isNegative()) {
            throw new IllegalArgumentException(OWNER + ": failoverTime must be positive (got " + failover.toSeconds() + " s)");
        }
        if (instanceCreationTime != null) {
            java.time.Duration creation = Durations.requireKnown(OWNER, "instanceCreationTime", instanceCreationTime);
            if (creation.isZero() || creation.isNegative()) {
                throw new IllegalArgumentException(OWNER + ": instanceCreationTime must be positive (got " + creation.toSeconds() + " s)");
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public String getGlobalClusterIdentifier() {
        return globalClusterIdentifier;
    }

    /** The secondary cluster in the recovery Region (the construct's Region), by identifier. */
    public String getSecondaryClusterIdentifier() {
        return secondaryClusterIdentifier;
    }

    /** @default none: failback switches back to the global database's other member, and the role may act on any cluster of the primary Region */
    public String getPrimaryClusterArn() {
        return primaryClusterArn;
    }

    /** @default 1 second, AWS's typical figure */
    public Duration getExpectedReplicationLag() {
        return expectedReplicationLag;
    }

    /** @default 5 minutes (AWS documents "typically minutes") */
    public Duration getFailoverTime() {
        return failoverTime;
    }

    /** @default none: the secondary has reader instances, one of which becomes the writer */
    public Duration getInstanceCreationTime() {
        return instanceCreationTime;
    }

    /** Builds {@link GlobalDatabaseOptions}. */
    public static final class Builder {
        private String globalClusterIdentifier;
        private String secondaryClusterIdentifier;
        private String primaryClusterArn;
        private Duration expectedReplicationLag;
        private Duration failoverTime;
        private Duration instanceCreationTime;

        private Builder() {
        }

        /** Required: the global cluster's identifier. */
        public Builder globalClusterIdentifier(String v) {
            this.globalClusterIdentifier = v;
            return this;
        }

        /** Required: the secondary cluster in the recovery Region, with reader instances or headless. */
        public Builder secondaryClusterIdentifier(String v) {
            this.secondaryClusterIdentifier = v;
            return this;
        }

        /**
         * The primary cluster's ARN: the cluster failback makes the writer again, and the one the failover role may act on
         * in the primary Region.
         *
         * @default none: failback takes the global database's other member; the role's RDS actions cover the primary
         *          Region's clusters
         */
        public Builder primaryClusterArn(String v) {
            this.primaryClusterArn = v;
            return this;
        }

        /**
         * The replication lag the RPO estimate assumes. The run's report and evaluate compare the measured lag with the
         * application's declared RPO ({@code RecoveryObjectives}), or with this lag when none is declared.
         *
         * @default 1 second ({@link AwsFigures#AURORA_GLOBAL_REPLICATION_LAG})
         */
        public Builder expectedReplicationLag(Duration v) {
            this.expectedReplicationLag = v;
            return this;
        }

        /**
         * How long the RTO estimate counts for the secondary to become the writer.
         *
         * @default 5 minutes ({@link AwsFigures#AURORA_GLOBAL_MANAGED_FAILOVER})
         */
        public Builder failoverTime(Duration v) {
            this.failoverTime = v;
            return this;
        }

        /**
         * For a headless secondary (no instance): how long the RTO estimate counts, after promotion, to add the writer
         * instance the application connects to. The failover step promotes the storage; adding the instance is a custom
         * action's or a person's work.
         *
         * @default none: the secondary has reader instances, one of which becomes the writer
         */
        public Builder instanceCreationTime(Duration v) {
            this.instanceCreationTime = v;
            return this;
        }

        public GlobalDatabaseOptions build() {
            return new GlobalDatabaseOptions(this);
        }
    }
}
