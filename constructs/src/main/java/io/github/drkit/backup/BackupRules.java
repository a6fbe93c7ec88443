package io.github.drkit.backup;

import io.github.drkit.internal.protection.Durations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Token;

import java.util.Map;

/**
 * The AWS Backup rules a {@link BackupVaultProps} must follow, checked before anything is built so
 * that a mistake fails {@code cdk synth} with the prop's name, the value and the rule instead of a
 * failed deployment. Token values are skipped.
 */
final class BackupRules {
    private static final double COLD_MINIMUM_DAYS = 90;

    private BackupRules() {
    }

    static void check(BackupVaultProps p) {
        String name = p.backupVaultName();
        if (name != null && !Token.isUnresolved(name) && !name.matches("[a-zA-Z0-9\\-_]{2,50}")) {
            throw error("backupVaultName must be 2-50 letters, digits, '-' or '_' (got '" + name + "')");
        }
        checkLock(p.vaultLock());
        if (!p.hasPlan()) {
            String needsPlan = !p.copyTo().isEmpty() ? "copyTo" : p.restoreTesting() != null ? "restoreTesting"
                    : p.continuousBackup() ? "continuousBackup" : null;
            if (needsPlan != null) {
                throw error(needsPlan + " needs a backup plan: select resources with backupResources or backupTags");
            }
            return;
        }
        for (Map.Entry<String, String> tag : p.backupTags().entrySet()) {
            if (tag.getKey().isBlank()) {
                throw error("backupTags keys must not be blank (got '" + tag.getKey() + "' = '" + tag.getValue() + "')");
            }
        }
        Duration rpo = p.rpo();
        if (Durations.known(rpo)) {
            if (Durations.minutes(rpo) <= 0) {
                throw error("rpo must be positive (got " + human(rpo) + ")");
            }
            if (Durations.hours(rpo) < 1 && !p.continuousBackup()) {
                throw error("rpo must be at least 1 hour for scheduled backups (got " + human(rpo) + "): AWS Backup runs "
                        + "scheduled backups at most hourly; set continuousBackup(true) for point-in-time recovery "
                        + "(RDS, Aurora, S3, SAP HANA on EC2)");
            }
        }
        if (Durations.known(p.startWindow()) && Durations.minutes(p.startWindow()) < 60) {
            throw error("startWindow must be at least 1 hour (got " + human(p.startWindow()) + "): AWS Backup's minimum start window");
        }
        if (Durations.known(p.completionWindow()) && Durations.minutes(p.completionWindow()) < 60) {
            throw error("completionWindow must be at least 1 hour (got " + human(p.completionWindow()) + ")");
        }
        if (p.continuousBackup()) {
            if (Durations.known(p.retention()) && (Durations.days(p.retention()) < 1 || Durations.days(p.retention()) > 35)) {
                throw error("retention must be between 1 and 35 days with continuousBackup (got " + human(p.retention())
                        + "): AWS Backup keeps continuous backups at most 35 days");
            }
            if (p.moveToColdStorageAfter() != null) {
                throw error("moveToColdStorageAfter must not be set with continuousBackup (got " + human(p.moveToColdStorageAfter())
                        + "): continuous backups cannot move to cold storage");
            }
        }
        checkRetention("retention", p.retention(), "moveToColdStorageAfter", p.moveToColdStorageAfter());
        VaultLock lock = p.vaultLock();
        if (lock != null && Durations.known(p.retention())) {
            double days = Durations.days(p.retention());
            boolean belowMin = Durations.known(lock.minRetention()) && days < Durations.days(lock.minRetention());
            boolean aboveMax = Durations.known(lock.maxRetention()) && days > Durations.days(lock.maxRetention());
            if (belowMin || aboveMax) {
                throw error("retention (" + human(p.retention()) + ") must be inside the Vault Lock bounds (minRetention "
                        + human(lock.minRetention()) + ", maxRetention " + (lock.maxRetention() == null ? "none" : human(lock.maxRetention()))
                        + "): AWS Backup fails backup jobs whose retention is outside them");
            }
        }
        for (int i = 0; i < p.copyTo().size(); i++) {
            BackupCopy c = p.copyTo().get(i);
            String prefix = "copyTo[" + i + "].";
            if (c.region() == null) {
                throw error(prefix + "region is required when destinationVaultArn is a token (got " + c.destinationVaultArn()
                        + "): the recovery estimate needs the Region the copy lands in");
            }
            Duration retention = c.retention() != null ? c.retention() : p.retention();
            checkRetention(prefix + "retention", retention, prefix + "moveToColdStorageAfter", c.moveToColdStorageAfter());
        }
        RestoreTesting rt = p.restoreTesting();
        if (rt != null) {
            if (!RestoreTesting.RESOURCE_TYPES.contains(rt.protectedResourceType())) {
                throw error("restoreTesting.protectedResourceType must be one of " + new java.util.TreeSet<>(RestoreTesting.RESOURCE_TYPES)
                        + " (got '" + rt.protectedResourceType() + "')");
            }
            range("restoreTesting.selectionWindowDays", rt.selectionWindowDays(), 1, 365);
            range("restoreTesting.startWindowHours", rt.startWindowHours(), 1, 168);
            if (rt.validationWindowHours() != null) {
                range("restoreTesting.validationWindowHours", rt.validationWindowHours(), 0, 168);
            }
        }
    }

    private static void checkLock(VaultLock lock) {
        if (lock == null) {
            return;
        }
        if (Durations.known(lock.minRetention()) && Durations.days(lock.minRetention()) < 1) {
            throw error("vaultLock.minRetention must be at least 1 day (got " + human(lock.minRetention()) + ")");
        }
        if (Durations.known(lock.maxRetention())) {
            if (Durations.days(lock.maxRetention()) > 36_500) {
                throw error("vaultLock.maxRetention must be at most 36500 days (got " + human(lock.maxRetention()) + ")");
            }
            if (Durations.known(lock.minRetention()) && Durations.days(lock.maxRetention()) < Durations.days(lock.minRetention())) {
                throw error("vaultLock.maxRetention (" + human(lock.maxRetention()) + ") must not be shorter than vaultLock.minRetention ("
                        + human(lock.minRetention()) + ")");
            }
        }
        if (lock.mode() == VaultLock.Mode.COMPLIANCE && Durations.known(lock.changeableFor())
                && Durations.hours(lock.changeableFor()) < 72) {
            throw error("vaultLock.changeableFor must be at least 72 hours (got " + human(lock.changeableFor()) + "): a compliance-mode "
                    + "Vault Lock has a cooling-off period of at least 72 hours before it becomes immutable");
        }
        if (lock.mode() == VaultLock.Mode.COMPLIANCE && Durations.known(lock.changeableFor())
                && Durations.days(lock.changeableFor()) != Math.rint(Durations.days(lock.changeableFor()))) {
            throw error("vaultLock.changeableFor must be a whole number of days (got " + human(lock.changeableFor()) + ")");
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
