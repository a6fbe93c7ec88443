package io.github.drkit.objectives;

import java.time.Duration;
import java.util.List;
import software.constructs.Construct;

/**
 * A construct that states a given estimate, built from the standard terms the way each strategy's
 * construct builds its own; used to test the check apart from any one construct.
 */
final class FixedEstimator extends Construct implements RecoveryEstimator {
    private final DrStrategy strategy;
    private final List<EstimateTerm> rto;
    private final List<EstimateTerm> rpo;
    private final String unbounded;

    FixedEstimator(Construct scope, String id, DrStrategy strategy, List<EstimateTerm> rto, List<EstimateTerm> rpo,
            String unbounded) {
        super(scope, id);
        this.strategy = strategy;
        this.rto = rto;
        this.rpo = rpo;
        this.unbounded = unbounded;
    }

    @Override
    public RecoveryEstimate recoveryEstimate() {
        return RecoveryEstimate.builder().source(getNode().getPath()).strategy(strategy)
                .rtoTerms(rto).rpoTerms(rpo).rpoUnboundedReason(unbounded).build();
    }

    /** Restore from Glacier Flexible (standard) into a new stack; daily backups with the AWS default start window. */
    static FixedEstimator backupRestore(Construct scope, String id) {
        return new FixedEstimator(scope, id, DrStrategy.BACKUP_RESTORE,
                List.of(EstimateTerms.archiveRestore(ArchiveRestore.FLEXIBLE_STANDARD, "Test.restoreTier"),
                        EstimateTerms.computeStart(EstimateTerms.DEFAULT_INSTANCE_BOOT, Duration.ofMinutes(5), "Test.appWarmUp"),
                        EstimateTerms.dnsPropagation(),
                        EstimateTerms.dnsTtl(Duration.ofMinutes(5), "Test.recordTtl")),
                List.of(EstimateTerms.backupInterval(Duration.ofHours(24), "Test.backupFrequency"),
                        EstimateTerms.backupStartWindow(AwsFigures.BACKUP_START_WINDOW_DEFAULT, "Test.startWindow")),
                null);
    }

    /** Health check, promote the replica, start stopped servers, move DNS; S3 data under RTC. */
    static FixedEstimator pilotLight(Construct scope, String id) {
        return new FixedEstimator(scope, id, DrStrategy.PILOT_LIGHT,
                List.of(EstimateTerms.failureDetection(Duration.ofSeconds(30), 3, "Test.healthCheckInterval"),
                        EstimateTerms.dataPromotion("RDS cross-Region read replica", EstimateTerms.DEFAULT_DB_PROMOTION,
                                "Test.promotionTime"),
                        EstimateTerms.computeStart(EstimateTerms.DEFAULT_INSTANCE_BOOT, Duration.ofMinutes(5), "Test.appWarmUp"),
                        EstimateTerms.targetHealthy(AwsFigures.ELB_HEALTH_CHECK_INTERVAL_DEFAULT,
                                AwsFigures.ELB_HEALTHY_THRESHOLD_DEFAULT, "Test.healthyThreshold"),
                        EstimateTerms.dnsPropagation(),
                        EstimateTerms.dnsTtl(AwsFigures.ROUTE53_FAILOVER_TTL, "Test.recordTtl")),
                List.of(EstimateTerms.s3ReplicationTimeControl(null)),
                null);
    }

    /** A running minimal fleet scaled out on failover; database replica promoted. */
    static FixedEstimator warmStandby(Construct scope, String id) {
        return new FixedEstimator(scope, id, DrStrategy.WARM_STANDBY,
                List.of(EstimateTerms.failureDetection(Duration.ofSeconds(10), 3, "Test.healthCheckInterval"),
                        EstimateTerms.dataPromotion("RDS cross-Region read replica", Duration.ofMinutes(4), "Test.promotionTime"),
                        EstimateTerms.dnsPropagation(),
                        EstimateTerms.dnsTtl(AwsFigures.ROUTE53_FAILOVER_TTL, "Test.recordTtl")),
                List.of(EstimateTerms.replicationLag(Duration.ofMinutes(5), "ReplicaLag alarm at 5 min", "Test.maxReplicaLag")),
                null);
    }

    /** Both sites live; a failed health check takes a site out of weighted DNS. */
    static FixedEstimator multiSite(Construct scope, String id, boolean rtc) {
        return new FixedEstimator(scope, id, DrStrategy.MULTI_SITE,
                List.of(EstimateTerms.failureDetection(Duration.ofSeconds(10), 3, "Test.healthCheckInterval"),
                        EstimateTerms.dnsPropagation(),
                        EstimateTerms.dnsTtl(AwsFigures.ROUTE53_FAILOVER_TTL, "Test.recordTtl")),
                rtc ? List.of(EstimateTerms.s3ReplicationTimeControl("Test.replicationTimeControl")) : List.of(),
                rtc ? null : EstimateTerms.unboundedReplication("S3 cross-Region replication without Replication Time Control",
                        "Test.replicationTimeControl"));
    }
}
