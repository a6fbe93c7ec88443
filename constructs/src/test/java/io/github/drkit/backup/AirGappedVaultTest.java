package io.github.drkit.backup;

import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AirGappedVaultTest {

    private static String message(AirGappedVaultProps.Builder props) {
        return assertThrows(IllegalArgumentException.class,
                () -> new AirGappedVault(BackupVaultTest.stack(), "AirGapped", props.build())).getMessage();
    }

    @Test
    void constructor_whenSharedWithRecoveryAccount_buildsVaultAndRamShare() {
        Stack stack = BackupVaultTest.stack();
        AirGappedVault v = new AirGappedVault(stack, "AirGapped", AirGappedVaultProps.builder()
                .backupVaultName("orders-air-gapped")
                .minRetention(Duration.days(7))
                .maxRetention(Duration.days(365))
                .shareWith(List.of("222222222222"))
                .build());
        Template t = Template.fromStack(stack);
        t.hasResourceProperties("AWS::Backup::LogicallyAirGappedBackupVault", Map.of(
                "BackupVaultName", "orders-air-gapped", "MinRetentionDays", 7, "MaxRetentionDays", 365));
        t.hasResource("AWS::Backup::LogicallyAirGappedBackupVault", Match.objectLike(Map.of("DeletionPolicy", "Retain")));
        t.hasResourceProperties("AWS::RAM::ResourceShare", Map.of(
                "Name", "orders-air-gapped",
                "Principals", List.of("222222222222"),
                "AllowExternalPrincipals", false,
                "ResourceArns", List.of(Map.of("Fn::GetAtt", List.of(stack.resolve(v.getCfnVault().getLogicalId()), "BackupVaultArn")))));
    }

    @Test
    void constructor_whenDefaults_keepsSevenTo35DaysAndSharesNothing() {
        Stack stack = BackupVaultTest.stack();
        AirGappedVault v = new AirGappedVault(stack, "AirGapped");
        Template t = Template.fromStack(stack);
        t.hasResourceProperties("AWS::Backup::LogicallyAirGappedBackupVault", Map.of(
                "BackupVaultName", Match.stringLikeRegexp("^[a-zA-Z0-9-]{2,50}$"), "MinRetentionDays", 7, "MaxRetentionDays", 35));
        t.resourceCountIs("AWS::RAM::ResourceShare", 0);
        assertNull(v.getResourceShare());
    }

    @Test
    void constructor_whenNameInvalid_fails() {
        assertEquals("AirGappedVault: backupVaultName must be 2-50 letters, digits, '-' or '_' (got 'a b')",
                message(AirGappedVaultProps.builder().backupVaultName("a b")));
    }

    @Test
    void constructor_whenMinRetentionUnder7Days_fails() {
        assertEquals("AirGappedVault: minRetention must be at least 7 days (got 6 days): AWS Backup's minimum for a logically air-gapped vault",
                message(AirGappedVaultProps.builder().minRetention(Duration.days(6))));
    }

    @Test
    void constructor_whenMaxShorterThanMin_fails() {
        assertEquals("AirGappedVault: maxRetention (10 days) must not be shorter than minRetention (14 days)",
                message(AirGappedVaultProps.builder().minRetention(Duration.days(14)).maxRetention(Duration.days(10))));
    }

    @Test
    void constructor_whenMaxOver36500Days_fails() {
        assertEquals("AirGappedVault: maxRetention must be at most 36500 days (got 36501 days)",
                message(AirGappedVaultProps.builder().maxRetention(Duration.days(36_501))));
    }

    @Test
    void constructor_whenRetentionNotWholeDays_fails() {
        assertEquals("AirGappedVault: minRetention must be a whole number of days (got 7 days 12 hours): the vault takes days",
                message(AirGappedVaultProps.builder().minRetention(Duration.hours(180))));
    }

    @Test
    void constructor_whenSharePrincipalInvalid_fails() {
        assertEquals("AirGappedVault: shareWith[0] must be a 12-digit account id or an organization or OU ARN (got 'recovery')",
                message(AirGappedVaultProps.builder().shareWith(List.of("recovery"))));
    }
}
