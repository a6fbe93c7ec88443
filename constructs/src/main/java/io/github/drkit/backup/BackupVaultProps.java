package io.github.drkit.backup;

import io.github.drkit.internal.protection.Durations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.sns.ITopic;

import java.util.ArrayList;
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
    private final List<BackupRule> rules;
    private final List<String> setBesideRules;
    private final Map<String, String> excludeTags;
    private final Map<String, String> excludeTagPatterns;
    private final List<String> excludeResources;
    private final boolean windowsVss;
    private final boolean ownRules;

    private BackupVaultProps(Builder b) {
        this.backupVaultName = b.backupVaultName;
        this.encryptionKey = b.encryptionKey;
        this.blockRecoveryPointDeletion = b.blockRecoveryPointDeletion == null || b.blockRecoveryPointDeletion;
        this.vaultLock = b.vaultLock;
        this.allowCopyFromAccounts = b.allowCopyFromAccounts != null ? List.copyOf(b.allowCopyFromAccounts) : List.of();
        this.rpo = b.rpo != null ? b.rpo : Duration.hours(24);
        this.continuousBackup = b.continuousBackup != null && b.continuousBackup;
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
        this.excludeTags = b.excludeTags != null ? Map.copyOf(b.excludeTags) : Map.of();
        this.excludeTagPatterns = b.excludeTagPatterns != null ? Map.copyOf(b.excludeTagPatterns) : Map.of();
        this.excludeResources = b.excludeResources != null ? List.copyOf(b.excludeResources) : List.of();
        this.windowsVss = b.windowsVss != null && b.windowsVss;
        List<String> beside = new ArrayList<>();
        if (b.rules != null) {
            if (b.rpo != null) beside.add("rpo");
            if (b.retention != null) beside.add("retention");
            if (b.moveToColdStorageAfter != null) beside.add("moveToColdStorageAfter");
            if (b.continuousBackup != null) beside.add("continuousBackup");
            if (b.copyTo != null) beside.add("copyTo");
        }
        this.setBesideRules = List.copyOf(beside);
        this.ownRules = b.rules != null;
        // Without rules, the flat props are the plan's one rule: the defaults above live in one place.
        this.rules = b.rules != null ? List.copyOf(b.rules) : List.of(BackupRule.builder()
                .ruleName("Rpo")
                .frequency(rpo)
                .retention(retention)
                .moveToColdStorageAfter(moveToColdStorageAfter)
                .continuousBackup(continuousBackup)
                .copyTo(copyTo)
                .build());
    }

    public static Builder builder() {
        return new Builder();
    }

    public String getBackupVaultName() { return backupVaultName; }
    public IKey getEncryptionKey() { return encryptionKey; }
    public boolean getBlockRecoveryPointDeletion() { return blockRecoveryPointDeletion; }
    public VaultLock getVaultLock() { return vaultLock; }
    public List<String> getAllowCopyFromAccounts() { return allowCopyFromAccounts; }
    /** The RPO the plan's most frequent rule follows: {@code rpo}, or the shortest {@link BackupRule#getFrequency} of {@code rules}. */
    public Duration getRpo() {
        return rules.stream().map(BackupRule::getFrequency).filter(Durations::known)
                .min(java.util.Comparator.comparingDouble(Durations::minutes)).orElse(rpo);
    }
    public boolean getContinuousBackup() { return continuousBackup; }
    public Duration getRetention() { return retention; }
    public Duration getMoveToColdStorageAfter() { return moveToColdStorageAfter; }
    public Duration getStartWindow() { return startWindow; }
    public Duration getCompletionWindow() { return completionWindow; }
    public List<BackupCopy> getCopyTo() { return copyTo; }
    public List<String> getBackupResources() { return backupResources; }
    public Map<String, String> getBackupTags() { return backupTags; }
    public IRole getBackupRole() { return backupRole; }
    public ITopic getNotificationTopic() { return notificationTopic; }
    public RestoreTesting getRestoreTesting() { return restoreTesting; }
    public Duration getExpectedRestoreDuration() { return expectedRestoreDuration; }
    public Duration getExpectedCopyDuration() { return expectedCopyDuration; }
    public RemovalPolicy getRemovalPolicy() { return removalPolicy; }
    /** The plan's rules: those given, or one rule ("Rpo") made of rpo, retention, moveToColdStorageAfter, continuousBackup and copyTo. */
    public List<BackupRule> getRules() { return rules; }
    public Map<String, String> getExcludeTags() { return excludeTags; }
    public Map<String, String> getExcludeTagPatterns() { return excludeTagPatterns; }
    public List<String> getExcludeResources() { return excludeResources; }
    public boolean getWindowsVss() { return windowsVss; }

    /** The one-rule props set beside {@code rules}, which they would contradict. */
    List<String> setBesideRules() {
        return setBesideRules;
    }

    /** True when rules were given rather than made of the one-rule props. */
    boolean hasOwnRules() {
        return ownRules;
    }

    /** True when some rule takes continuous backups. */
    boolean anyContinuous() {
        return rules.stream().anyMatch(BackupRule::getContinuousBackup);
    }

    /** True when something is excluded from the selections. */
    boolean hasExclusions() {
        return !excludeTags.isEmpty() || !excludeTagPatterns.isEmpty() || !excludeResources.isEmpty();
    }

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
        private Boolean continuousBackup;
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
        private List<BackupRule> rules;
        private Map<String, String> excludeTags;
        private Map<String, String> excludeTagPatterns;
        private List<String> excludeResources;
        private Boolean windowsVss;

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

        /**
         * Several rules in one plan, e.g. {@code BackupRule.hourly(Duration.days(2))}, {@code daily(Duration.days(35))}
         * and {@code monthly(Duration.days(7 * 365))}; the RPO is the most frequent rule's interval. With
         * rules, leave rpo, retention, moveToColdStorageAfter, continuousBackup and copyTo unset: each rule has its own.
         * @default one rule made of rpo, retention, moveToColdStorageAfter, continuousBackup and copyTo
         */
        public Builder rules(List<BackupRule> rules) {
            this.rules = rules;
            return this;
        }

        /**
         * Resources carrying any of these tags with that exact value are not backed up, though selected
         * (Conditions.StringNotEquals).
         * @default none
         */
        public Builder excludeTags(Map<String, String> excludeTags) {
            this.excludeTags = excludeTags;
            return this;
        }

        /**
         * Resources with a tag whose value matches the pattern ('*' any characters, '?' one) are not backed
         * up (Conditions.StringNotLike), e.g. {@code Map.of("env", "test*")}.
         * @default none
         */
        public Builder excludeTagPatterns(Map<String, String> excludeTagPatterns) {
            this.excludeTagPatterns = excludeTagPatterns;
            return this;
        }

        /** Resources not backed up though selected, by ARN (NotResources; wildcards allowed). @default none */
        public Builder excludeResources(List<String> excludeResources) {
            this.excludeResources = excludeResources;
            return this;
        }

        /**
         * Application-consistent backups of Windows EC2 instances with the Volume Shadow Copy Service
         * (advanced backup setting WindowsVSS for the EC2 resource type). The instances need the VSS
         * components and an instance role that allows them; see the AWS Backup guide.
         * @default false
         */
        public Builder windowsVss(boolean windowsVss) {
            this.windowsVss = windowsVss;
            return this;
        }

        public BackupVaultProps build() {
            return new BackupVaultProps(this);
        }
    }
}
