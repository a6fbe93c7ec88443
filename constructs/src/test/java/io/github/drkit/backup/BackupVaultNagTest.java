package io.github.drkit.backup;

import io.github.drkit.internal.protection.NagFindings;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BackupVaultNagTest {

    @Test
    void awsSolutionsChecks_whenEveryOption_reportNoUnsuppressedFinding() {
        Stack stack = BackupVaultTest.stack();
        new BackupVault(stack, "Vault", BackupVaultProps.builder()
                .rpo(Duration.hours(1))
                .retention(Duration.days(35))
                .backupTags(Map.of("backup", "hourly"))
                .backupResources(List.of("arn:aws:ec2:*:*:volume/*"))
                .copyTo(List.of(BackupVaultTest.recoveryCopy()))
                .vaultLock(VaultLock.compliance(Duration.days(7), Duration.days(365)))
                .restoreTesting(RestoreTesting.builder().protectedResourceType("EBS").build())
                .build());
        assertEquals(List.of(), NagFindings.errors(stack));
    }

    /** The ransomware and audit options together: rules, exclusions, VSS, a shared air-gapped vault, a framework, a hold. */
    static Stack everyIssue17Option() {
        Stack stack = BackupVaultTest.stack();
        AirGappedVault airGapped = new AirGappedVault(stack, "AirGapped", AirGappedVaultProps.builder()
                .minRetention(Duration.days(7)).maxRetention(Duration.days(35)).shareWith(List.of("222222222222")).build());
        BackupVault vault = new BackupVault(stack, "Vault", BackupVaultProps.builder()
                .backupVaultName("orders-primary")
                .backupTags(Map.of("backup", "tiered"))
                .backupResources(List.of("arn:aws:ec2:*:*:volume/*"))
                .excludeTags(Map.of("ephemeral", "true"))
                .excludeTagPatterns(Map.of("Name", "scratch-*"))
                .excludeResources(List.of("arn:aws:ec2:us-east-1:111111111111:volume/vol-0123456789abcdef0"))
                .windowsVss(true)
                .vaultLock(VaultLock.governance(Duration.days(2), Duration.days(2555)))
                .rules(List.of(BackupRule.hourly(Duration.days(2)).copyTo(List.of(BackupVaultTest.recoveryCopy())).build(),
                        BackupRule.daily(Duration.days(35)).copyTo(List.of(BackupCopy.toAirGappedVault(airGapped).build())).build(),
                        BackupRule.monthly(Duration.days(2555)).moveToColdStorageAfter(Duration.days(90)).build()))
                .build());
        new BackupAuditFramework(stack, "Audit", BackupAuditFrameworkProps.builder().vault(vault).build());
        new LegalHold(stack, "Hold", LegalHoldProps.builder().backupVaultNames(List.of("orders-primary")).title("case-4711")
                .description("Litigation hold").fromDate(java.time.Instant.parse("2026-01-01T00:00:00Z"))
                .toDate(java.time.Instant.parse("2026-06-30T00:00:00Z")).cancelOnDelete(true).build());
        return stack;
    }

    @Test
    void awsSolutionsChecks_whenRulesExclusionsAirGappedAuditAndHold_reportNoUnsuppressedFinding() {
        assertEquals(List.of(), NagFindings.errors(everyIssue17Option()));
    }
}
