package io.github.drkit.backup;

import software.amazon.awscdk.Duration;

import java.util.Objects;

/**
 * AWS Backup Vault Lock: recovery points in the vault cannot be deleted before {@code minRetention}
 * nor kept beyond {@code maxRetention}, whoever asks. In GOVERNANCE mode the lock can be removed by
 * principals allowed {@code backup:DeleteBackupVaultLockConfiguration}; in COMPLIANCE mode it becomes
 * immutable once the cooling-off period ({@code changeableFor}, at least 72 hours) has passed.
 */
public final class VaultLock {
    /** How a Vault Lock can be undone. */
    public enum Mode {
        /** Removable by authorized principals at any time. */
        GOVERNANCE,
        /** Immutable once the cooling-off period ends: not even the root user can remove it. */
        COMPLIANCE
    }

    private final Mode mode;
    private final Duration minRetention;
    private final Duration maxRetention;
    private final Duration changeableFor;

    private VaultLock(Mode mode, Duration minRetention, Duration maxRetention, Duration changeableFor) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.minRetention = Objects.requireNonNull(minRetention, "VaultLock: minRetention is required");
        this.maxRetention = maxRetention;
        this.changeableFor = changeableFor;
    }

    /**
     * A governance-mode lock.
     * @param minRetention shortest retention a recovery point may have (at least 1 day)
     * @param maxRetention longest retention a recovery point may have (at most 36,500 days); null for no maximum
     */
    public static VaultLock governance(Duration minRetention, Duration maxRetention) {
        return new VaultLock(Mode.GOVERNANCE, minRetention, maxRetention, null);
    }

    /**
     * A compliance-mode lock that becomes immutable after a cooling-off period of 72 hours.
     * @see #compliance(Duration, Duration, Duration)
     */
    public static VaultLock compliance(Duration minRetention, Duration maxRetention) {
        return compliance(minRetention, maxRetention, Duration.hours(72));
    }

    /**
     * A compliance-mode lock.
     * @param changeableFor the cooling-off period during which the lock can still be removed (at least 72 hours)
     */
    public static VaultLock compliance(Duration minRetention, Duration maxRetention, Duration changeableFor) {
        return new VaultLock(Mode.COMPLIANCE, minRetention, maxRetention,
                Objects.requireNonNull(changeableFor, "VaultLock: changeableFor is required in compliance mode"));
    }

    public Mode getMode() {
        return mode;
    }

    public Duration getMinRetention() {
        return minRetention;
    }

    /** The maximum retention, or null for none. */
    public Duration getMaxRetention() {
        return maxRetention;
    }

    /** The cooling-off period (compliance mode), or null (governance mode). */
    public Duration getChangeableFor() {
        return changeableFor;
    }
}
