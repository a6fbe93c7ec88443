package io.github.drkit.objectives;

import io.github.drkit.backup.AirGappedVault;
import io.github.drkit.backup.AirGappedVaultProps;
import io.github.drkit.backup.BackupAuditFramework;
import io.github.drkit.backup.BackupAuditFrameworkProps;
import io.github.drkit.backup.BackupCopy;
import io.github.drkit.backup.BackupRule;
import io.github.drkit.backup.BackupVault;
import io.github.drkit.backup.BackupVaultProps;
import io.github.drkit.backup.VaultLock;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The DR summary shows what the backup constructs declare; the standby cost counts the air-gapped copies. */
class BackupProtectionsSummaryTest {

    private static Stack stack(boolean sized) {
        Stack stack = new Stack(new App(), "Backups", StackProps.builder()
                .env(Environment.builder().account("111111111111").region("us-east-1").build()).build());
        AirGappedVault airGapped = new AirGappedVault(stack, "AirGapped", AirGappedVaultProps.builder()
                .minRetention(Duration.days(7)).maxRetention(Duration.days(35)).build());
        if (sized) {
            StandbyCost.storageEstimate(airGapped, 100);
        }
        BackupVault vault = new BackupVault(stack, "Vault", BackupVaultProps.builder()
                .backupTags(Map.of("backup", "tiered"))
                .excludeTags(Map.of("ephemeral", "true"))
                .vaultLock(VaultLock.governance(Duration.days(7), Duration.days(2555)))
                .rules(List.of(BackupRule.hourly(Duration.days(7))
                                .copyTo(List.of(BackupCopy.toVault("recovery", "us-west-2", "111111111111").build())).build(),
                        BackupRule.daily(Duration.days(35)).copyTo(List.of(BackupCopy.toAirGappedVault(airGapped).build())).build()))
                .build());
        new BackupAuditFramework(stack, "Audit", BackupAuditFrameworkProps.builder().vault(vault).build());
        return stack;
    }

    @Test
    void summary_whenVaultAirGappedCopyAndFramework_listsTheirProtections() {
        StackSummary s = StackSummary.of(stack(true), PriceTable.bundled());
        List<Map<String, Object>> p = s.protections();
        assertEquals(List.of("logically air-gapped vault", "backup vault", "audit framework"), p.stream().map(m -> m.get("kind")).toList());
        assertEquals("compliance mode, 7 days to 35 days", p.get(0).get("lock"));
        assertEquals("GOVERNANCE 7 days to 2555 days", p.get(1).get("vaultLock"));
        assertEquals(Map.of("ephemeral", "true"), p.get(1).get("excludeTags"));
        String json = DrSummary.from(List.of(s), PriceTable.bundled()).toJson();
        assertTrue(json.contains("\"BACKUP_RESOURCES_PROTECTED_BY_CROSS_REGION {crossRegionList=us-west-2}\""), json);
        assertTrue(json.contains("air-gapped vault Backups/AirGapped in us-east-1 kept 35 days"), json);
    }

    @Test
    void standbyCost_whenAirGappedVaultSized_pricesTheSecondCopyAndNotTheAuditResources() {
        StandbyCost cost = StandbyCost.of(stack(true));
        CostLine line = cost.lines().stream().filter(l -> l.resourceType().equals("AWS::Backup::LogicallyAirGappedBackupVault"))
                .findFirst().orElseThrow();
        assertEquals(100 * 0.05, line.monthlyUsd(), 1e-9);
        assertTrue(line.description().startsWith("100 GB of recovery points copied into the logically air-gapped vault"), line.description());
        assertTrue(cost.unpriced().stream().noneMatch(u -> u.contains("Framework") || u.contains("ReportPlan")), cost.unpriced().toString());
    }

    @Test
    void standbyCost_whenAirGappedVaultNotSized_listsItAsUnpriced() {
        StandbyCost cost = StandbyCost.of(stack(false));
        assertTrue(cost.unpriced().stream().anyMatch(u -> u.contains("AWS::Backup::LogicallyAirGappedBackupVault")
                && u.contains("StandbyCost.storageEstimate")), cost.unpriced().toString());
    }
}
