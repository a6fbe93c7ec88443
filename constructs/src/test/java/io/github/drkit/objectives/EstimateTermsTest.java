package io.github.drkit.objectives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class EstimateTermsTest {
    @Test
    void failureDetection_whenStandardInterval_isIntervalTimesThreshold() {
        EstimateTerm t = EstimateTerms.failureDetection(Duration.ofSeconds(30), 3, "X.healthCheckInterval");
        assertEquals(Duration.ofSeconds(90), t.duration());
        assertEquals("failure detection", t.name());
        assertEquals("Route 53 health check every 30 s x failure threshold 3", t.basis());
        assertEquals("X.healthCheckInterval", t.prop());
    }

    @Test
    void failureDetection_whenIntervalNotTenOrThirty_throws() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EstimateTerms.failureDetection(Duration.ofSeconds(20), 3, null));
        assertEquals("EstimateTerms.failureDetection: interval must be 10 s or 30 s, the two Route 53 health check "
                + "intervals (got 20 s)", e.getMessage());
    }

    @Test
    void failureDetection_whenThresholdOutOfRange_throws() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EstimateTerms.failureDetection(Duration.ofSeconds(10), 11, null));
        assertEquals("EstimateTerms.failureDetection: failureThreshold must be between 1 and 10 (got 11)", e.getMessage());
    }

    @Test
    void dnsPropagation_isRoute53Figure() {
        assertEquals(AwsFigures.ROUTE53_PROPAGATION, EstimateTerms.dnsPropagation().duration());
        assertNull(EstimateTerms.dnsPropagation().prop());
    }

    @Test
    void computeStart_addsBootAndWarmUp() {
        EstimateTerm t = EstimateTerms.computeStart(Duration.ofSeconds(90), Duration.ofMinutes(3), "X.appWarmUp");
        assertEquals(Duration.ofSeconds(270), t.duration());
        assertEquals("instance boot 1 min 30 s + app warm-up 3 min", t.basis());
    }

    @Test
    void targetHealthy_whenThresholdOutOfRange_throws() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EstimateTerms.targetHealthy(Duration.ofSeconds(30), 1, null));
        assertEquals("EstimateTerms.targetHealthy: healthyThreshold must be between 2 and 10 (got 1)", e.getMessage());
    }

    @Test
    void archiveRestore_usesTierWorstCase() {
        EstimateTerm t = EstimateTerms.archiveRestore(ArchiveRestore.DEEP_ARCHIVE_BULK, "X.retrieval");
        assertEquals(Duration.ofHours(48), t.duration());
        assertEquals("S3 Glacier Deep Archive, Bulk: within 48 h", t.basis());
    }

    @Test
    void backupInterval_whenUnderOneHour_throws() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EstimateTerms.backupInterval(Duration.ofMinutes(30), null));
        assertEquals("EstimateTerms.backupInterval: frequency must be at least 1 h, the most frequent AWS Backup "
                + "schedule (got 30 min)", e.getMessage());
    }

    @Test
    void backupStartWindow_whenUnderSixtyMinutes_throws() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EstimateTerms.backupStartWindow(Duration.ofMinutes(59), null));
        assertEquals("EstimateTerms.backupStartWindow: startWindow must be at least 60 min, the AWS Backup minimum "
                + "(got 59 min)", e.getMessage());
    }

    @Test
    void rpoTerms_useDocumentedFigures() {
        assertEquals(Duration.ofMinutes(15), EstimateTerms.s3ReplicationTimeControl(null).duration());
        assertEquals(Duration.ofMinutes(5), EstimateTerms.continuousBackup(null).duration());
        assertEquals(Duration.ZERO, EstimateTerms.synchronousReplication("RDS Multi-AZ").duration());
    }

    @Test
    void unboundedReplication_namesThePropThatBoundsIt() {
        assertEquals("S3 CRR is asynchronous with no time bound, so no RPO can be promised; set X.rtc to bound it",
                EstimateTerms.unboundedReplication("S3 CRR", "X.rtc"));
    }

    @Test
    void format_rendersDurationsCompactly() {
        assertEquals("0 s", Format.duration(Duration.ZERO));
        assertEquals("1 d 2 h 3 min 4 s", Format.duration(Duration.ofSeconds(93_784)));
        assertEquals("$1,234.50", Format.usd(1234.5));
    }
}
