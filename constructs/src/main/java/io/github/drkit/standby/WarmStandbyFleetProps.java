package io.github.drkit.standby;

import io.github.drkit.arc.ArcRegionSwitchPlanProps;
import io.github.drkit.failover.Capacity;
import io.github.drkit.failover.DatabaseOptions;
import io.github.drkit.failover.DnsSwitchOptions;
import io.github.drkit.failover.RecoveryTimings;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.certificatemanager.ICertificate;
import software.amazon.awscdk.services.ec2.IMachineImage;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.ec2.UserData;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.sns.ITopic;

/** Props of {@link WarmStandbyFleet}. */
public final class WarmStandbyFleetProps {
    private final String applicationName;
    private final String primaryRegion;
    private final IVpc vpc;
    private final InstanceType instanceType;
    private final InstanceType recoveryInstanceType;
    private final IMachineImage machineImage;
    private final UserData userData;
    private final int port;
    private final String healthCheckPath;
    private final Capacity standbyCapacity;
    private final Capacity recoveryCapacity;
    private final Number targetCpuUtilization;
    private final DatabaseOptions database;
    private final DnsSwitchOptions dns;
    private final ICertificate certificate;
    private final IBucket accessLogBucket;
    private final ITopic notificationTopic;
    private final Duration healthTimeout;
    private final RecoveryTimings timings;
    private final ArcRegionSwitchPlanProps regionSwitchPlan;
    private final java.util.List<io.github.drkit.failover.GlobalDatabaseOptions> globalDatabases;
    private final java.util.List<io.github.drkit.failover.GlobalTableOptions> globalTables;

    private WarmStandbyFleetProps(Builder b) {
        this.applicationName = b.applicationName;
        this.primaryRegion = b.primaryRegion;
        this.vpc = b.vpc;
        this.instanceType = b.instanceType;
        this.recoveryInstanceType = b.recoveryInstanceType;
        this.machineImage = b.machineImage;
        this.userData = b.userData;
        this.port = b.port == null ? 80 : b.port;
        this.healthCheckPath = b.healthCheckPath == null ? "/" : b.healthCheckPath;
        this.standbyCapacity = b.standbyCapacity;
        this.recoveryCapacity = b.recoveryCapacity;
        this.targetCpuUtilization = b.targetCpuUtilization;
        this.database = b.database;
        this.dns = b.dns;
        this.certificate = b.certificate;
        this.accessLogBucket = b.accessLogBucket;
        this.notificationTopic = b.notificationTopic;
        this.healthTimeout = b.healthTimeout;
        this.timings = b.timings;
        this.regionSwitchPlan = b.regionSwitchPlan;
        this.globalDatabases = b.globalDatabases == null ? java.util.List.of() : java.util.List.copyOf(b.globalDatabases);
        this.globalTables = b.globalTables == null ? java.util.List.of() : java.util.List.copyOf(b.globalTables);
    }

    /** Aurora global databases whose secondary in this Region failover makes the writer. @default none */
    public java.util.List<io.github.drkit.failover.GlobalDatabaseOptions> getGlobalDatabases() {
        return globalDatabases;
    }

