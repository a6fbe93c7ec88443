package io.github.drkit.containers;

import java.util.List;

import io.github.drkit.failover.DnsSwitchOptions;
import io.github.drkit.failover.GlobalDatabaseOptions;
import io.github.drkit.failover.GlobalTableOptions;
import io.github.drkit.failover.RecoveryTimings;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.certificatemanager.ICertificate;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.sns.ITopic;

/** Props of {@link FargateStandby}. */
public final class FargateStandbyProps {
    private final String applicationName;
    private final String primaryRegion;
    private final IVpc vpc;
    private final FargateTaskDefinition taskDefinition;
    private final Integer containerPort;
    private final String healthCheckPath;
    private final Integer standbyTasks;
    private final Integer recoveryTasks;
    private final Integer recoveryPercentOfPrimary;
    private final String primaryClusterName;
    private final String primaryServiceName;
    private final DnsSwitchOptions dns;
    private final ICertificate certificate;
    private final IBucket accessLogBucket;
    private final ITopic notificationTopic;
    private final Duration taskStartTime;
    private final Duration steadyStateTimeout;
    private final RecoveryTimings timings;
    private final List<GlobalDatabaseOptions> globalDatabases;
    private final List<GlobalTableOptions> globalTables;

    private FargateStandbyProps(Builder b) {
        this.applicationName = b.applicationName;
        this.primaryRegion = b.primaryRegion;
        this.vpc = b.vpc;
        this.taskDefinition = b.taskDefinition;
        this.containerPort = b.containerPort;
        this.healthCheckPath = b.healthCheckPath;
        this.standbyTasks = b.standbyTasks;
        this.recoveryTasks = b.recoveryTasks;
        this.recoveryPercentOfPrimary = b.recoveryPercentOfPrimary;
        this.primaryClusterName = b.primaryClusterName;
        this.primaryServiceName = b.primaryServiceName;
        this.dns = b.dns;
        this.certificate = b.certificate;
        this.accessLogBucket = b.accessLogBucket;
        this.notificationTopic = b.notificationTopic;
        this.taskStartTime = b.taskStartTime;
        this.steadyStateTimeout = b.steadyStateTimeout;
        this.timings = b.timings;
        this.globalDatabases = b.globalDatabases == null ? List.of() : List.copyOf(b.globalDatabases);
        this.globalTables = b.globalTables == null ? List.of() : List.copyOf(b.globalTables);
    }

    public static Builder builder() {
        return new Builder();
    }

    public String getApplicationName() {
        return applicationName;
    }

    public String getPrimaryRegion() {
        return primaryRegion;
    }

    public IVpc getVpc() {
        return vpc;
    }

    public FargateTaskDefinition getTaskDefinition() {
        return taskDefinition;
    }

    public Integer getContainerPort() {
        return containerPort;
    }

    public String getHealthCheckPath() {
        return healthCheckPath;
    }

    public Integer getStandbyTasks() {
        return standbyTasks;
    }

    public Integer getRecoveryTasks() {
        return recoveryTasks;
    }

    public Integer getRecoveryPercentOfPrimary() {
        return recoveryPercentOfPrimary;
    }

    public String getPrimaryClusterName() {
        return primaryClusterName;
    }

    public String getPrimaryServiceName() {
        return primaryServiceName;
    }

    public DnsSwitchOptions getDns() {
        return dns;
    }

    public ICertificate getCertificate() {
        return certificate;
    }

    public IBucket getAccessLogBucket() {
        return accessLogBucket;
    }

    public ITopic getNotificationTopic() {
        return notificationTopic;
    }

    public Duration getTaskStartTime() {
        return taskStartTime;
    }

    public Duration getSteadyStateTimeout() {
        return steadyStateTimeout;
    }

    public RecoveryTimings getTimings() {
        return timings;
    }

    public List<GlobalDatabaseOptions> getGlobalDatabases() {
        return globalDatabases;
    }

    public List<GlobalTableOptions> getGlobalTables() {
        return globalTables;
    }

    public static final class Builder {
        private String applicationName;
        private String primaryRegion;
        private IVpc vpc;
        private FargateTaskDefinition taskDefinition;
        private Integer containerPort;
        private String healthCheckPath;
        private Integer standbyTasks;
        private Integer recoveryTasks;
        private Integer recoveryPercentOfPrimary;
        private String primaryClusterName;
        private String primaryServiceName;
        private DnsSwitchOptions dns;
        private ICertificate certificate;
        private IBucket accessLogBucket;
        private ITopic notificationTopic;
        private Duration taskStartTime;
        private Duration steadyStateTimeout;
        private RecoveryTimings timings;
        private List<GlobalDatabaseOptions> globalDatabases;
        private List<GlobalTableOptions> globalTables;

