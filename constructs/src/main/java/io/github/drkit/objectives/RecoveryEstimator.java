package io.github.drkit.objectives;

/**
 * Implemented by every drkit construct that can say how fast it recovers and how much data it can
 * lose. The objectives check finds these in the construct tree at synth time.
 */
public interface RecoveryEstimator {
    RecoveryEstimate recoveryEstimate();
}