    /** DynamoDB global tables whose replica in this Region failover checks before traffic moves. @default none */
    public java.util.List<io.github.drkit.failover.GlobalTableOptions> getGlobalTables() {
        return globalTables;
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

    /** Required: the recovery Region's VPC, with public and private subnets. */
    public IVpc getVpc() {
        return vpc;
    }

    /** @default t3.small */
    public InstanceType getInstanceType() {
        return instanceType;
    }

    /** The larger type failover moves to (vertical scaling). @default none: failover only scales out */
    public InstanceType getRecoveryInstanceType() {
        return recoveryInstanceType;
    }

    /** @default the latest Amazon Linux 2023, read from SSM at deploy time */
    public IMachineImage getMachineImage() {
        return machineImage;
    }

    /** @default none */
    public UserData getUserData() {
        return userData;
    }

    /** @default 80 */
    public int getPort() {
        return port;
    }

    /** @default "/" */
    public String getHealthCheckPath() {
        return healthCheckPath;
    }

    /** The minimal fleet that always runs; min at least 1. @default min 1, desired 1, max 2 */
    public Capacity getStandbyCapacity() {
        return standbyCapacity;
    }

    /** Required: the production capacity failover scales to. */
    public Capacity getRecoveryCapacity() {
        return recoveryCapacity;
    }

    /** Average CPU the target-tracking policy holds. @default 60 */
    public Number getTargetCpuUtilization() {
        return targetCpuUtilization;
    }

    /** @default none: the fleet is stateless or its data is replicated elsewhere */
    public DatabaseOptions getDatabase() {
        return database;
    }

    /** Required: the records that switch traffic. */
    public DnsSwitchOptions getDns() {
        return dns;
    }

    /** @default none: HTTP 80 */
    public ICertificate getCertificate() {
        return certificate;
    }

    /** @default none */
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
        private InstanceType instanceType;
        private InstanceType recoveryInstanceType;
        private IMachineImage machineImage;
        private UserData userData;
        private Integer port;
        private String healthCheckPath;
        private Capacity standbyCapacity;
        private Capacity recoveryCapacity;
        private Number targetCpuUtilization;
        private DatabaseOptions database;
        private DnsSwitchOptions dns;
        private ICertificate certificate;
        private IBucket accessLogBucket;
        private ITopic notificationTopic;
        private Duration healthTimeout;
        private RecoveryTimings timings;
        private ArcRegionSwitchPlanProps regionSwitchPlan;
        private java.util.List<io.github.drkit.failover.GlobalDatabaseOptions> globalDatabases;
        private java.util.List<io.github.drkit.failover.GlobalTableOptions> globalTables;

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
         * Required: the recovery Region's VPC, with public and private subnets.
         */
        public Builder vpc(IVpc v) {
            this.vpc = v;
            return this;
        }

        /**
         * @default t3.small
         */
        public Builder instanceType(InstanceType v) {
            this.instanceType = v;
            return this;
        }

        /**
         * The larger type failover moves to (vertical scaling).
         *
         * @default none: failover only scales out
         */
        public Builder recoveryInstanceType(InstanceType v) {
            this.recoveryInstanceType = v;
            return this;
        }

        /**
         * @default the latest Amazon Linux 2023, read from SSM at deploy time
         */
        public Builder machineImage(IMachineImage v) {
            this.machineImage = v;
            return this;
        }

        /**
         * @default none
         */
        public Builder userData(UserData v) {
            this.userData = v;
            return this;
        }

        /**
         * @default 80
         */
        public Builder port(int v) {
            this.port = v;
            return this;
        }

        /**
         * @default "/"
         */
        public Builder healthCheckPath(String v) {
            this.healthCheckPath = v;
            return this;
        }

        /**
         * The minimal fleet that always runs; min at least 1.
         *
         * @default min 1, desired 1, max 2
         */
        public Builder standbyCapacity(Capacity v) {
            this.standbyCapacity = v;
            return this;
        }

        /**
         * Required: the production capacity failover scales to.
         */
        public Builder recoveryCapacity(Capacity v) {
            this.recoveryCapacity = v;
            return this;
        }

        /**
         * Average CPU the target-tracking policy holds.
         *
         * @default 60
         */
        public Builder targetCpuUtilization(Number v) {
            this.targetCpuUtilization = v;
            return this;
        }

        /**
         * @default none: the fleet is stateless or its data is replicated elsewhere
         */
        public Builder database(DatabaseOptions v) {
            this.database = v;
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
         * @default none: HTTP 80
         */
        public Builder certificate(ICertificate v) {
            this.certificate = v;
            return this;
        }

        /**
         * @default none
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
        public Builder globalDatabases(java.util.List<io.github.drkit.failover.GlobalDatabaseOptions> v) {
            this.globalDatabases = v;
            return this;
        }

        /**
         * DynamoDB global tables with a replica in this Region: failover stops before traffic moves unless each replica is
         * ACTIVE and within its replication latency bound (or the run is forced).
         *
         * @default none
         */
        public Builder globalTables(java.util.List<io.github.drkit.failover.GlobalTableOptions> v) {
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

        public WarmStandbyFleetProps build() {
            return new WarmStandbyFleetProps(this);
        }
    }
}