        private Builder() {
        }

        /** @default the construct id */
        public Builder applicationName(String v) {
            this.applicationName = v;
            return this;
        }

        /** @default none (the plan omits it); required with {@code recoveryPercentOfPrimary} */
        public Builder primaryRegion(String v) {
            this.primaryRegion = v;
            return this;
        }

        /** Required: the recovery Region's VPC, with public subnets (load balancer) and private subnets with egress (tasks). */
        public Builder vpc(IVpc v) {
            this.vpc = v;
            return this;
        }

        /** Required: the task the service runs; its default container receives the load balancer's traffic. */
        public Builder taskDefinition(FargateTaskDefinition v) {
            this.taskDefinition = v;
            return this;
        }

        /** The port the default container listens on. @default 80 */
        public Builder containerPort(Integer v) {
            this.containerPort = v;
            return this;
        }

        /** @default "/" */
        public Builder healthCheckPath(String v) {
            this.healthCheckPath = v;
            return this;
        }

        /** Tasks that run in normal operation: 0 is pilot light, 1 or more warm standby. @default 0 */
        public Builder standbyTasks(Integer v) {
            this.standbyTasks = v;
            return this;
        }

        /**
         * Required: tasks after failover, at least {@code standbyTasks}; the count used when the primary's desired count
         * is not followed or cannot be read.
         */
        public Builder recoveryTasks(Integer v) {
            this.recoveryTasks = v;
            return this;
        }

        /**
         * 1-100: failover runs this share (rounded up) of the primary service's desired count when the primary Region
         * answers. @default none: failover runs {@code recoveryTasks}
         */
        public Builder recoveryPercentOfPrimary(Integer v) {
            this.recoveryPercentOfPrimary = v;
            return this;
        }

        /** The primary service's cluster. @default the recovery cluster's name */
        public Builder primaryClusterName(String v) {
            this.primaryClusterName = v;
            return this;
        }

        /** The primary service's name. @default the recovery service's name */
        public Builder primaryServiceName(String v) {
            this.primaryServiceName = v;
            return this;
        }

        /** Required: the hosted zone, record and primary endpoint that failover switches. */
        public Builder dns(DnsSwitchOptions v) {
            this.dns = v;
            return this;
        }

        /** @default none: HTTP 80 */
        public Builder certificate(ICertificate v) {
            this.certificate = v;
            return this;
        }

        /** @default none */
        public Builder accessLogBucket(IBucket v) {
            this.accessLogBucket = v;
            return this;
        }

        /** @default a new KMS-encrypted topic */
        public Builder notificationTopic(ITopic v) {
            this.notificationTopic = v;
            return this;
        }

        /**
         * Time from a raised desired count to running tasks (image pull, ENI, container start). AWS documents no bound;
         * measure it in a drill. @default 2 minutes
         */
        public Builder taskStartTime(Duration v) {
            this.taskStartTime = v;
            return this;
        }

        /** How long failover and failback wait for the service's steady state. @default 10 minutes; at most 1 hour */
        public Builder steadyStateTimeout(Duration v) {
            this.steadyStateTimeout = v;
            return this;
        }

        /** @default {@link RecoveryTimings#defaults()} */
        public Builder timings(RecoveryTimings v) {
            this.timings = v;
            return this;
        }

        /**
         * Aurora global databases with a secondary cluster in this Region (an {@code AuroraGlobalSecondary}, or one of
         * yours): failover makes each secondary the writer in the {@code data} stage, before the tasks start and DNS
         * moves, and reports the replication lag at promotion as the RPO achieved.
         *
         * @default none: the tasks' data tier is recovered elsewhere
         */
        public Builder globalDatabases(List<GlobalDatabaseOptions> v) {
            this.globalDatabases = v;
            return this;
        }

        /**
         * DynamoDB global tables with a replica in this Region: failover stops before the tasks start and traffic moves
         * unless each replica is ACTIVE and within its replication latency bound (or the run is forced).
         *
         * @default none
         */
        public Builder globalTables(List<GlobalTableOptions> v) {
            this.globalTables = v;
            return this;
        }

        public FargateStandbyProps build() {
            return new FargateStandbyProps(this);
        }
    }
}
