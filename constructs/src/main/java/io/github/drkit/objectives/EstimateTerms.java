package io.github.drkit.objectives;

import java.time.Duration;
import java.util.Objects;

/**
 * The standard terms of drkit's recovery estimates, so that every construct names and explains a
 * term the same way. RTO terms are the steps a recovery passes through; RPO terms bound the data a
 * failure can lose. Documented figures come from {@link AwsFigures}; the two figures AWS does not
 * document ({@link #DEFAULT_INSTANCE_BOOT}, {@link #DEFAULT_DB_PROMOTION}) are drkit's defaults and
 * every construct that uses them lets the user replace them with a measured value.
 *
 * <p>The {@code prop} argument names the construct prop a user changes to shorten the term, e.g.
 * {@code "PilotLightCore.appWarmUp"}; pass null when no prop governs it.
 */
public final class EstimateTerms {
    /**
     * Time from launch request to a booted OS for a Linux AMI with the application baked in. AWS
     * documents no bound; this is drkit's default. Measure your AMI and set the construct's prop.
     */
    public static final Duration DEFAULT_INSTANCE_BOOT = Duration.ofMinutes(2);

    /**
     * Time to promote an RDS cross-Region read replica to a standalone writer. AWS documents no bound
     * (the RDS User Guide says promotion "takes a few minutes" and depends on the replica); this is
     * drkit's default. Measure it in a game day and set the construct's prop.
     */
    public static final Duration DEFAULT_DB_PROMOTION = Duration.ofMinutes(10);

    private EstimateTerms() {
    }

    // ---- RTO terms ---------------------------------------------------------------------------

    /** Time for Route 53 health checks to declare a site unhealthy: interval x failure threshold. */
    public static EstimateTerm failureDetection(Duration interval, int failureThreshold, String prop) {
        Objects.requireNonNull(interval, "interval");
        if (!interval.equals(AwsFigures.ROUTE53_HEALTH_CHECK_INTERVAL_STANDARD)
                && !interval.equals(AwsFigures.ROUTE53_HEALTH_CHECK_INTERVAL_FAST)) {
            throw new IllegalArgumentException("EstimateTerms.failureDetection: interval must be 10 s or 30 s, "
                    + "the two Route 53 health check intervals (got " + Format.duration(interval) + ")");
        }
        if (failureThreshold < AwsFigures.ROUTE53_FAILURE_THRESHOLD_MIN
                || failureThreshold > AwsFigures.ROUTE53_FAILURE_THRESHOLD_MAX) {
            throw new IllegalArgumentException("EstimateTerms.failureDetection: failureThreshold must be between "
                    + AwsFigures.ROUTE53_FAILURE_THRESHOLD_MIN + " and " + AwsFigures.ROUTE53_FAILURE_THRESHOLD_MAX
                    + " (got " + failureThreshold + ")");
        }
        return EstimateTerm.of("failure detection", interval.multipliedBy(failureThreshold),
                "Route 53 health check every " + Format.duration(interval) + " x failure threshold " + failureThreshold,
                prop);
    }

    /** Time for a Route 53 record change to reach every Route 53 name server. */
    public static EstimateTerm dnsPropagation() {
        return EstimateTerm.of("DNS propagation", AwsFigures.ROUTE53_PROPAGATION,
                "Route 53 changes reach all its name servers within 60 s", null);
    }

    /** Time resolvers may keep answering with the old record: its TTL. */
    public static EstimateTerm dnsTtl(Duration ttl, String prop) {
        return EstimateTerm.of("DNS TTL", ttl, "resolvers cache the old answer for up to the record TTL "
                + Format.duration(ttl), prop);
    }

    /**
     * Time to make the recovery copy of the data writable, e.g. promote a read replica.
     *
     * @param what what is promoted, e.g. "RDS cross-Region read replica"
     */
    public static EstimateTerm dataPromotion(String what, Duration duration, String prop) {
        boolean isDefault = DEFAULT_DB_PROMOTION.equals(duration);
        return EstimateTerm.of("data promotion", duration, what + " promoted to writer"
                + (isDefault ? " (drkit default; AWS documents no bound)" : ""), prop);
    }

