package io.github.drkit.backup;

import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Duration;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BackupVaultValidationTest {
    private static final Map<String, String> TAGS = Map.of("backup", "daily");

    private static String message(BackupVaultProps.Builder props) {
        return assertThrows(IllegalArgumentException.class,
                () -> new BackupVault(BackupVaultTest.stack(), "Vault", props.build())).getMessage();
    }

    private static BackupVaultProps.Builder planned() {
        return BackupVaultProps.builder().backupTags(TAGS);
    }

    @Test
    void constructor_whenRetentionShorterThanColdPlus90_fails() {
        assertEquals("BackupVault: retention (100 days) must be at least moveToColdStorageAfter (30 days) + 90 days: AWS Backup "
                + "keeps recovery points in cold storage at least 90 days",
                message(planned().retention(Duration.days(100)).moveToColdStorageAfter(Duration.days(30))));
    }

    @Test
    void constructor_whenCopyRetentionShorterThanColdPlus90_fails() {
        assertEquals("BackupVault: copyTo[0].retention (35 days) must be at least copyTo[0].moveToColdStorageAfter (1 day) + 90 "
                + "days: AWS Backup keeps recovery points in cold storage at least 90 days",
                message(planned().copyTo(List.of(BackupCopy.toVault("v", "us-west-2", "111111111111")
                        .moveToColdStorageAfter(Duration.days(1)).build()))));
    }

    @Test
    void constructor_whenContinuousRetentionOver35Days_fails() {
        assertEquals("BackupVault: retention must be between 1 and 35 days with continuousBackup (got 36 days): AWS Backup keeps "
                + "continuous backups at most 35 days",
                message(planned().continuousBackup(true).retention(Duration.days(36))));
    }

    @Test
    void constructor_whenContinuousWithColdStorage_fails() {
        assertEquals("BackupVault: moveToColdStorageAfter must not be set with continuousBackup (got 1 day): continuous backups "
                + "cannot move to cold storage",
                message(planned().continuousBackup(true).retention(Duration.days(35)).moveToColdStorageAfter(Duration.days(1))));
    }

    @Test
    void constructor_whenRpoUnderAnHourWithoutContinuous_fails() {
        assertEquals("BackupVault: rpo must be at least 1 hour for scheduled backups (got 30 minutes): AWS Backup runs scheduled "
                + "backups at most hourly; set continuousBackup(true) for point-in-time recovery (RDS, Aurora, S3, SAP HANA on EC2)",
                message(planned().rpo(Duration.minutes(30))));
    }

    @Test
    void constructor_whenRpoZero_fails() {
        assertEquals("BackupVault: rpo must be positive (got 0 minutes)", message(planned().rpo(Duration.minutes(0))));
    }

    @Test
    void constructor_whenRetentionOutsideLockBounds_fails() {
        assertEquals("BackupVault: retention (35 days) must be inside the Vault Lock bounds (minRetention 60 days, maxRetention "
                + "365 days): AWS Backup fails backup jobs whose retention is outside them",
                message(planned().vaultLock(VaultLock.governance(Duration.days(60), Duration.days(365)))));
        assertEquals("BackupVault: retention (35 days) must be inside the Vault Lock bounds (minRetention 1 day, maxRetention "
                + "30 days): AWS Backup fails backup jobs whose retention is outside them",
                message(planned().vaultLock(VaultLock.governance(Duration.days(1), Duration.days(30)))));
    }

    @Test
    void constructor_whenCoolingOffUnder72Hours_fails() {
        assertEquals("BackupVault: vaultLock.changeableFor must be at least 72 hours (got 2 days): a compliance-mode Vault Lock "
                + "has a cooling-off period of at least 72 hours before it becomes immutable",
                message(BackupVaultProps.builder().vaultLock(VaultLock.compliance(Duration.days(1), Duration.days(30), Duration.days(2)))));
    }

    @Test
    void constructor_whenCoolingOffFractionalDays_fails() {
        assertEquals("BackupVault: vaultLock.changeableFor must be a whole number of days (got 3 days 12 hours)",
                message(BackupVaultProps.builder().vaultLock(VaultLock.compliance(Duration.days(1), Duration.days(30), Duration.hours(84)))));
    }

    @Test
    void constructor_whenLockMaxOver36500Days_fails() {
        assertEquals("BackupVault: vaultLock.maxRetention must be at most 36500 days (got 36501 days)",
                message(BackupVaultProps.builder().vaultLock(VaultLock.governance(Duration.days(1), Duration.days(36501)))));
    }

    @Test
    void constructor_whenLockMaxBelowMin_fails() {
        assertEquals("BackupVault: vaultLock.maxRetention (10 days) must not be shorter than vaultLock.minRetention (30 days)",
                message(BackupVaultProps.builder().vaultLock(VaultLock.governance(Duration.days(30), Duration.days(10)))));
    }

    @Test
    void constructor_whenLockMinUnderOneDay_fails() {
        assertEquals("BackupVault: vaultLock.minRetention must be at least 1 day (got 12 hours)",
                message(BackupVaultProps.builder().vaultLock(VaultLock.governance(Duration.hours(12), null))));
    }

    @Test
    void constructor_whenStartWindowUnderAnHour_fails() {
        assertEquals("BackupVault: startWindow must be at least 1 hour (got 30 minutes): AWS Backup's minimum start window",
                message(planned().startWindow(Duration.minutes(30))));
    }

    @Test
    void constructor_whenCompletionWindowUnderAnHour_fails() {
        assertEquals("BackupVault: completionWindow must be at least 1 hour (got 30 minutes)",
                message(planned().completionWindow(Duration.minutes(30))));
    }

    @Test
    void constructor_whenRetentionUnderADay_fails() {
        assertEquals("BackupVault: retention must be at least 1 day (got 12 hours)", message(planned().retention(Duration.hours(12))));
    }

    @Test
    void constructor_whenCopyWithoutPlan_fails() {
        assertEquals("BackupVault: copyTo needs a backup plan: select resources with backupResources or backupTags",
                message(BackupVaultProps.builder().copyTo(List.of(BackupCopy.toVault("v", "us-west-2", "111111111111").build()))));
        assertEquals("BackupVault: restoreTesting needs a backup plan: select resources with backupResources or backupTags",
                message(BackupVaultProps.builder().restoreTesting(RestoreTesting.builder().protectedResourceType("EBS").build())));
        assertEquals("BackupVault: continuousBackup needs a backup plan: select resources with backupResources or backupTags",
                message(BackupVaultProps.builder().continuousBackup(true)));
    }

    @Test
    void constructor_whenCopyRegionUnknown_fails() {
        String m = message(planned().copyTo(List.of(BackupCopy.builder()
                .destinationVaultArn(software.amazon.awscdk.Fn.importValue("VaultArn")).build())));
        assertEquals(true, m.startsWith("BackupVault: copyTo[0].region is required when destinationVaultArn is a token (got ${Token["), m);
        assertEquals(true, m.endsWith("): the recovery estimate needs the Region the copy lands in"), m);
    }

    @Test
    void constructor_whenVaultNameInvalid_fails() {
        assertEquals("BackupVault: backupVaultName must be 2-50 letters, digits, '-' or '_' (got 'my vault')",
                message(BackupVaultProps.builder().backupVaultName("my vault")));
    }

    @Test
    void constructor_whenBlankTagKey_fails() {
        assertEquals("BackupVault: backupTags keys must not be blank (got ' ' = 'x')",
                message(BackupVaultProps.builder().backupTags(Map.of(" ", "x"))));
    }

    @Test
    void constructor_whenRestoreTestingTypeUnknown_fails() {
        assertEquals("BackupVault: restoreTesting.protectedResourceType must be one of [Aurora, DocumentDB, DynamoDB, EBS, EC2, EFS, "
                + "FSx, Neptune, RDS, S3] (got 'Lambda')",
                message(planned().restoreTesting(RestoreTesting.builder().protectedResourceType("Lambda").build())));
    }

    @Test
    void constructor_whenRestoreTestingWindowsOutOfRange_fails() {
        assertEquals("BackupVault: restoreTesting.selectionWindowDays must be between 1 and 365 (got 0)",
                message(planned().restoreTesting(RestoreTesting.builder().protectedResourceType("EBS").selectionWindowDays(0).build())));
        assertEquals("BackupVault: restoreTesting.startWindowHours must be between 1 and 168 (got 169)",
                message(planned().restoreTesting(RestoreTesting.builder().protectedResourceType("EBS").startWindowHours(169).build())));
        assertEquals("BackupVault: restoreTesting.validationWindowHours must be between 0 and 168 (got 200)",
                message(planned().restoreTesting(RestoreTesting.builder().protectedResourceType("EBS").validationWindowHours(200).build())));
    }
}
