package io.github.drkit.pilotlight;

import io.github.drkit.arc.ArcRegionSwitchPlanProps;
import io.github.drkit.failover.DatabaseOptions;
import io.github.drkit.failover.DnsSwitchOptions;
import io.github.drkit.failover.RecoveryTimings;
import software.amazon.awscdk.Duration;
import java.util.List;
import software.amazon.awscdk.services.certificatemanager.ICertificate;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.sns.ITopic;

/** Props of {@link PilotLightCore}. */
public final class PilotLightCoreProps {
    private final String applicationName;
    private final String primaryRegion;
    private final IVpc vpc;
    private final DatabaseOptions database;
    private final List<ServerTier> tiers;
    private final List<String> stoppedInstanceIds;
    private final DnsSwitchOptions dns;
    private final ICertificate certificate;
    private final IBucket accessLogBucket;
    private final ITopic notificationTopic;
    private final Duration healthTimeout;
    private final RecoveryTimings timings;
    private final ArcRegionSwitchPlanProps regionSwitchPlan;
    private final List<io.github.drkit.failover.GlobalDatabaseOptions> globalDatabases;
    private final List<io.github.drkit.failover.GlobalTableOptions> globalTables;

    private PilotLightCoreProps(Builder b) {
        this.applicationName = b.applicationName;
        this.primaryRegion = b.primaryRegion;
        this.vpc = b.vpc;
        this.database = b.database;
        this.tiers = b.tiers == null ? null : List.copyOf(b.tiers);
        this.stoppedInstanceIds = b.stoppedInstanceIds == null ? List.of() : List.copyOf(b.stoppedInstanceIds);
        this.dns = b.dns;
        this.certificate = b.certificate;
        this.accessLogBucket = b.accessLogBucket;
        this.notificationTopic = b.notificationTopic;
        this.healthTimeout = b.healthTimeout;
        this.timings = b.timings;
        this.regionSwitchPlan = b.regionSwitchPlan;
        this.globalDatabases = b.globalDatabases == null ? List.of() : List.copyOf(b.globalDatabases);
        this.globalTables = b.globalTables == null ? List.of() : List.copyOf(b.globalTables);
    }

    /** Aurora global databases whose secondary in this Region failover makes the writer. @default none */
    public List<io.github.drkit.failover.GlobalDatabaseOptions> getGlobalDatabases() {
        return globalDatabases;
    }

    /** DynamoDB global tables whose replica in this Region failover checks before traffic moves. @default none */
    public List<io.github.drkit.failover.GlobalTableOptions> getGlobalTables() {
        return globalTables;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** @default the construct id */
    public String getApplicationName() {
        return applicationName;
    }

    /** The Region that serves traffic normally. @default none (the plan omits it) */
    public String getPrimaryRegion() {
        return primaryRegion;
    }

    /** Required: the recovery Region's VPC, with public and private subnets. */
    public IVpc getVpc() {
        return vpc;
    }

    /** Required: the data tier that runs and replicates. */
    public DatabaseOptions getDatabase() {
        return database;
    }

    /** Required: the stopped tiers; the first receives the load balancer's traffic (the reverse proxy). */
    public List<ServerTier> getTiers() {
        return tiers;
    }

    /** Stopped EC2 instances you manage that failover starts too. @default none */
    public List<String> getStoppedInstanceIds() {
        return stoppedInstanceIds;
    }

    /** Required: the records that switch traffic. */
    public DnsSwitchOptions getDns() {
        return dns;
    }

    /** @default none: the load balancer listens on HTTP 80; with a certificate, HTTPS 443 and 80 redirects */
    public ICertificate getCertificate() {
        return certificate;
    }

    /** @default none: no load balancer access logs */
    public IBucket getAccessLogBucket() {
        return accessLogBucket;
    }

    /** @default a new KMS-encrypted topic */
    public ITopic getNotificationTopic() {
        return notificationTopic;
    }

    /** @default 600 s */
    public Duration getHealthTimeout() {
        return healthTimeout;
    }

    /** @default {@link RecoveryTimings#defaults()} */
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
        private IVpc vpc;
        private DatabaseOptions database;
        private List<ServerTier> tiers;
        private List<String> stoppedInstanceIds;
        private DnsSwitchOptions dns;
        private ICertificate certificate;
        private IBucket accessLogBucket;
        private ITopic notificationTopic;
        private Duration healthTimeout;
        private RecoveryTimings timings;
        private ArcRegionSwitchPlanProps regionSwitchPlan;
        private List<io.github.drkit.failover.GlobalDatabaseOptions> globalDatabases;
        private List<io.github.drkit.failover.GlobalTableOptions> globalTables;

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
         * The Region that serves traffic normally.
         *
         * @default none (the plan omits it)
         */
        public Builder primaryRegion(String v) {
            this.primaryRegion = v;
            return this;
        }

        /**
         * Required: the recovery Region's VPC, with public and private subnets.
         */
        public Builder vpc(IVpc v) {
            this.vpc = v;
            return this;
        }

        /**
         * Required: the data tier that runs and replicates.
         */
        public Builder database(DatabaseOptions v) {
            this.database = v;
            return this;
        }

        /**
         * Required: the stopped tiers; the first receives the load balancer's traffic (the reverse proxy).
         */
        public Builder tiers(List<ServerTier> v) {
            this.tiers = v;
            return this;
        }

        /**
         * Stopped EC2 instances you manage that failover starts too.
         *
         * @default none
         */
        public Builder stoppedInstanceIds(List<String> v) {
            this.stoppedInstanceIds = v;
            return this;
        }

        /**
         * Required: the records that switch traffic.
         */
        public Builder dns(DnsSwitchOptions v) {
            this.dns = v;
            return this;
        }

        /**
         * @default none: the load balancer listens on HTTP 80; with a certificate, HTTPS 443 and 80 redirects
         */
        public Builder certificate(ICertificate v) {
            this.certificate = v;
            return this;
        }

        /**
         * @default none: no load balancer access logs
         */
        public Builder accessLogBucket(IBucket v) {
            this.accessLogBucket = v;
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
         * @default 600 s
         */
        public Builder healthTimeout(Duration v) {
            this.healthTimeout = v;
            return this;
        }

        /**
         * @default {@link RecoveryTimings#defaults()}
         */
        /**
         * Aurora global databases with a secondary cluster in this Region (headless allowed): failover makes each secondary
         * the writer in the {@code data} stage and reports the replication lag at promotion as the RPO achieved.
         *
         * @default none
         */
        public Builder globalDatabases(List<io.github.drkit.failover.GlobalDatabaseOptions> v) {
            this.globalDatabases = v;
            return this;
        }

        /**
         * DynamoDB global tables with a replica in this Region: failover stops before traffic moves unless each replica is
         * ACTIVE and within its replication latency bound (or the run is forced).
         *
         * @default none
         */
        public Builder globalTables(List<io.github.drkit.failover.GlobalTableOptions> v) {
            this.globalTables = v;
            return this;
        }

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

        public PilotLightCoreProps build() {
            return new PilotLightCoreProps(this);
        }
    }
}
