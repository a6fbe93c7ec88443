package io.github.drkit.objectives;

import io.github.drkit.internal.protection.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import software.constructs.Construct;

/**
 * Whether a replication link keeps up with the rate data changes, and the RPO that follows. The
 * seed's rule: the required data rate must be less than the available one. When it is not, the
 * replica falls further behind without bound: synth fails and the estimate's RPO is unbounded.
 *
 * <p>The RPO is the sum of:
 * <ul>
 *   <li>the replication interval, for scheduled copies (a change waits for the next copy);</li>
 *   <li>the transfer of one interval's changes at the link bandwidth;</li>
 *   <li>the backlog of a peak above the bandwidth: data written at the end of a peak of rate p lasting
 *       d waits behind everything queued before it, so it ships d x (p / bandwidth - 1) late.</li>
 * </ul>
 * Continuous replication within the bandwidth and without peaks adds no term: its lag is the network
 * latency, which is below the resolution of an RPO. The model assumes the link is used by this
 * replication alone; give {@code bandwidth} as the share replication really gets.
 *
 * <p>It synthesizes no resource; it contributes an RPO estimate to the objectives check.
 */
public class ReplicationCapacity extends Construct implements RecoveryEstimator {
    private final DataRate changeRate;
    private final DataRate bandwidth;
    private final DataRate peakChangeRate;
    private final Duration peakDuration;
    private final Duration replicationInterval;
    private final DrStrategy strategy;
    private final String description;

    public ReplicationCapacity(Construct scope, String id, ReplicationCapacityProps props) {
        super(scope, id);
        if (props == null || props.getChangeRate() == null) {
            throw new IllegalArgumentException("ReplicationCapacity: changeRate is required");
        }
        if (props.getBandwidth() == null) {
            throw new IllegalArgumentException("ReplicationCapacity: bandwidth is required");
        }
        this.changeRate = props.getChangeRate();
        this.bandwidth = props.getBandwidth();
        this.peakChangeRate = props.getPeakChangeRate() == null ? changeRate : props.getPeakChangeRate();
        this.peakDuration = props.getPeakDuration() == null ? Duration.ZERO
                : Durations.requireKnown("ReplicationCapacity", "peakDuration", props.getPeakDuration());
        this.replicationInterval = props.getReplicationInterval() == null ? Duration.ZERO
                : Durations.requireKnown("ReplicationCapacity", "replicationInterval", props.getReplicationInterval());
        this.strategy = props.getStrategy() == null ? DrStrategy.PILOT_LIGHT : props.getStrategy();
        this.description = props.getDescription() == null ? "data replication" : props.getDescription();

        if (peakChangeRate.compareTo(changeRate) < 0) {
            throw new IllegalArgumentException("ReplicationCapacity: peakChangeRate must be at least changeRate "
                    + changeRate + " (got " + peakChangeRate + ")");
        }
        if (peakDuration.isNegative() || replicationInterval.isNegative()) {
            throw new IllegalArgumentException("ReplicationCapacity: peakDuration and replicationInterval must not be "
                    + "negative (got " + peakDuration + ", " + replicationInterval + ")");
        }
        if (props.getPeakChangeRate() != null && peakChangeRate.compareTo(bandwidth) > 0 && peakDuration.isZero()) {
            throw new IllegalArgumentException("ReplicationCapacity: peakDuration is required when peakChangeRate "
                    + peakChangeRate + " exceeds bandwidth " + bandwidth);
        }
        getNode().addValidation(this::validate);
    }

    private List<String> validate() {
        return keepsUp() ? List.of() : List.of(notKeepingUp());
    }

    private String notKeepingUp() {
        return "ReplicationCapacity '" + getNode().getPath() + "': changeRate " + changeRate
                + " is not less than bandwidth " + bandwidth + " (" + percent(utilization())
                + " of it): " + description + " falls behind without bound; raise ReplicationCapacity.bandwidth or lower "
                + "ReplicationCapacity.changeRate";
    }

    /** Average change rate over bandwidth; replication keeps up below 1. */
    public double utilization() {
        return changeRate.ratioTo(bandwidth);
    }

    /** True when the average change rate is less than the bandwidth. */
    public boolean keepsUp() {
        return changeRate.compareTo(bandwidth) < 0;
    }

    /** The RPO this link supports, or null when it does not keep up. */
    public Duration rpo() {
        return keepsUp() ? recoveryEstimate().rpo() : null;
    }

    @Override
    public RecoveryEstimate recoveryEstimate() {
        RecoveryEstimate.Builder b = RecoveryEstimate.builder().source(getNode().getPath()).strategy(strategy);
        if (!keepsUp()) {
            return b.rpoUnboundedReason(description + ": changeRate " + changeRate + " is not less than bandwidth "
                    + bandwidth + ", so the replica falls behind without bound; raise ReplicationCapacity.bandwidth")
                    .build();
        }
        List<EstimateTerm> rpo = new ArrayList<>();
        if (!replicationInterval.isZero()) {
            rpo.add(EstimateTerm.of("replication interval", replicationInterval,
                    description + " ships changes every " + Format.duration(replicationInterval),
                    "ReplicationCapacity.replicationInterval"));
            double seconds = replicationInterval.getSeconds() * changeRate.ratioTo(bandwidth);
            rpo.add(EstimateTerm.of("transfer", ceilSeconds(seconds), "one interval's changes at " + changeRate
                    + " over " + bandwidth, "ReplicationCapacity.bandwidth"));
        }
        if (peakChangeRate.compareTo(bandwidth) > 0) {
            double seconds = peakDuration.getSeconds() * (peakChangeRate.ratioTo(bandwidth) - 1);
            rpo.add(EstimateTerm.of("peak backlog", ceilSeconds(seconds), "a peak of " + peakChangeRate + " for "
                    + Format.duration(peakDuration) + " over " + bandwidth + ": " + Format.duration(peakDuration)
                    + " x (peak / bandwidth - 1)", "ReplicationCapacity.bandwidth"));
        }
        if (rpo.isEmpty()) {
            rpo.add(EstimateTerm.of("replication lag", Duration.ZERO, description + " is continuous at "
                    + percent(utilization()) + " of bandwidth with no peak above it", null));
        }
        return b.rpoTerms(rpo).build();
    }

    private static Duration ceilSeconds(double seconds) {
        return Duration.ofSeconds((long) Math.ceil(seconds));
    }

    private static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.0f %%", ratio * 100);
    }

    public DataRate getChangeRate() {
        return changeRate;
    }

    public DataRate getBandwidth() {
        return bandwidth;
    }
}