    /**
     * Time from a launch or start request to an application ready to serve: instance boot plus
     * application warm-up.
     */
    public static EstimateTerm computeStart(Duration instanceBoot, Duration appWarmUp, String prop) {
        Objects.requireNonNull(instanceBoot, "instanceBoot");
        Objects.requireNonNull(appWarmUp, "appWarmUp");
        boolean isDefault = DEFAULT_INSTANCE_BOOT.equals(instanceBoot);
        return EstimateTerm.of("compute start", instanceBoot.plus(appWarmUp),
                "instance boot " + Format.duration(instanceBoot) + (isDefault ? " (drkit default)" : "")
                        + " + app warm-up " + Format.duration(appWarmUp), prop);
    }

    /** Time for a load balancer to pass a new target: health check interval x healthy threshold. */
    public static EstimateTerm targetHealthy(Duration interval, int healthyThreshold, String prop) {
        Objects.requireNonNull(interval, "interval");
        if (healthyThreshold < 2 || healthyThreshold > 10) {
            throw new IllegalArgumentException("EstimateTerms.targetHealthy: healthyThreshold must be between 2 and 10 "
                    + "(got " + healthyThreshold + ")");
        }
        return EstimateTerm.of("target health", interval.multipliedBy(healthyThreshold),
                "load balancer health check every " + Format.duration(interval) + " x healthy threshold "
                        + healthyThreshold, prop);
    }

    /** Time to bring an archived object back from S3 Glacier, by storage class and retrieval option. */
    public static EstimateTerm archiveRestore(ArchiveRestore restore, String prop) {
        Objects.requireNonNull(restore, "restore");
        return EstimateTerm.of("archive restore", restore.worstCase(), restore.basis(), prop);
    }

    /**
     * Time to restore a backup into a new resource, e.g. an RDS snapshot restore. AWS documents no
     * bound for these (they depend on size), so the caller states the figure and its basis.
     */
    public static EstimateTerm backupRestore(String what, Duration duration, String basis, String prop) {
        return EstimateTerm.of("backup restore", duration, what + ": " + basis, prop);
    }

    /**
     * Time a person takes to approve a stage of the failover, from the notification to the invocation that approves it.
     *
     * @param isDefault whether the wait is drkit's default rather than a declared figure
     */
    public static EstimateTerm approvalWait(String stage, Duration wait, boolean isDefault, String prop) {
        Objects.requireNonNull(wait, "wait");
        return EstimateTerm.of("manual approval", wait, "the run stops before stage '" + stage + "' until a person approves it"
                + (isDefault ? " (drkit default response time; measure yours in a drill)" : " (declared response time)"), prop);
    }

    /**
     * Time a custom action's Lambda function may take: its timeout, which bounds all its attempts together and the
     * pauses between them (the runtime stops the step there).
     *
     * @param function the function's construct path, as the user knows it
     * @param attempts the invocation and its retries
     */
    public static EstimateTerm customAction(String function, Duration timeout, int attempts, String prop) {
        Objects.requireNonNull(timeout, "timeout");
        return EstimateTerm.of("custom action", timeout, "'" + function + "' invoked up to " + attempts + " time(s), all attempts within its"
                + " timeout of " + Format.duration(timeout), prop);
    }

    // ---- RPO terms ---------------------------------------------------------------------------

    /** Data written just after a backup waits for the next one: the backup interval. */
    public static EstimateTerm backupInterval(Duration frequency, String prop) {
        Objects.requireNonNull(frequency, "frequency");
        if (frequency.compareTo(AwsFigures.BACKUP_MIN_FREQUENCY) < 0) {
            throw new IllegalArgumentException("EstimateTerms.backupInterval: frequency must be at least 1 h, "
                    + "the most frequent AWS Backup schedule (got " + Format.duration(frequency) + ")");
        }
        return EstimateTerm.of("backup frequency", frequency, "a scheduled backup every " + Format.duration(frequency), prop);
    }

    /** A scheduled AWS Backup job may start as late as its start window. */
    public static EstimateTerm backupStartWindow(Duration startWindow, String prop) {
        Objects.requireNonNull(startWindow, "startWindow");
        if (startWindow.compareTo(AwsFigures.BACKUP_START_WINDOW_MIN) < 0) {
            throw new IllegalArgumentException("EstimateTerms.backupStartWindow: startWindow must be at least 60 min, "
                    + "the AWS Backup minimum (got " + Format.duration(startWindow) + ")");
        }
        boolean isDefault = AwsFigures.BACKUP_START_WINDOW_DEFAULT.equals(startWindow);
        return EstimateTerm.of("backup start window", startWindow, "an AWS Backup job may start up to "
                + Format.duration(startWindow) + " after its scheduled time" + (isDefault ? " (AWS default)" : ""), prop);
    }

