package io.github.drkit.objectives;

import java.time.Duration;

/**
 * The AWS figures drkit's recovery estimates rest on, each with the AWS document that states it, so
 * that anyone can check an estimate against its source. Constructs use these rather than their own
 * literals, so a figure that AWS changes is changed once.
 *
 * <p>Where AWS gives a range ("3-5 hours"), the constant is the upper end: an objective check must
 * hold in the worst documented case.
 */
public final class AwsFigures {
    private AwsFigures() {
    }

    // ---- Route 53 --------------------------------------------------------------------------

    /**
     * Route 53 record changes reach every Route 53 name server within 60 seconds.
     * Source: Amazon Route 53 Developer Guide, "Editing records": "Changes generally propagate to all
     * Route 53 name servers within 60 seconds."
     */
    public static final Duration ROUTE53_PROPAGATION = Duration.ofSeconds(60);

    /**
     * Standard Route 53 health check request interval. Source: Amazon Route 53 API Reference,
     * HealthCheckConfig.RequestInterval: "10 or 30 ... If you don't specify a value, the default is 30 seconds."
     */
    public static final Duration ROUTE53_HEALTH_CHECK_INTERVAL_STANDARD = Duration.ofSeconds(30);

    /** Fast Route 53 health check request interval (billed as an optional feature). Source: as above. */
    public static final Duration ROUTE53_HEALTH_CHECK_INTERVAL_FAST = Duration.ofSeconds(10);

    /**
     * Consecutive failed checks before Route 53 marks an endpoint unhealthy, when not set.
     * Source: Amazon Route 53 API Reference, HealthCheckConfig.FailureThreshold: "If you don't specify
     * a value for FailureThreshold, the default value is three health checks."
     */
    public static final int ROUTE53_FAILURE_THRESHOLD_DEFAULT = 3;

    /** Smallest FailureThreshold Route 53 accepts. Source: HealthCheckConfig.FailureThreshold, "Valid Range: 1-10". */
    public static final int ROUTE53_FAILURE_THRESHOLD_MIN = 1;

    /** Largest FailureThreshold Route 53 accepts. Source: as above. */
    public static final int ROUTE53_FAILURE_THRESHOLD_MAX = 10;

    /**
     * TTL recommended for records that change as part of a fast failover. Source: Amazon Route 53
     * Developer Guide, "Best practices for Amazon Route 53 DNS": for records changed in a fast failover,
     * "it's common to set the TTL to 60 seconds or 120 seconds"; drkit takes the lower.
     */
    public static final Duration ROUTE53_FAILOVER_TTL = Duration.ofSeconds(60);

    // ---- Elastic Load Balancing --------------------------------------------------------------

    /**
     * Default interval between target group health checks (instance and ip targets). Source: Elastic
     * Load Balancing, Application Load Balancers guide, "Health checks for your target groups",
     * HealthCheckIntervalSeconds: default 30.
     */
    public static final Duration ELB_HEALTH_CHECK_INTERVAL_DEFAULT = Duration.ofSeconds(30);

    /**
     * Default consecutive successful checks before a new target is healthy and receives traffic.
     * Source: as above, HealthyThresholdCount: default 5.
     */
    public static final int ELB_HEALTHY_THRESHOLD_DEFAULT = 5;

    // ---- S3 replication and archive retrieval ------------------------------------------------

    /**
     * S3 Replication Time Control replicates 99.99 % of new objects within 15 minutes.
     * Source: Amazon S3 User Guide, "Meeting compliance requirements with S3 Replication Time Control".
     */
    public static final Duration S3_RTC_REPLICATION = Duration.ofMinutes(15);

    /**
     * S3 Glacier Instant Retrieval serves objects in milliseconds, like Standard-IA: no restore step.
     * Source: Amazon S3 User Guide, "Understanding S3 Glacier storage classes for long-term data storage".
     */
    public static final Duration GLACIER_INSTANT_RETRIEVAL = Duration.ZERO;

