package io.github.drkit.backup;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;

import java.util.List;

/** Props of {@link AirGappedVault}. */
public final class AirGappedVaultProps {
    private final String backupVaultName;
    private final Duration minRetention;
    private final Duration maxRetention;
    private final List<String> shareWith;
    private final boolean allowExternalPrincipals;
    private final RemovalPolicy removalPolicy;

    private AirGappedVaultProps(Builder b) {
        this.backupVaultName = b.backupVaultName;
        this.minRetention = b.minRetention != null ? b.minRetention : Duration.days(7);
        this.maxRetention = b.maxRetention != null ? b.maxRetention : Duration.days(35);
        this.shareWith = b.shareWith != null ? List.copyOf(b.shareWith) : List.of();
        this.allowExternalPrincipals = b.allowExternalPrincipals != null && b.allowExternalPrincipals;
        this.removalPolicy = b.removalPolicy != null ? b.removalPolicy : RemovalPolicy.RETAIN;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String getBackupVaultName() {
        return backupVaultName;
    }

    public Duration getMinRetention() {
        return minRetention;
    }

    public Duration getMaxRetention() {
        return maxRetention;
    }

    public List<String> getShareWith() {
        return shareWith;
    }

    public boolean getAllowExternalPrincipals() {
        return allowExternalPrincipals;
    }

    public RemovalPolicy getRemovalPolicy() {
        return removalPolicy;
    }

    public static final class Builder {
        private String backupVaultName;
        private Duration minRetention;
        private Duration maxRetention;
        private List<String> shareWith;
        private Boolean allowExternalPrincipals;
        private RemovalPolicy removalPolicy;

        private Builder() {
        }

        /** The vault's name (2-50 of a-z, A-Z, 0-9, '-' and '_'). @default a name generated from the construct's path */
        public Builder backupVaultName(String backupVaultName) {
            this.backupVaultName = backupVaultName;
            return this;
        }

        /**
         * The shortest retention a recovery point copied in may have, in whole days (at least 7): copy
         * jobs with a shorter retention fail.
         * @default 7 days
         */
        public Builder minRetention(Duration minRetention) {
            this.minRetention = minRetention;
            return this;
        }

        /** The longest retention a recovery point copied in may have, in whole days. @default 35 days */
        public Builder maxRetention(Duration maxRetention) {
            this.maxRetention = maxRetention;
            return this;
        }

        /**
         * Principals the vault is shared with through AWS RAM, so that a recovery account can restore
         * from it even when this account is lost: account ids, or the ARN of an organization or an
         * organizational unit.
         * @default not shared
         */
        public Builder shareWith(List<String> shareWith) {
            this.shareWith = shareWith;
            return this;
        }

        /** Lets the share reach accounts outside this account's organization. @default false */
        public Builder allowExternalPrincipals(boolean allowExternalPrincipals) {
            this.allowExternalPrincipals = allowExternalPrincipals;
            return this;
        }

        /** @default RemovalPolicy.RETAIN */
        public Builder removalPolicy(RemovalPolicy removalPolicy) {
            this.removalPolicy = removalPolicy;
            return this;
        }

        public AirGappedVaultProps build() {
            return new AirGappedVaultProps(this);
        }
    }
}