    /** Continuous backup (point-in-time recovery) of RDS: transaction logs reach S3 every 5 minutes. */
    public static EstimateTerm continuousBackup(String prop) {
        return EstimateTerm.of("continuous backup", AwsFigures.RDS_PITR_LOG_UPLOAD,
                "point-in-time recovery: RDS uploads transaction logs every 5 min", prop);
    }

    /** S3 replication with Replication Time Control: 99.99 % of objects within 15 minutes. */
    public static EstimateTerm s3ReplicationTimeControl(String prop) {
        return EstimateTerm.of("replication lag", AwsFigures.S3_RTC_REPLICATION,
                "S3 Replication Time Control: 99.99 % of objects within 15 min", prop);
    }

    /** Replication lag with a stated bound, e.g. from a ReplicaLag alarm threshold or a capacity model. */
    public static EstimateTerm replicationLag(Duration lag, String basis, String prop) {
        return EstimateTerm.of("replication lag", lag, basis, prop);
    }

    /**
     * Time for an Aurora global database's secondary to become the writer (switchover, managed failover or detach).
     *
     * @param duration the figure the construct assumes; {@link AwsFigures#AURORA_GLOBAL_MANAGED_FAILOVER} by default
     */
    public static EstimateTerm globalDatabaseFailover(Duration duration, String prop) {
        Objects.requireNonNull(duration, "duration");
        boolean isDefault = AwsFigures.AURORA_GLOBAL_MANAGED_FAILOVER.equals(duration);
        return EstimateTerm.of("global database failover", duration, "Aurora global database secondary made the writer"
                + (isDefault ? " (AWS: typically minutes; drkit assumes " + Format.duration(duration) + ")" : ""), prop);
    }

    /**
     * A headless secondary (storage, no instance) serves nothing until a writer instance is added after promotion;
     * AWS documents no bound for adding one, so the duration is the construct's assumption, to be measured in a drill.
     */
    public static EstimateTerm headlessWriterInstance(Duration duration, String prop) {
        Objects.requireNonNull(duration, "duration");
        return EstimateTerm.of("writer instance creation", duration, "headless Aurora secondary: a writer instance added after"
                + " promotion (assumption; AWS documents no bound, measure it in a drill)", prop);
    }

    /** Replication lag into an Aurora global database's secondary: typically under a second (AWS), or the construct's figure. */
    public static EstimateTerm globalDatabaseReplication(Duration lag, String prop) {
        Objects.requireNonNull(lag, "lag");
        boolean isDefault = AwsFigures.AURORA_GLOBAL_REPLICATION_LAG.equals(lag);
        return EstimateTerm.of("replication lag", lag, "Aurora global database storage replication"
                + (isDefault ? ", typically under 1 s (AWS)" : ", assumed " + Format.duration(lag))
                + "; failover reports the lag it measured", prop);
    }

    /**
     * Replication latency into a DynamoDB global table's replica, bounded by the gate that refuses failover (unless
     * forced) while the measured latency exceeds it.
     */
    public static EstimateTerm globalTableReplication(Duration maxLatency, String prop) {
        Objects.requireNonNull(maxLatency, "maxLatency");
        return EstimateTerm.of("replication lag", maxLatency, "DynamoDB global table: typically within "
                + Format.duration(AwsFigures.DYNAMODB_GLOBAL_TABLE_REPLICATION) + " (AWS); the checkGlobalTable gate stops failover above "
                + Format.duration(maxLatency), prop);
    }

    /** Synchronous replication (e.g. RDS Multi-AZ) loses no committed data. */
    public static EstimateTerm synchronousReplication(String what) {
        return EstimateTerm.of("replication lag", Duration.ZERO, what + ": synchronous, no committed write is lost", null);
    }

    /**
     * The reason to give {@link RecoveryEstimate.Builder#rpoUnboundedReason(String)} for asynchronous
     * replication with no time guarantee.
     *
     * @param what what replicates, e.g. "S3 cross-Region replication without Replication Time Control"
     * @param prop the prop that adds a bound, e.g. "GlacierLifecycle.replicationTimeControl"; null if none
     */
    public static String unboundedReplication(String what, String prop) {
        return what + " is asynchronous with no time bound, so no RPO can be promised"
                + (prop == null ? "" : "; set " + prop + " to bound it");
    }
}
