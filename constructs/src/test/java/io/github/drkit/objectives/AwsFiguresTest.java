package io.github.drkit.objectives;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Pins every documented figure to the value in its AWS source (cited on each constant), so that a
 * change to one is a deliberate edit of both.
 */
class AwsFiguresTest {
    @Test
    void route53_figures_matchRoute53Documentation() {
        assertEquals(Duration.ofSeconds(60), AwsFigures.ROUTE53_PROPAGATION);
        assertEquals(Duration.ofSeconds(30), AwsFigures.ROUTE53_HEALTH_CHECK_INTERVAL_STANDARD);
        assertEquals(Duration.ofSeconds(10), AwsFigures.ROUTE53_HEALTH_CHECK_INTERVAL_FAST);
        assertEquals(3, AwsFigures.ROUTE53_FAILURE_THRESHOLD_DEFAULT);
        assertEquals(1, AwsFigures.ROUTE53_FAILURE_THRESHOLD_MIN);
        assertEquals(10, AwsFigures.ROUTE53_FAILURE_THRESHOLD_MAX);
        assertEquals(Duration.ofSeconds(60), AwsFigures.ROUTE53_FAILOVER_TTL);
    }

    @Test
    void elb_figures_matchTargetGroupHealthCheckDefaults() {
        assertEquals(Duration.ofSeconds(30), AwsFigures.ELB_HEALTH_CHECK_INTERVAL_DEFAULT);
        assertEquals(5, AwsFigures.ELB_HEALTHY_THRESHOLD_DEFAULT);
    }

    @Test
    void s3_figures_matchReplicationAndRetrievalDocumentation() {
        assertEquals(Duration.ofMinutes(15), AwsFigures.S3_RTC_REPLICATION);
        assertEquals(Duration.ZERO, AwsFigures.GLACIER_INSTANT_RETRIEVAL);
        assertEquals(Duration.ofMinutes(5), AwsFigures.GLACIER_FLEXIBLE_EXPEDITED);
        assertEquals(Duration.ofHours(5), AwsFigures.GLACIER_FLEXIBLE_STANDARD);
        assertEquals(Duration.ofHours(12), AwsFigures.GLACIER_FLEXIBLE_BULK);
        assertEquals(Duration.ofHours(12), AwsFigures.DEEP_ARCHIVE_STANDARD);
        assertEquals(Duration.ofHours(48), AwsFigures.DEEP_ARCHIVE_BULK);
    }

    @Test
    void backup_figures_matchAwsBackupAndRdsDocumentation() {
        assertEquals(Duration.ofHours(1), AwsFigures.BACKUP_MIN_FREQUENCY);
        assertEquals(Duration.ofHours(8), AwsFigures.BACKUP_START_WINDOW_DEFAULT);
        assertEquals(Duration.ofMinutes(60), AwsFigures.BACKUP_START_WINDOW_MIN);
        assertEquals(Duration.ofMinutes(5), AwsFigures.RDS_PITR_LOG_UPLOAD);
        assertEquals(730, AwsFigures.HOURS_PER_MONTH);
    }

    @Test
    void globalData_figures_matchAuroraAndDynamoDbDocumentation() {
        assertEquals(Duration.ofSeconds(1), AwsFigures.AURORA_GLOBAL_REPLICATION_LAG);
        assertEquals(Duration.ofMinutes(5), AwsFigures.AURORA_GLOBAL_MANAGED_FAILOVER);
        assertEquals(Duration.ofSeconds(1), AwsFigures.DYNAMODB_GLOBAL_TABLE_REPLICATION);
    }

    @Test
    void archiveRestore_worstCases_areTheDocumentedUpperBounds() {
        assertEquals(AwsFigures.GLACIER_INSTANT_RETRIEVAL, ArchiveRestore.GLACIER_INSTANT.worstCase());
        assertEquals(AwsFigures.GLACIER_FLEXIBLE_EXPEDITED, ArchiveRestore.FLEXIBLE_EXPEDITED.worstCase());
        assertEquals(AwsFigures.GLACIER_FLEXIBLE_STANDARD, ArchiveRestore.FLEXIBLE_STANDARD.worstCase());
        assertEquals(AwsFigures.GLACIER_FLEXIBLE_BULK, ArchiveRestore.FLEXIBLE_BULK.worstCase());
        assertEquals(AwsFigures.DEEP_ARCHIVE_STANDARD, ArchiveRestore.DEEP_ARCHIVE_STANDARD.worstCase());
        assertEquals(AwsFigures.DEEP_ARCHIVE_BULK, ArchiveRestore.DEEP_ARCHIVE_BULK.worstCase());
    }
}
