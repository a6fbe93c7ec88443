package io.github.drkit.backup;

import io.github.drkit.internal.protection.Durations;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Token;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The AWS Backup Audit Manager controls a {@link BackupVault}'s declarations call for, with their
 * input parameters (AWS Backup Developer Guide, "Choosing your controls").
 */
final class AuditControls {
    private AuditControls() {
    }

    /** The controls a vault's declarations call for. */
    static List<AuditControl> of(BackupVault vault) {
        BackupVaultProps p = vault.getProps();
        List<AuditControl> out = new ArrayList<>();
        BackupRule frequent = null;
        BackupRule shortest = null;
        for (BackupRule r : p.getRules()) {
            if (frequent == null || interval(r).compareTo(interval(frequent)) < 0) {
                frequent = r;
            }
            if (Durations.known(r.getRetention()) && (shortest == null || Durations.days(r.getRetention()) < Durations.days(shortest.getRetention()))) {
                shortest = r;
            }
        }
        java.time.Duration every = interval(frequent);
        Map<String, String> frequency = new LinkedHashMap<>();
        if (every.toHours() < 24) {
            frequency.put("requiredFrequencyUnit", "hours");
            frequency.put("requiredFrequencyValue", String.valueOf(every.toHours()));
        } else {
            frequency.put("requiredFrequencyUnit", "days");
            frequency.put("requiredFrequencyValue", String.valueOf(every.toDays()));
        }
        if (Durations.known(frequent.getRetention())) {
            frequency.put("requiredRetentionDays", days(frequent.getRetention()));
        }
        out.add(new AuditControl("BACKUP_PLAN_MIN_FREQUENCY_AND_MIN_RETENTION_CHECK", frequency,
                "the most frequent rule: every " + Durations.human(frequent.getFrequency()) + ", kept " + Durations.human(frequent.getRetention())));
        if (shortest != null) {
            out.add(new AuditControl("BACKUP_RECOVERY_POINT_MINIMUM_RETENTION_CHECK",
                    Map.of("requiredRetentionDays", days(shortest.getRetention())),
                    "the shortest retention of the rules: " + Durations.human(shortest.getRetention())));
        }
        out.add(new AuditControl("BACKUP_RECOVERY_POINT_ENCRYPTED", Map.of(), "the vault's KMS key"));
        out.add(new AuditControl("BACKUP_RESOURCES_PROTECTED_BY_BACKUP_PLAN", Map.of(), "the plan's selections"));
        if (p.getBlockRecoveryPointDeletion()) {
            out.add(new AuditControl("BACKUP_RECOVERY_POINT_MANUAL_DELETION_DISABLED", Map.of(),
                    "blockRecoveryPointDeletion: the access policy denies backup:DeleteRecoveryPoint"));
        }
        VaultLock lock = p.getVaultLock();
        if (lock != null) {
            Map<String, String> bounds = new LinkedHashMap<>();
            if (Durations.known(lock.getMinRetention())) {
                bounds.put("minRetentionDays", days(lock.getMinRetention()));
            }
            if (lock.getMaxRetention() != null && Durations.known(lock.getMaxRetention())) {
                bounds.put("maxRetentionDays", days(lock.getMaxRetention()));
            }
            out.add(new AuditControl("BACKUP_RESOURCES_PROTECTED_BY_BACKUP_VAULT_LOCK", bounds, "vaultLock (" + lock.getMode() + ")"));
        }
        Stack stack = Stack.of(vault);
        Set<String> regions = new java.util.TreeSet<>();
        Set<String> accounts = new java.util.TreeSet<>();
        for (BackupRule r : p.getRules()) {
            for (BackupCopy c : r.getCopyTo()) {
                if (c.getRegion() != null && !Token.isUnresolved(c.getRegion())
                        && (Token.isUnresolved(stack.getRegion()) || !c.getRegion().equals(stack.getRegion()))) {
                    regions.add(c.getRegion());
                }
                String account = accountOf(c.getDestinationVaultArn());
                if (account != null && !Token.isUnresolved(stack.getAccount()) && !account.equals(stack.getAccount())) {
                    accounts.add(account);
                }
            }
        }
        if (!regions.isEmpty()) {
            out.add(new AuditControl("BACKUP_RESOURCES_PROTECTED_BY_CROSS_REGION", Map.of("crossRegionList", String.join(",", regions)),
                    "copyTo " + String.join(", ", regions)));
        }
        if (!accounts.isEmpty()) {
            out.add(new AuditControl("BACKUP_RESOURCES_PROTECTED_BY_CROSS_ACCOUNT", Map.of("crossAccountList", String.join(",", accounts)),
                    "copyTo accounts " + String.join(", ", accounts)));
        }
        return List.copyOf(out);
    }

    private static String accountOf(String arn) {
        if (arn == null) {
            return null;
        }
        // An ARN built with the partition token still has its account literal in the fifth field.
        String[] parts = arn.split(":");
        return parts.length > 4 && parts[4].matches("\\d{12}") ? parts[4] : null;
    }

    private static java.time.Duration interval(BackupRule r) {
        return BackupSchedule.forRpo(r.getFrequency()).interval();
    }

    private static String days(software.amazon.awscdk.Duration d) {
        return String.valueOf((long) Math.ceil(Durations.days(d)));
    }
}
