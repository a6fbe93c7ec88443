package io.github.drkit.backuprestore;

import io.github.drkit.failover.DnsSwitchOptions;
import io.github.drkit.failover.RecoveryTimings;
import io.github.drkit.pilotlight.ServerTier;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.certificatemanager.ICertificate;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.sns.ITopic;

/** Properties of {@link BackupRestoreSite}. */
public final class BackupRestoreSiteProps {
    /** The time a database restore is budgeted when none is given: AWS publishes none, it grows with the data. */
    public static final Duration DEFAULT_DATABASE_RESTORE = Duration.hours(4);

    private final String applicationName;
    private final String primaryRegion;
    private final IVpc vpc;
    private final String sourceDatabaseIdentifier;
    private final String restoredDatabaseIdentifier;
    private final String restoredDatabaseClass;
    private final Duration expectedDatabaseRestore;
    private final Integer databasePort;
    private final ISecurityGroup databaseSecurityGroup;
    private final Map<String, String> imageTags;
    private final List<ServerTier> tiers;
    private final DnsSwitchOptions dns;
    private final ICertificate certificate;
    private final IBucket accessLogBucket;
    private final ITopic notificationTopic;
    private final Duration healthTimeout;
    private final Duration rpo;
    private final RecoveryTimings timings;

    private BackupRestoreSiteProps(Builder b) {
        this.applicationName = b.applicationName;
        this.primaryRegion = b.primaryRegion;
        this.vpc = b.vpc;
        this.sourceDatabaseIdentifier = b.sourceDatabaseIdentifier;
        this.restoredDatabaseIdentifier = b.restoredDatabaseIdentifier;
        this.restoredDatabaseClass = b.restoredDatabaseClass;
        this.expectedDatabaseRestore = b.expectedDatabaseRestore != null ? b.expectedDatabaseRestore : DEFAULT_DATABASE_RESTORE;
        this.databasePort = b.databasePort;
        this.databaseSecurityGroup = b.databaseSecurityGroup;
        this.imageTags = b.imageTags == null ? null : Map.copyOf(b.imageTags);
        this.tiers = b.tiers == null ? null : List.copyOf(b.tiers);
        this.dns = b.dns;
        this.certificate = b.certificate;
        this.accessLogBucket = b.accessLogBucket;
        this.notificationTopic = b.notificationTopic;
        this.healthTimeout = b.healthTimeout;
        this.rpo = b.rpo;
        this.timings = b.timings;
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

    public String getSourceDatabaseIdentifier() {
        return sourceDatabaseIdentifier;
    }

    public String getRestoredDatabaseIdentifier() {
        return restoredDatabaseIdentifier;
    }

    public String getRestoredDatabaseClass() {
        return restoredDatabaseClass;
    }

    public Duration getExpectedDatabaseRestore() {
        return expectedDatabaseRestore;
    }

    public Integer getDatabasePort() {
        return databasePort;
    }

    public ISecurityGroup getDatabaseSecurityGroup() {
        return databaseSecurityGroup;
    }

    public Map<String, String> getImageTags() {
        return imageTags;
    }

    public List<ServerTier> getTiers() {
        return tiers;
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

    public Duration getHealthTimeout() {
        return healthTimeout;
    }

    public Duration getRpo() {
        return rpo;
    }

    public RecoveryTimings getTimings() {
        return timings;
    }

    public static final class Builder {
        private String applicationName;
        private String primaryRegion;
        private IVpc vpc;
        private String sourceDatabaseIdentifier;
        private String restoredDatabaseIdentifier;
        private String restoredDatabaseClass;
        private Duration expectedDatabaseRestore;
        private Integer databasePort;
        private ISecurityGroup databaseSecurityGroup;
        private Map<String, String> imageTags;
        private List<ServerTier> tiers;
        private DnsSwitchOptions dns;
        private ICertificate certificate;
        private IBucket accessLogBucket;
        private ITopic notificationTopic;
        private Duration healthTimeout;
        private Duration rpo;
        private RecoveryTimings timings;

        private Builder() {
        }

        /**
         * The application's name in the plan and in the function's name.
         *
         * @default the construct's id
         */
        public Builder applicationName(String v) {
            this.applicationName = v;
            return this;
        }

        /** The Region whose loss the site recovers from; it must differ from this stack's Region. */
        public Builder primaryRegion(String v) {
            this.primaryRegion = v;
            return this;
        }

        /** The VPC the restored database, the load balancer and the server tiers go into. */
        public Builder vpc(IVpc v) {
            this.vpc = v;
            return this;
        }

        /**
         * The RDS DB instance whose snapshots (the copies AWS Backup or a snapshot copy leave in this Region) the restore
         * starts from; the copies keep its identifier.
         *
         * @default none: the plan restores no database
         */
        public Builder sourceDatabaseIdentifier(String v) {
            this.sourceDatabaseIdentifier = v;
            return this;
        }

        /**
         * The identifier of the instance the restore creates; it must differ from the source's.
         *
         * @default the source's identifier followed by {@code -restored}
         */
        public Builder restoredDatabaseIdentifier(String v) {
            this.restoredDatabaseIdentifier = v;
            return this;
        }

        /**
         * The class of the restored instance.
         *
         * @default the class of the instance the snapshot was taken of
         */
        public Builder restoredDatabaseClass(String v) {
            this.restoredDatabaseClass = v;
            return this;
        }

        /**
         * How long the database restore is budgeted in the RTO estimate; measure it with AWS Backup's restore testing.
         *
         * @default 4 hours (AWS publishes no restore time: it grows with the data)
         */
        public Builder expectedDatabaseRestore(Duration v) {
            this.expectedDatabaseRestore = v;
            return this;
        }

        /**
         * The port the restored database listens on (the snapshot's: 5432 for PostgreSQL, 3306 for MySQL and MariaDB, 1521
         * for Oracle, 1433 for SQL Server, unless the source used another). The last tier may reach the restored database
         * on it. Required with {@link #sourceDatabaseIdentifier(String)}.
         */
        public Builder databasePort(Integer v) {
            this.databasePort = v;
            return this;
        }

        /**
         * The security group the restored database gets; the site adds the rule that lets the last tier in on
         * {@link #databasePort(Integer)}.
         *
         * @default a new group in the VPC that lets in only the last tier, on {@code databasePort}
         */
        public Builder databaseSecurityGroup(ISecurityGroup v) {
            this.databaseSecurityGroup = v;
            return this;
        }

        /**
         * The tags that select the AMIs copied to this Region (every one of them, 1 to 10), e.g. the target tags of an
         * {@code ImageReplication} of kind AMIS: its copies keep their source's tags. A tier that gives its own
         * {@code ServerTier.imageTags} launches the latest AMI carrying those; every other tier launches the latest
         * carrying these. With more than one tier, give each its own tags, or every tier launches the same (latest) AMI.
         *
         * @default none: every tier must give its own {@code ServerTier.imageTags}
         */
        public Builder imageTags(Map<String, String> v) {
            this.imageTags = v;
            return this;
        }

        /** The server tiers, front first: Auto Scaling groups at 0 until a restore points them at the copied AMI. */
        public Builder tiers(List<ServerTier> v) {
            this.tiers = v;
            return this;
        }

        /** The DNS switch: the zone, the record and the primary endpoint. */
        public Builder dns(DnsSwitchOptions v) {
            this.dns = v;
            return this;
        }

        /**
         * The certificate of the load balancer's HTTPS listener.
         *
         * @default none: an HTTP listener
         */
        public Builder certificate(ICertificate v) {
            this.certificate = v;
            return this;
        }

        /**
         * The bucket the load balancer writes its access logs to.
         *
         * @default none: access logs are not written
         */
        public Builder accessLogBucket(IBucket v) {
            this.accessLogBucket = v;
            return this;
        }

        /**
         * The topic the function and the fleets notify.
         *
         * @default a new topic encrypted with a new KMS key
         */
        public Builder notificationTopic(ITopic v) {
            this.notificationTopic = v;
            return this;
        }

        /**
         * How long the restore waits for the fleets to be healthy before it gives up and leaves DNS as it is.
         *
         * @default 600 seconds
         */
        public Builder healthTimeout(Duration v) {
            this.healthTimeout = v;
            return this;
        }

        /**
         * The recovery point objective the report holds each chosen recovery point's age to.
         *
         * @default none: the report gives the ages without a verdict
         */
        public Builder rpo(Duration v) {
            this.rpo = v;
            return this;
        }

        /**
         * The times the RTO estimate assumes for the decision, the orchestration, the boot and the warm-up.
         *
         * @default {@link RecoveryTimings}' defaults
         */
        public Builder timings(RecoveryTimings v) {
            this.timings = v;
            return this;
        }

        public BackupRestoreSiteProps build() {
            return new BackupRestoreSiteProps(this);
        }
    }
}
