package io.github.drkit.objectives;

/**
 * A construct that recovers nothing itself but makes a recovery take longer: a failover function whose plan waits for a
 * person's approval or runs custom actions. The synth-time check adds its terms to the recovery it lengthens: that of
 * the {@link RecoveryEstimator} it belongs to, else the slowest one under the scope checked (the plan's approvals and
 * actions happen in sequence with that recovery, not beside it).
 */
public interface AddedRecoveryTime {
    /**
     * The RTO terms it adds, with the construct's path as the source and the plan's strategy (used when no estimator is
     * there to add them to); null or no RTO terms when it adds none.
     */
    RecoveryEstimate addedRecoveryTime();
}
