package io.github.drkit.backup;

import java.time.Instant;
import java.util.List;

/** Props of {@link LegalHold}. */
public final class LegalHoldProps {
    private final List<String> backupVaultNames;
    private final String title;
    private final String description;
    private final Instant fromDate;
    private final Instant toDate;
    private final List<String> resourceIdentifiers;
    private final boolean cancelOnDelete;

    private LegalHoldProps(Builder b) {
        this.backupVaultNames = b.backupVaultNames != null ? List.copyOf(b.backupVaultNames) : List.of();
        this.title = b.title;
        this.description = b.description;
        this.fromDate = b.fromDate;
        this.toDate = b.toDate;
        this.resourceIdentifiers = b.resourceIdentifiers != null ? List.copyOf(b.resourceIdentifiers) : List.of();
        this.cancelOnDelete = b.cancelOnDelete != null && b.cancelOnDelete;
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<String> getBackupVaultNames() {
        return backupVaultNames;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public Instant getFromDate() {
        return fromDate;
    }

    public Instant getToDate() {
        return toDate;
    }

    public List<String> getResourceIdentifiers() {
        return resourceIdentifiers;
    }

    public boolean getCancelOnDelete() {
        return cancelOnDelete;
    }

    public static final class Builder {
        private List<String> backupVaultNames;
        private String title;
        private String description;
        private Instant fromDate;
        private Instant toDate;
        private List<String> resourceIdentifiers;
        private Boolean cancelOnDelete;

        private Builder() {
        }

        /** The vaults whose recovery points are held, e.g. {@code List.of(vault.getBackupVaultName())}. Required. */
        public Builder backupVaultNames(List<String> backupVaultNames) {
            this.backupVaultNames = backupVaultNames;
            return this;
        }

        /** The hold's title, e.g. the case it serves. Required. */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /** Why the recovery points are held. Required. */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** Recovery points created at or after this instant are held. Required. */
        public Builder fromDate(Instant fromDate) {
            this.fromDate = fromDate;
            return this;
        }

        /** Recovery points created at or before this instant are held. Required. */
        public Builder toDate(Instant toDate) {
            this.toDate = toDate;
            return this;
        }

        /** Only the recovery points of these resources (ARNs). @default every resource's recovery points in the vaults */
        public Builder resourceIdentifiers(List<String> resourceIdentifiers) {
            this.resourceIdentifiers = resourceIdentifiers;
            return this;
        }

        /**
         * Cancels the hold when the construct is removed from the stack (or the stack deleted). A legal
         * hold outlives the stack by default: lifting it is a decision, not a side effect of a deploy.
         * @default false
         */
        public Builder cancelOnDelete(boolean cancelOnDelete) {
            this.cancelOnDelete = cancelOnDelete;
            return this;
        }

        public LegalHoldProps build() {
            return new LegalHoldProps(this);
        }
    }
}
