package io.github.drkit.backup;

import io.github.drkit.internal.protection.Durations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Token;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The AWS Backup rules a {@link BackupVaultProps} must follow, checked before anything is built so
 * that a mistake fails {@code cdk synth} with the prop's name, the value and the rule instead of a
 * failed deployment. Token values are skipped. docs/data-protection.md names the source of each rule.
 */
final class BackupRules {
    private static final double COLD_MINIMUM_DAYS = 90;

    private BackupRules() {
    }

    static void check(BackupVaultProps p) {
        String name = p.getBackupVaultName();
        if (name != null && !Token.isUnresolved(name) && !name.matches("[a-zA-Z0-9\\-_]{2,50}")) {
            throw error("backupVaultName must be 2-50 letters, digits, '-' or '_' (got '" + name + "')");
        }
        checkLock(p.getVaultLock());
        if (!p.setBesideRules().isEmpty()) {
            throw error(String.join(", ", p.setBesideRules()) + " must not be set with rules (got " + p.getRules().size()
                    + " rules): each rule has its own schedule, retention and copies");
        }
        if (!p.hasPlan()) {
            String needsPlan = !p.getCopyTo().isEmpty() ? "copyTo" : p.getRestoreTesting() != null ? "restoreTesting"
                    : p.getContinuousBackup() ? "continuousBackup" : p.hasExclusions() ? exclusionProp(p)
                    : p.getWindowsVss() ? "windowsVss" : null;
            if (needsPlan != null) {
                throw error(needsPlan + " needs a backup plan: select resources with backupResources or backupTags");
            }
            return;
        }
        checkTags("backupTags", p.getBackupTags());
        checkExclusions(p);
        if (Durations.known(p.getStartWindow()) && Durations.minutes(p.getStartWindow()) < 60) {
            throw error("startWindow must be at least 1 hour (got " + human(p.getStartWindow()) + "): AWS Backup's minimum start window");
        }
        if (Durations.known(p.getCompletionWindow()) && Durations.minutes(p.getCompletionWindow()) < 60) {
            throw error("completionWindow must be at least 1 hour (got " + human(p.getCompletionWindow()) + ")");
        }
        if (p.getRules().isEmpty()) {
            throw error("rules must name at least one rule (got an empty list)");
        }
        boolean single = !p.hasOwnRules();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < p.getRules().size(); i++) {
            BackupRule r = p.getRules().get(i);
            // The one-rule form reports the props the user set, not a rule they never wrote.
            String prefix = single ? "" : "rules[" + i + "].";
            String ruleName = ruleName(r, i);
            if (!Token.isUnresolved(ruleName) && !ruleName.matches("[a-zA-Z0-9\\-_.]{1,50}")) {
                throw error(prefix + "ruleName must be 1-50 letters, digits, '-', '_' or '.' (got '" + ruleName + "')");
            }
            if (!names.add(ruleName)) {
                throw error(prefix + "ruleName must be unique in the plan (got '" + ruleName + "' twice)");
            }
            checkRule(prefix, single ? "rpo" : prefix + "frequency", r, p.getVaultLock());
        }
        RestoreTesting rt = p.getRestoreTesting();
        if (rt != null) {
            if (!RestoreTesting.RESOURCE_TYPES.contains(rt.getProtectedResourceType())) {
                throw error("restoreTesting.protectedResourceType must be one of " + new java.util.TreeSet<>(RestoreTesting.RESOURCE_TYPES)
                        + " (got '" + rt.getProtectedResourceType() + "')");
            }
            if (rt.getValidation() && !RestoreValidationFunction.VALIDATED_TYPES.contains(rt.getProtectedResourceType())) {
                throw error("restoreTesting.validation needs a protectedResourceType of " + RestoreValidationFunction.VALIDATED_TYPES
                        + ", whose restored resources the validation function can check (got " + rt.getProtectedResourceType() + ")");
            }
            if (rt.getValidation() && rt.getValidationWindowHours() != null && rt.getValidationWindowHours() == 0) {
                throw error("restoreTesting.validationWindowHours must be at least 1 with validation: AWS Backup deletes the restored "
                        + "resource when the window closes, before it can be checked (got 0)");
            }
            range("restoreTesting.selectionWindowDays", rt.getSelectionWindowDays(), 1, 365);
            range("restoreTesting.startWindowHours", rt.getStartWindowHours(), 1, 168);
            if (rt.getValidationWindowHours() != null) {
                range("restoreTesting.validationWindowHours", rt.getValidationWindowHours(), 0, 168);
            }
        }
    }

    /** A rule's name in the plan: its own, or "Rule" + its position. */
    static String ruleName(BackupRule r, int index) {
        return r.getRuleName() != null ? r.getRuleName() : "Rule" + (index + 1);
    }

    private static void checkRule(String prefix, String frequencyProp, BackupRule r, VaultLock lock) {
        Duration frequency = r.getFrequency();
        if (Durations.known(frequency)) {
            if (Durations.minutes(frequency) <= 0) {
                throw error(frequencyProp + " must be positive (got " + human(frequency) + ")");
            }
            if (Durations.hours(frequency) < 1 && !r.getContinuousBackup()) {
                throw error(frequencyProp + " must be at least 1 hour for scheduled backups (got " + human(frequency) + "): AWS Backup runs "
                        + "scheduled backups at most hourly; set continuousBackup(true) for point-in-time recovery "
                        + "(RDS, Aurora, S3, SAP HANA on EC2)");
            }
        }
        Duration retention = r.getRetention();
        if (r.getContinuousBackup()) {
            if (Durations.known(retention) && (Durations.days(retention) < 1 || Durations.days(retention) > 35)) {
                throw error(prefix + "retention must be between 1 and 35 days with continuousBackup (got " + human(retention)
                        + "): AWS Backup keeps continuous backups at most 35 days");
            }
            if (r.getMoveToColdStorageAfter() != null) {
                throw error(prefix + "moveToColdStorageAfter must not be set with continuousBackup (got " + human(r.getMoveToColdStorageAfter())
                        + "): continuous backups cannot move to cold storage");
            }
        }
        checkRetention(prefix + "retention", retention, prefix + "moveToColdStorageAfter", r.getMoveToColdStorageAfter());
        if (lock != null && Durations.known(retention)) {
            double days = Durations.days(retention);
            boolean belowMin = Durations.known(lock.getMinRetention()) && days < Durations.days(lock.getMinRetention());
            boolean aboveMax = Durations.known(lock.getMaxRetention()) && days > Durations.days(lock.getMaxRetention());
            if (belowMin || aboveMax) {
                throw error(prefix + "retention (" + human(retention) + ") must be inside the Vault Lock bounds (minRetention "
                        + human(lock.getMinRetention()) + ", maxRetention " + (lock.getMaxRetention() == null ? "none" : human(lock.getMaxRetention()))
                        + "): AWS Backup fails backup jobs whose retention is outside them");
            }
        }
        for (int i = 0; i < r.getCopyTo().size(); i++) {
            BackupCopy c = r.getCopyTo().get(i);
            String copy = prefix + "copyTo[" + i + "].";
            if (c.getRegion() == null) {
                throw error(copy + "region is required when destinationVaultArn is a token (got " + c.getDestinationVaultArn()
                        + "): the recovery estimate needs the Region the copy lands in");
            }
            Duration copyRetention = c.getRetention() != null ? c.getRetention() : retention;
            checkRetention(copy + "retention", copyRetention, copy + "moveToColdStorageAfter", c.getMoveToColdStorageAfter());
            AirGappedVault airGapped = c.getAirGappedVault();
            if (airGapped != null && Durations.known(copyRetention)) {
                double days = Durations.days(copyRetention);
                if ((Durations.known(airGapped.getMinRetention()) && days < Durations.days(airGapped.getMinRetention()))
                        || (Durations.known(airGapped.getMaxRetention()) && days > Durations.days(airGapped.getMaxRetention()))) {
                    throw error(copy + "retention (" + human(copyRetention) + ") must be inside the air-gapped vault's bounds (minRetention "
                            + human(airGapped.getMinRetention()) + ", maxRetention " + human(airGapped.getMaxRetention())
                            + "): AWS Backup fails copy jobs whose retention is outside them");
                }
            }
        }
    }

    private static void checkExclusions(BackupVaultProps p) {
        checkTags("excludeTags", p.getExcludeTags());
        checkTags("excludeTagPatterns", p.getExcludeTagPatterns());
        for (Map.Entry<String, String> tag : p.getExcludeTagPatterns().entrySet()) {
            if (tag.getValue().chars().allMatch(ch -> ch == '*')) {
                throw error("excludeTagPatterns['" + tag.getKey() + "'] must not match every value (got '" + tag.getValue()
                        + "'): it would exclude every selected resource that has the tag; name the values to exclude");
            }
        }
        for (Map.Entry<String, String> tag : p.getExcludeTags().entrySet()) {
            if (tag.getValue().equals(p.getBackupTags().get(tag.getKey()))) {
                throw error("excludeTags['" + tag.getKey() + "'] = '" + tag.getValue() + "' excludes every resource backupTags selects "
                        + "(got the same tag in both): nothing would be backed up");
            }
        }
        List<String> excluded = p.getExcludeResources();
        for (int i = 0; i < excluded.size(); i++) {
            String arn = excluded.get(i);
            if (arn == null || (!Token.isUnresolved(arn) && !arn.startsWith("arn:"))) {
                throw error("excludeResources[" + i + "] must be an ARN (got '" + arn + "')");
            }
        }
    }

    private static void checkTags(String prop, Map<String, String> tags) {
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            if (tag.getKey().isBlank()) {
                throw error(prop + " keys must not be blank (got '" + tag.getKey() + "' = '" + tag.getValue() + "')");
            }
            if (!prop.equals("backupTags") && tag.getValue().isEmpty()) {
                throw error(prop + "['" + tag.getKey() + "'] must name a value (got ''): an empty value names nothing to exclude");
            }
        }
    }

    private static String exclusionProp(BackupVaultProps p) {
        return !p.getExcludeTags().isEmpty() ? "excludeTags" : !p.getExcludeTagPatterns().isEmpty() ? "excludeTagPatterns" : "excludeResources";
    }

    private static void checkLock(VaultLock lock) {
        if (lock == null) {
            return;
        }
        if (Durations.known(lock.getMinRetention()) && Durations.days(lock.getMinRetention()) < 1) {
            throw error("vaultLock.minRetention must be at least 1 day (got " + human(lock.getMinRetention()) + ")");
        }
        if (Durations.known(lock.getMaxRetention())) {
            if (Durations.days(lock.getMaxRetention()) > 36_500) {
                throw error("vaultLock.maxRetention must be at most 36500 days (got " + human(lock.getMaxRetention()) + ")");
            }
            if (Durations.known(lock.getMinRetention()) && Durations.days(lock.getMaxRetention()) < Durations.days(lock.getMinRetention())) {
                throw error("vaultLock.maxRetention (" + human(lock.getMaxRetention()) + ") must not be shorter than vaultLock.minRetention ("
                        + human(lock.getMinRetention()) + ")");
            }
        }
        if (lock.getMode() == VaultLock.Mode.COMPLIANCE && Durations.known(lock.getChangeableFor())
                && Durations.hours(lock.getChangeableFor()) < 72) {
            throw error("vaultLock.changeableFor must be at least 72 hours (got " + human(lock.getChangeableFor()) + "): a compliance-mode "
                    + "Vault Lock has a cooling-off period of at least 72 hours before it becomes immutable");
        }
        if (lock.getMode() == VaultLock.Mode.COMPLIANCE && Durations.known(lock.getChangeableFor())
                && Durations.days(lock.getChangeableFor()) != Math.rint(Durations.days(lock.getChangeableFor()))) {
            throw error("vaultLock.changeableFor must be a whole number of days (got " + human(lock.getChangeableFor()) + ")");
        }
    }

    private static void checkRetention(String retentionProp, Duration retention, String coldProp, Duration cold) {
        if (Durations.known(retention) && Durations.days(retention) < 1) {
            throw error(retentionProp + " must be at least 1 day (got " + human(retention) + ")");
        }
        if (Durations.known(retention) && Durations.known(cold)
                && Durations.days(retention) < Durations.days(cold) + COLD_MINIMUM_DAYS) {
            throw error(retentionProp + " (" + human(retention) + ") must be at least " + coldProp + " (" + human(cold)
                    + ") + 90 days: AWS Backup keeps recovery points in cold storage at least 90 days");
        }
    }

    private static void range(String prop, int value, int min, int max) {
        if (value < min || value > max) {
            throw error(prop + " must be between " + min + " and " + max + " (got " + value + ")");
        }
    }

    static IllegalArgumentException error(String message) {
        return new IllegalArgumentException("BackupVault: " + message);
    }

    private static String human(Duration d) {
        return Durations.human(d);
    }
}
