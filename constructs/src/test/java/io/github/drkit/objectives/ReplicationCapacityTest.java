package io.github.drkit.objectives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

class ReplicationCapacityTest {
    private final App app = new App();
    private final Stack stack = new Stack(app, "Repl");

    private ReplicationCapacityProps.Builder link(DataRate change, DataRate bandwidth) {
        return ReplicationCapacityProps.builder().changeRate(change).bandwidth(bandwidth);
    }

    @Test
    void estimate_whenContinuousWithinBandwidth_hasZeroLag() {
        ReplicationCapacity r = new ReplicationCapacity(stack, "Link",
                link(DataRate.megabytesPerSecond(5), DataRate.megabitsPerSecond(100)).build());

        assertTrue(r.keepsUp());
        assertEquals(0.4, r.utilization(), 1e-9);
        assertEquals(Duration.ZERO, r.rpo());
        assertEquals("data replication is continuous at 40 % of bandwidth with no peak above it",
                r.recoveryEstimate().rpoTerms().get(0).basis());
        assertTrue(r.recoveryEstimate().rtoTerms().isEmpty());
        Template.fromStack(stack);
    }

    @Test
    void estimate_whenPeakAboveBandwidth_addsBacklog() {
        // 100 Mbit/s = 12.5 MB/s; a 25 MB/s peak for 1 h ships its last byte 1 h x (25/12.5 - 1) = 1 h late.
        ReplicationCapacity r = new ReplicationCapacity(stack, "Link",
                link(DataRate.megabytesPerSecond(2), DataRate.megabitsPerSecond(100))
                        .peakChangeRate(DataRate.megabytesPerSecond(25)).peakDuration(software.amazon.awscdk.Duration.hours(1)).build());

        assertEquals(Duration.ofHours(1), r.rpo());
        EstimateTerm t = r.recoveryEstimate().rpoTerms().get(0);
        assertEquals("peak backlog", t.name());
        assertEquals("ReplicationCapacity.bandwidth", t.prop());
    }

    @Test
    void estimate_whenScheduled_addsIntervalAndTransfer() {
        // 10 GB/h over 100 Mbit/s: one hour's 10 GB takes 800 s to ship.
        ReplicationCapacity r = new ReplicationCapacity(stack, "Copy",
                link(DataRate.gigabytesPerHour(10), DataRate.megabitsPerSecond(100))
                        .replicationInterval(software.amazon.awscdk.Duration.hours(1)).build());

        assertEquals(Duration.ofSeconds(3_600 + 800), r.rpo());
    }

    @Test
    void synth_whenChangeRateAboveBandwidth_failsNamingBothRates() {
        ReplicationCapacity r = new ReplicationCapacity(stack, "Link",
                link(DataRate.megabytesPerSecond(20), DataRate.megabitsPerSecond(100)).description("orders DB to us-west-2").build());

        assertFalse(r.keepsUp());
        assertNull(r.rpo());
        assertFalse(r.recoveryEstimate().rpoBounded());
        RuntimeException e = assertThrows(RuntimeException.class, () -> app.synth());
        assertTrue(e.getMessage().contains("ReplicationCapacity 'Repl/Link': changeRate 20 MB/s (160 Mbit/s) is not less "
                + "than bandwidth 12.5 MB/s (100 Mbit/s) (160 % of it): orders DB to us-west-2 falls behind without bound; "
                + "raise ReplicationCapacity.bandwidth or lower ReplicationCapacity.changeRate"), e.getMessage());
    }

    @Test
    void synth_whenRpoObjectiveTighterThanBacklog_failsNamingBandwidth() {
        new ReplicationCapacity(stack, "Link", link(DataRate.megabytesPerSecond(2), DataRate.megabitsPerSecond(100))
                .peakChangeRate(DataRate.megabytesPerSecond(25)).peakDuration(software.amazon.awscdk.Duration.hours(1)).build());
        RecoveryObjectives.builder().rpo(software.amazon.awscdk.Duration.minutes(15)).build().applyTo(stack);

        RuntimeException e = assertThrows(RuntimeException.class, () -> app.synth());
        assertTrue(e.getMessage().contains("RPO objective 15 min is not met by 'Repl/Link' (PILOT_LIGHT): estimate 1 h ="),
                e.getMessage());
        assertTrue(e.getMessage().contains("To shorten it, change ReplicationCapacity.bandwidth (peak backlog, 1 h)."),
                e.getMessage());
    }

    @Test
    void construct_whenPeakAboveBandwidthWithoutDuration_throws() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ReplicationCapacity(stack, "L",
                link(DataRate.megabytesPerSecond(1), DataRate.megabytesPerSecond(10))
                        .peakChangeRate(DataRate.megabytesPerSecond(20)).build()));
        assertEquals("ReplicationCapacity: peakDuration is required when peakChangeRate 20 MB/s (160 Mbit/s) exceeds "
                + "bandwidth 10 MB/s (80 Mbit/s)", e.getMessage());
    }

    @Test
    void construct_whenPeakBelowAverage_throws() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ReplicationCapacity(stack, "L",
                link(DataRate.megabytesPerSecond(5), DataRate.megabytesPerSecond(10))
                        .peakChangeRate(DataRate.megabytesPerSecond(1)).build()));
        assertEquals("ReplicationCapacity: peakChangeRate must be at least changeRate 5 MB/s (40 Mbit/s) (got 1 MB/s "
                + "(8 Mbit/s))", e.getMessage());
    }

    @Test
    void construct_whenBandwidthMissing_throws() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ReplicationCapacity(stack, "L",
                ReplicationCapacityProps.builder().changeRate(DataRate.megabytesPerSecond(1)).build()));
        assertEquals("ReplicationCapacity: bandwidth is required", e.getMessage());
    }

    @Test
    void construct_whenChangeRateMissing_throws() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ReplicationCapacity(stack, "L",
                ReplicationCapacityProps.builder().bandwidth(DataRate.megabitsPerSecond(100)).build()));
        assertEquals("ReplicationCapacity: changeRate is required", e.getMessage());
    }

    @Test
    void construct_whenIntervalOnlyKnownAtDeploy_throws() {
        software.amazon.awscdk.Duration deployTime = software.amazon.awscdk.Duration.seconds(software.amazon.awscdk.Token.asNumber(new software.amazon.awscdk.Intrinsic("Interval")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ReplicationCapacity(stack, "L",
                link(DataRate.megabytesPerSecond(1), DataRate.megabytesPerSecond(10))
                        .replicationInterval(deployTime).build()));
        assertEquals("ReplicationCapacity: replicationInterval must be known at synth time, not a deploy-time token (got "
                + deployTime + ")", e.getMessage());
    }

    @Test
    void dataRate_whenNotPositive_throws() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DataRate.megabitsPerSecond(0));
        assertEquals("DataRate: a rate must be a finite number greater than zero (got 0.0 Mbit/s)", e.getMessage());
    }

    @Test
    void dataRate_convertsDecimalUnits() {
        assertEquals(1_000.0, DataRate.gigabitsPerSecond(1).toMegabitsPerSecond(), 1e-9);
        assertEquals(125_000_000.0, DataRate.gigabitsPerSecond(1).toBytesPerSecond(), 1e-6);
        assertEquals(DataRate.gigabytesPerDay(86.4).toBytesPerSecond(), DataRate.megabytesPerSecond(1).toBytesPerSecond(), 1e-6);
    }
}