    /**
     * S3 Glacier Flexible Retrieval, Expedited: "typically within 1-5 minutes" (objects under 250 MB).
     * Source: Amazon S3 User Guide, "Understanding archive retrieval options".
     */
    public static final Duration GLACIER_FLEXIBLE_EXPEDITED = Duration.ofMinutes(5);

    /** S3 Glacier Flexible Retrieval, Standard: "typically within 3-5 hours". Source: as above. */
    public static final Duration GLACIER_FLEXIBLE_STANDARD = Duration.ofHours(5);

    /** S3 Glacier Flexible Retrieval, Bulk: "typically within 5-12 hours". Source: as above. */
    public static final Duration GLACIER_FLEXIBLE_BULK = Duration.ofHours(12);

    /**
     * S3 Glacier Deep Archive, Standard: "within 12 hours" (Expedited is not offered). Source: as above.
     */
    public static final Duration DEEP_ARCHIVE_STANDARD = Duration.ofHours(12);

    /** S3 Glacier Deep Archive, Bulk: "within 48 hours". Source: as above. */
    public static final Duration DEEP_ARCHIVE_BULK = Duration.ofHours(48);

    // ---- AWS Backup and RDS ------------------------------------------------------------------

    /**
     * Shortest interval between scheduled AWS Backup jobs of one rule: one hour. Source: AWS Backup
     * Developer Guide, "Backup frequency": "the most frequent ... is hourly" for scheduled backups.
     */
    public static final Duration BACKUP_MIN_FREQUENCY = Duration.ofHours(1);

    /**
     * Start window of an AWS Backup rule when none is set: a scheduled job may start up to 8 hours
     * late, which adds to the RPO. Source: AWS Backup Developer Guide, "Backup plan options and
     * configuration", Backup window: "Start within ... default 8 hours".
     */
    public static final Duration BACKUP_START_WINDOW_DEFAULT = Duration.ofHours(8);

    /**
     * Shortest start window AWS Backup accepts. Source: AWS Backup API Reference,
     * BackupRuleInput.StartWindowMinutes: "it must be at least 60 minutes".
     */
    public static final Duration BACKUP_START_WINDOW_MIN = Duration.ofMinutes(60);

    /**
     * With continuous backup (point-in-time recovery), the latest restorable time of an RDS instance
     * is typically within the last 5 minutes, because RDS uploads transaction logs to S3 every 5
     * minutes. Source: Amazon RDS User Guide, "Restoring a DB instance to a specified time".
     */
    public static final Duration RDS_PITR_LOG_UPLOAD = Duration.ofMinutes(5);

    // ---- Aurora Global Database and DynamoDB global tables --------------------------------------

    /**
     * Aurora Global Database replicates to its secondary Regions "with typical latency of less than a second".
     * Source: Amazon Aurora User Guide, "Using Amazon Aurora Global Database" (overview). A typical figure, not a bound:
     * the failover step reports the lag it measured at promotion ({@code AuroraGlobalDBReplicationLag}).
     */
    public static final Duration AURORA_GLOBAL_REPLICATION_LAG = Duration.ofSeconds(1);

    /**
     * Managed cross-Region failover (FailoverGlobalCluster) or switchover of an Aurora global database: AWS documents
     * the recovery time "typically in minutes" without an upper bound (Amazon Aurora User Guide, "Using switchover or
     * failover in Amazon Aurora Global Database"); drkit assumes 5 minutes, which a construct's option overrides.
     */
    public static final Duration AURORA_GLOBAL_MANAGED_FAILOVER = Duration.ofMinutes(5);

    /**
     * DynamoDB global tables propagate a write to the other replicas "typically within one second". Source: Amazon
     * DynamoDB Developer Guide, "Global tables - multi-Region replication for DynamoDB" (how it works). A typical figure:
     * the checkGlobalTable gate holds the measured {@code ReplicationLatency} to the declared bound before traffic moves.
     */
    public static final Duration DYNAMODB_GLOBAL_TABLE_REPLICATION = Duration.ofSeconds(1);

    // ---- Billing convention -----------------------------------------------------------------

    /** Hours in a month as AWS prices a month of on-demand use. Source: AWS Pricing Calculator, "730 hours in a month". */
    public static final int HOURS_PER_MONTH = 730;
}
