package io.github.drkit.backup;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.sns.ITopic;

import java.util.List;
import java.util.Map;

/**
 * Props of {@link BackupVault}. Without {@code backupResources} or {@code backupTags} the vault
 * has no backup plan: it is a destination that receives copies (the recovery Region's vault).
 */
public final class BackupVaultProps {
    private final String backupVaultName;
    private final IKey encryptionKey;
    private final boolean blockRecoveryPointDeletion;
    private final VaultLock vaultLock;
    private final List<String> allowCopyFromAccounts;
    private final Duration rpo;
    private final boolean continuousBackup;
    private final Duration retention;
    private final Duration moveToColdStorageAfter;
    private final Duration startWindow;
    private final Duration completionWindow;
    private final List<BackupCopy> copyTo;
    private final List<String> backupResources;
    private final Map<String, String> backupTags;
    private final IRole backupRole;
    private final ITopic notificationTopic;
    private final RestoreTesting restoreTesting;
    private final Duration expectedRestoreDuration;
    private final Duration expectedCopyDuration;
    private final RemovalPolicy removalPolicy;

    private BackupVaultProps(Builder b) {
        this.backupVaultName = b.backupVaultName;
        this.encryptionKey = b.encryptionKey;
        this.blockRecoveryPointDeletion = b.blockRecoveryPointDeletion == null || b.blockRecoveryPointDeletion;
        this.vaultLock = b.vaultLock;
        this.allowCopyFromAccounts = b.allowCopyFromAccounts != null ? List.copyOf(b.allowCopyFromAccounts) : List.of();
        this.rpo = b.rpo != null ? b.rpo : Duration.hours(24);
        this.continuousBackup = b.continuousBackup;
        this.retention = b.retention != null ? b.retention : Duration.days(35);
        this.moveToColdStorageAfter = b.moveToColdStorageAfter;
        this.startWindow = b.startWindow != null ? b.startWindow : Duration.hours(1);
        this.completionWindow = b.completionWindow != null ? b.completionWindow : Duration.days(7);
        this.copyTo = b.copyTo != null ? List.copyOf(b.copyTo) : List.of();
        this.backupResources = b.backupResources != null ? List.copyOf(b.backupResources) : List.of();
        this.backupTags = b.backupTags != null ? Map.copyOf(b.backupTags) : Map.of();
        this.backupRole = b.backupRole;
        this.notificationTopic = b.notificationTopic;
        this.restoreTesting = b.restoreTesting;
        this.expectedRestoreDuration = b.expectedRestoreDuration != null ? b.expectedRestoreDuration : Duration.hours(4);
        this.expectedCopyDuration = b.expectedCopyDuration != null ? b.expectedCopyDuration : Duration.hours(1);
        this.removalPolicy = b.removalPolicy != null ? b.removalPolicy : RemovalPolicy.RETAIN;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String backupVaultName() { return backupVaultName; }
    public IKey encryptionKey() { return encryptionKey; }
    public boolean blockRecoveryPointDeletion() { return blockRecoveryPointDeletion; }
    public VaultLock vaultLock() { return vaultLock; }
    public List<String> allowCopyFromAccounts() { return allowCopyFromAccounts; }
    public Duration rpo() { return rpo; }
    public boolean continuousBackup() { return continuousBackup; }
    public Duration retention() { return retention; }
    public Duration moveToColdStorageAfter() { return moveToColdStorageAfter; }
    public Duration startWindow() { return startWindow; }
    public Duration completionWindow() { return completionWindow; }
    public List<BackupCopy> copyTo() { return copyTo; }
    public List<String> backupResources() { return backupResources; }
    public Map<String, String> backupTags() { return backupTags; }
    public IRole backupRole() { return backupRole; }
    public ITopic notificationTopic() { return notificationTopic; }
    public RestoreTesting restoreTesting() { return restoreTesting; }
    public Duration expectedRestoreDuration() { return expectedRestoreDuration; }
    public Duration expectedCopyDuration() { return expectedCopyDuration; }
    public RemovalPolicy removalPolicy() { return removalPolicy; }

    /** True when the vault gets a backup plan (something is selected). */
    public boolean hasPlan() {
        return !backupResources.isEmpty() || !backupTags.isEmpty();
    }

    public static final class Builder {
        private String backupVaultName;
        private IKey encryptionKey;
        private Boolean blockRecoveryPointDeletion;
        private VaultLock vaultLock;
        private List<String> allowCopyFromAccounts;
        private Duration rpo;
        private boolean continuousBackup;
        private Duration retention;
        private Duration moveToColdStorageAfter;
        private Duration startWindow;
        private Duration completionWindow;
        private List<BackupCopy> copyTo;
        private List<String> backupResources;
        private Map<String, String> backupTags;
        private IRole backupRole;
        private ITopic notificationTopic;
        private RestoreTesting restoreTesting;
        private Duration expectedRestoreDuration;
        private Duration expectedCopyDuration;
        private RemovalPolicy removalPolicy;

        private Builder() {
        }

        /** The vault's name (2-50 of a-z, A-Z, 0-9, - and _); set it when another Region copies into this vault. @default a generated name */
        public Builder backupVaultName(String backupVaultName) {
            this.backupVaultName = backupVaultName;
            return this;
        }

        /** The KMS key that encrypts recovery points (and the notification topic). @default a new key with yearly rotation */
        public Builder encryptionKey(IKey encryptionKey) {
            this.encryptionKey = encryptionKey;
            return this;
        }

        /**
         * An access policy that denies everyone backup:DeleteRecoveryPoint and
         * backup:UpdateRecoveryPointLifecycle; AWS Backup's own lifecycle still expires recovery points.
         * @default true
         */
        public Builder blockRecoveryPointDeletion(boolean blockRecoveryPointDeletion) {
            this.blockRecoveryPointDeletion = blockRecoveryPointDeletion;
            return this;
        }

        /** AWS Backup Vault Lock (governance or compliance). @default no lock */
        public Builder vaultLock(VaultLock vaultLock) {
            this.vaultLock = vaultLock;
            return this;
        }

        /** Accounts whose plans may copy into this vault (backup:CopyIntoBackupVault). @default none */
        public Builder allowCopyFromAccounts(List<String> allowCopyFromAccounts) {
            this.allowCopyFromAccounts = allowCopyFromAccounts;
            return this;
        }

        /**
         * The recovery point objective the schedule follows: backups at least this often (hourly at the
         * most frequent: AWS Backup's minimum; 24 hours or more: daily; 7 days or more: weekly).
         * @default 24 hours
         */
        public Builder rpo(Duration rpo) {
            this.rpo = rpo;
            return this;
        }

        /**
         * Continuous backup (point-in-time recovery) for the resource types that support it: RDS,
         * Aurora, S3, SAP HANA on EC2; other types get the scheduled snapshots. Retention 1-35 days,
         * no cold storage.
         * @default false
         */
        public Builder continuousBackup(boolean continuousBackup) {
            this.continuousBackup = continuousBackup;
            return this;
        }

        /** How long recovery points are kept (delete after). @default 35 days */
        public Builder retention(Duration retention) {
            this.retention = retention;
            return this;
        }

        /** When recovery points move to cold storage; retention must then be at least 90 days longer. @default never */
        public Builder moveToColdStorageAfter(Duration moveToColdStorageAfter) {
            this.moveToColdStorageAfter = moveToColdStorageAfter;
            return this;
        }

        /** A job that has not started this long after its scheduled time is cancelled (at least 1 hour). @default 1 hour */
        public Builder startWindow(Duration startWindow) {
            this.startWindow = startWindow;
            return this;
        }

        /** A job that has not completed this long after it started is cancelled. @default 7 days */
        public Builder completionWindow(Duration completionWindow) {
            this.completionWindow = completionWindow;
            return this;
        }

        /** Copy actions to vaults in the recovery Region (and other accounts). @default none */
        public Builder copyTo(List<BackupCopy> copyTo) {
            this.copyTo = copyTo;
            return this;
        }

        /** Resources selected by ARN (wildcards allowed, e.g. arn:aws:ec2:*:*:volume/*). @default none */
        public Builder backupResources(List<String> backupResources) {
            this.backupResources = backupResources;
            return this;
        }

        /** Resources selected by tags: a resource must carry every one of these tags (AND). @default none */
        public Builder backupTags(Map<String, String> backupTags) {
            this.backupTags = backupTags;
            return this;
        }

        /** The role AWS Backup assumes for backups, restores and restore tests. @default a new role with AWS Backup's service-role policies */
        public Builder backupRole(IRole backupRole) {
            this.backupRole = backupRole;
            return this;
        }

        /** Where failure notifications go. @default a new topic encrypted with the vault's key, TLS only */
        public Builder notificationTopic(ITopic notificationTopic) {
            this.notificationTopic = notificationTopic;
            return this;
        }

        /** A restore testing plan over this vault. @default none */
        public Builder restoreTesting(RestoreTesting restoreTesting) {
            this.restoreTesting = restoreTesting;
            return this;
        }

        /**
         * How long a restore job takes, for the RTO estimate. AWS publishes no restore-time figure: it
         * grows with the data; measure it with a restore test and set it here.
         * @default 4 hours
         */
        public Builder expectedRestoreDuration(Duration expectedRestoreDuration) {
            this.expectedRestoreDuration = expectedRestoreDuration;
            return this;
        }

        /**
         * How long a backup job plus its cross-Region copy takes, for the RPO estimate. AWS publishes no
         * figure; measure it from the copy jobs (creation to completion) and set it here.
         * @default 1 hour
         */
        public Builder expectedCopyDuration(Duration expectedCopyDuration) {
            this.expectedCopyDuration = expectedCopyDuration;
            return this;
        }

        /** @default RemovalPolicy.RETAIN */
        public Builder removalPolicy(RemovalPolicy removalPolicy) {
            this.removalPolicy = removalPolicy;
            return this;
        }

        public BackupVaultProps build() {
            return new BackupVaultProps(this);
        }
    }
}
