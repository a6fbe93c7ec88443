package io.github.drkit.multisite;

import io.github.drkit.arc.ArcRegionSwitchPlanProps;
import io.github.drkit.failover.HealthCheckOptions;
import io.github.drkit.failover.RecoveryTimings;
import software.amazon.awscdk.Duration;
import java.util.List;
import software.amazon.awscdk.services.route53.IHostedZone;
import software.amazon.awscdk.services.sns.ITopic;

/** Props of {@link MultiSiteWeightedDns}. */
public final class MultiSiteWeightedDnsProps {
    private final String applicationName;
    private final String primaryRegion;
    private final IHostedZone hostedZone;
    private final String recordName;
    private final List<WeightedSite> sites;
    private final HealthCheckOptions healthCheck;
    private final Duration ttl;
    private final FailoverMode mode;
    private final Boolean automaticFailover;
    private final ITopic notificationTopic;
    private final Duration dataReplicationLag;
    private final Duration healthTimeout;
    private final RecoveryTimings timings;
    private final ArcRegionSwitchPlanProps regionSwitchPlan;

    private MultiSiteWeightedDnsProps(Builder b) {
        this.applicationName = b.applicationName;
        this.primaryRegion = b.primaryRegion;
        this.hostedZone = b.hostedZone;
        this.recordName = b.recordName;
        this.sites = b.sites == null ? null : List.copyOf(b.sites);
        this.healthCheck = b.healthCheck;
        this.ttl = b.ttl;
        this.mode = b.mode;
        this.automaticFailover = b.automaticFailover;
        this.notificationTopic = b.notificationTopic;
        this.dataReplicationLag = b.dataReplicationLag;
        this.healthTimeout = b.healthTimeout;
        this.timings = b.timings;
        this.regionSwitchPlan = b.regionSwitchPlan;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** @default the construct id */
    public String getApplicationName() {
        return applicationName;
    }

    /** @default none (the plan omits it) */
    public String getPrimaryRegion() {
        return primaryRegion;
    }

    /** Required. */
    public IHostedZone getHostedZone() {
        return hostedZone;
    }

    /** Required: "app" or "app.example.com". */
    public String getRecordName() {
        return recordName;
    }

    /** Required: two or more sites. */
    public List<WeightedSite> getSites() {
        return sites;
    }

    /** @default {@link HealthCheckOptions#defaults()} */
    public HealthCheckOptions getHealthCheck() {
        return healthCheck;
    }

    /** TTL of value records (alias records take their target's). @default 60 s; at most 60 s */
    public Duration getTtl() {
        return ttl;
    }

    /** @default {@link FailoverMode#CONTROL_PLANE} */
    public FailoverMode getMode() {
        return mode;
    }

    /**
     * Health check alarm to EventBridge to the function. Needs the stack in us-east-1, where Route 53
     * publishes health check metrics. @default true
     */
    public Boolean getAutomaticFailover() {
        return automaticFailover;
    }

    /** @default a new KMS-encrypted topic */
    public ITopic getNotificationTopic() {
        return notificationTopic;
    }

    /** Lag of the data the sites share, for the RPO. @default none: the sites are stateless */
    public Duration getDataReplicationLag() {
        return dataReplicationLag;
    }

    /** @default 600 s */
    public Duration getHealthTimeout() {
        return healthTimeout;
    }

    /** @default {@link RecoveryTimings#defaults()} (its decision time counts only without automatic failover) */
    public RecoveryTimings getTimings() {
        return timings;
    }

    /** An ARC Region switch plan made from the failover plan, without {@code failover}. @default none */
    public ArcRegionSwitchPlanProps getRegionSwitchPlan() {
        return regionSwitchPlan;
    }

    public static final class Builder {
        private String applicationName;
        private String primaryRegion;
        private IHostedZone hostedZone;
        private String recordName;
        private List<WeightedSite> sites;
        private HealthCheckOptions healthCheck;
        private Duration ttl;
        private FailoverMode mode;
        private Boolean automaticFailover;
        private ITopic notificationTopic;
        private Duration dataReplicationLag;
        private Duration healthTimeout;
        private RecoveryTimings timings;
        private ArcRegionSwitchPlanProps regionSwitchPlan;

        private Builder() {
        }

        /**
         * @default the construct id
         */
        public Builder applicationName(String v) {
            this.applicationName = v;
            return this;
        }

        /**
         * @default none (the plan omits it)
         */
        public Builder primaryRegion(String v) {
            this.primaryRegion = v;
            return this;
        }

        /**
         * Required.
         */
        public Builder hostedZone(IHostedZone v) {
            this.hostedZone = v;
            return this;
        }

        /**
         * Required: "app" or "app.example.com".
         */
        public Builder recordName(String v) {
            this.recordName = v;
            return this;
        }

        /**
         * Required: two or more sites.
         */
        public Builder sites(List<WeightedSite> v) {
            this.sites = v;
            return this;
        }

        /**
         * @default {@link HealthCheckOptions#defaults()}
         */
        public Builder healthCheck(HealthCheckOptions v) {
            this.healthCheck = v;
            return this;
        }

        /**
         * TTL of value records (alias records take their target's).
         *
         * @default 60 s; at most 60 s
         */
        public Builder ttl(Duration v) {
            this.ttl = v;
            return this;
        }

        /**
         * @default {@link FailoverMode#CONTROL_PLANE}
         */
        public Builder mode(FailoverMode v) {
            this.mode = v;
            return this;
        }

        /**
         * Health check alarm to EventBridge to the function. Needs the stack in us-east-1, where Route 53 publishes health check metrics.
         *
         * @default true
         */
        public Builder automaticFailover(boolean v) {
            this.automaticFailover = v;
            return this;
        }

        /**
         * @default a new KMS-encrypted topic
         */
        public Builder notificationTopic(ITopic v) {
            this.notificationTopic = v;
            return this;
        }

        /**
         * Lag of the data the sites share, for the RPO.
         *
         * @default none: the sites are stateless
         */
        public Builder dataReplicationLag(Duration v) {
            this.dataReplicationLag = v;
            return this;
        }

        /**
         * @default 600 s
         */
        public Builder healthTimeout(Duration v) {
            this.healthTimeout = v;
            return this;
        }

        /**
         * @default {@link RecoveryTimings#defaults()} (its decision time counts only without automatic failover)
         */
        public Builder timings(RecoveryTimings v) {
            this.timings = v;
            return this;
        }

        /**
         * Adds an ARC Region switch plan made from the failover plan (docs/arc-region-switch.md); leave its
         * {@code failover} unset, the construct fills in its own function.
         *
         * @default none: drkit's function alone runs failover and failback
         */
        public Builder regionSwitchPlan(ArcRegionSwitchPlanProps v) {
            this.regionSwitchPlan = v;
            return this;
        }

        public MultiSiteWeightedDnsProps build() {
            return new MultiSiteWeightedDnsProps(this);
        }
    }
}
