package io.github.drkit.backup;

import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Token;

import java.util.Objects;

/**
 * A copy action of a {@link BackupVault}'s plan: every recovery point is copied to a vault in the
 * recovery Region and, optionally, another account. For another account the destination vault's
 * access policy must allow {@code backup:CopyIntoBackupVault} from this account (see
 * {@link BackupVaultProps.Builder#allowCopyFromAccounts}) and both accounts must be in one AWS
 * Organization with cross-account backup turned on.
 */
public final class BackupCopy {
    private final String destinationVaultArn;
    private final String region;
    private final Duration retention;
    private final Duration moveToColdStorageAfter;
    private final AirGappedVault airGappedVault;

    private BackupCopy(Builder b) {
        this.destinationVaultArn = Objects.requireNonNull(b.destinationVaultArn, "BackupCopy: destinationVaultArn is required");
        this.region = b.region != null ? b.region : regionOf(destinationVaultArn);
        this.retention = b.retention;
        this.moveToColdStorageAfter = b.moveToColdStorageAfter;
        this.airGappedVault = b.airGappedVault;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A copy to the vault of that name in another Region (and account), for vaults that live in a
     * stack of another Region whose ARN cannot be referenced.
     */
    public static Builder toVault(String vaultName, String region, String account) {
        return builder()
                .destinationVaultArn("arn:" + Aws.PARTITION + ":backup:" + region + ":" + account + ":backup-vault:" + vaultName)
                .region(region);
    }

    /**
     * A copy into a logically air-gapped vault of this account (in its stack's Region). The copies'
     * retention is checked against the vault's minimum and maximum retention.
     */
    public static Builder toAirGappedVault(AirGappedVault vault) {
        Builder b = builder().destinationVaultArn(vault.getBackupVaultArn()).region(Stack.of(vault).getRegion());
        b.airGappedVault = vault;
        return b;
    }

    private static String regionOf(String arn) {
        if (Token.isUnresolved(arn)) {
            return null;
        }
        String[] parts = arn.split(":");
        return parts.length > 3 && !parts[3].isEmpty() ? parts[3] : null;
    }

    public String getDestinationVaultArn() {
        return destinationVaultArn;
    }

    /** The destination's Region, or null when it is unknown at synth time. */
    public String getRegion() {
        return region;
    }

    /** The copies' retention, or null for the rule's. */
    public Duration getRetention() {
        return retention;
    }

    /** When copies move to cold storage, or null for never. */
    public Duration getMoveToColdStorageAfter() {
        return moveToColdStorageAfter;
    }

    /** The logically air-gapped vault the copies land in, or null for a standard vault. */
    public AirGappedVault getAirGappedVault() {
        return airGappedVault;
    }

    public static final class Builder {
        private AirGappedVault airGappedVault;
        private String destinationVaultArn;
        private String region;
        private Duration retention;
        private Duration moveToColdStorageAfter;

        private Builder() {
        }

        /** The destination vault's ARN. Required. */
        public Builder destinationVaultArn(String destinationVaultArn) {
            this.destinationVaultArn = destinationVaultArn;
            return this;
        }

        /** The destination's Region. @default parsed from destinationVaultArn; required when that is a token (the stack's Region for an air-gapped vault) */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /** How long copies are kept. @default the retention of the backup rule */
        public Builder retention(Duration retention) {
            this.retention = retention;
            return this;
        }

        /** When copies move to cold storage; retention must then be at least 90 days longer. @default never */
        public Builder moveToColdStorageAfter(Duration moveToColdStorageAfter) {
            this.moveToColdStorageAfter = moveToColdStorageAfter;
            return this;
        }

        public BackupCopy build() {
            return new BackupCopy(this);
        }
    }
}
