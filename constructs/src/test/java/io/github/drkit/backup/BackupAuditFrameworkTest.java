package io.github.drkit.backup;

import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BackupAuditFrameworkTest {

    private static BackupVault tieredVault(Stack stack) {
        return new BackupVault(stack, "Vault", BackupVaultProps.builder()
                .backupTags(Map.of("backup", "tiered", "env", "prod"))
                .vaultLock(VaultLock.governance(Duration.days(1), Duration.days(3650)))
                .rules(List.of(BackupRule.hourly(Duration.days(2)).build(),
                        BackupRule.daily(Duration.days(35)).copyTo(List.of(
                                BackupCopy.toVault("recovery", "us-west-2", "222222222222").build())).build(),
                        BackupRule.monthly(Duration.days(3650)).build()))
                .build());
    }

    private static Map<String, Object> control(String name, Map<String, String> params) {
        List<Map<String, String>> list = new java.util.ArrayList<>();
        new java.util.TreeMap<>(params).forEach((k, v) -> list.add(Map.of("ParameterName", k, "ParameterValue", v)));
        return params.isEmpty() ? Map.of("ControlName", name) : Map.of("ControlName", name, "ControlInputParameters", list);
    }

    private static String message(Stack stack, BackupAuditFrameworkProps.Builder props) {
        return assertThrows(IllegalArgumentException.class, () -> new BackupAuditFramework(stack, "Audit", props.build())).getMessage();
    }

    @Test
    void constructor_whenVaultDeclaresLockCopiesAndRules_buildsMatchingControls() {
        Stack stack = BackupVaultTest.stack();
        BackupAuditFramework audit = new BackupAuditFramework(stack, "Audit", BackupAuditFrameworkProps.builder()
                .vault(tieredVault(stack)).frameworkName("orders_backups").build());
        Map<String, Object> scope = Map.of("Tags", List.of(Map.of("Key", "backup", "Value", "tiered")));
        Template.fromStack(stack).hasResourceProperties("AWS::Backup::Framework", Map.of(
                "FrameworkName", "orders_backups",
                "FrameworkDescription", Match.anyValue(),
                "FrameworkControls", List.of(
                        control("BACKUP_PLAN_MIN_FREQUENCY_AND_MIN_RETENTION_CHECK", Map.of("requiredFrequencyUnit", "hours",
                                "requiredFrequencyValue", "1", "requiredRetentionDays", "2")),
                        control("BACKUP_RECOVERY_POINT_MINIMUM_RETENTION_CHECK", Map.of("requiredRetentionDays", "2")),
                        control("BACKUP_RECOVERY_POINT_ENCRYPTED", Map.of()),
                        Map.of("ControlName", "BACKUP_RESOURCES_PROTECTED_BY_BACKUP_PLAN", "ControlScope", scope),
                        control("BACKUP_RECOVERY_POINT_MANUAL_DELETION_DISABLED", Map.of()),
                        Map.of("ControlName", "BACKUP_RESOURCES_PROTECTED_BY_BACKUP_VAULT_LOCK", "ControlScope", scope,
                                "ControlInputParameters", List.of(Map.of("ParameterName", "maxRetentionDays", "ParameterValue", "3650"),
                                        Map.of("ParameterName", "minRetentionDays", "ParameterValue", "1"))),
                        Map.of("ControlName", "BACKUP_RESOURCES_PROTECTED_BY_CROSS_REGION", "ControlScope", scope,
                                "ControlInputParameters", List.of(Map.of("ParameterName", "crossRegionList", "ParameterValue", "us-west-2"))),
                        Map.of("ControlName", "BACKUP_RESOURCES_PROTECTED_BY_CROSS_ACCOUNT", "ControlScope", scope,
                                "ControlInputParameters", List.of(Map.of("ParameterName", "crossAccountList", "ParameterValue", "222222222222"))))));
        assertEquals(8, audit.getControls().size());
    }

    @Test
    void constructor_whenDefaults_deliversFourReportPlansToAnAuditableBucket() {
        Stack stack = BackupVaultTest.stack();
        BackupAuditFramework audit = new BackupAuditFramework(stack, "Audit", BackupAuditFrameworkProps.builder()
                .vault(tieredVault(stack)).build());
        Template t = Template.fromStack(stack);
        t.resourceCountIs("AWS::Backup::ReportPlan", 4);
        String framework = stack.resolve(audit.getFramework().getLogicalId()).toString();
        t.hasResourceProperties("AWS::Backup::ReportPlan", Match.objectLike(Map.of(
                "ReportSetting", Map.of("ReportTemplate", "CONTROL_COMPLIANCE_REPORT",
                        "FrameworkArns", List.of(Map.of("Fn::GetAtt", List.of(framework, "FrameworkArn")))),
                "ReportDeliveryChannel", Map.of("S3BucketName", Match.anyValue(), "S3KeyPrefix", "backup-audit", "Formats", List.of("CSV", "JSON")))));
        t.hasResourceProperties("AWS::Backup::ReportPlan", Match.objectLike(Map.of(
                "ReportSetting", Map.of("ReportTemplate", "COPY_JOB_REPORT"))));
        t.hasResourceProperties("AWS::S3::BucketPolicy", Match.objectLike(Map.of("PolicyDocument", Match.objectLike(Map.of(
                "Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Action", "s3:PutObject",
                        "Principal", Map.of("AWS", Match.anyValue()),
                        "Condition", Map.of("StringEquals", Map.of("s3:x-amz-acl", "bucket-owner-full-control")))))))))));
    }

    @Test
    void constructor_whenVaultHasNoPlan_fails() {
        Stack stack = BackupVaultTest.stack();
        BackupVault copies = new BackupVault(stack, "Copies");
        assertEquals("BackupAuditFramework: vault must have a backup plan (got 'Backups/Copies', which only receives copies): the controls "
                        + "check the plan's frequency, retention and selections; audit the vault that backs up",
                message(stack, BackupAuditFrameworkProps.builder().vault(copies)));
    }

    @Test
    void constructor_whenFrameworkNameInvalid_fails() {
        Stack stack = BackupVaultTest.stack();
        assertEquals("BackupAuditFramework: frameworkName must start with a letter and hold only letters, digits and '_', at most 256 "
                        + "(got 'orders-backups')",
                message(stack, BackupAuditFrameworkProps.builder().vault(tieredVault(stack)).frameworkName("orders-backups")));
    }

    @Test
    void constructor_whenTemplateUnknown_fails() {
        Stack stack = BackupVaultTest.stack();
        assertEquals("BackupAuditFramework: reportTemplates[0] must be one of " + BackupAuditFrameworkProps.REPORT_TEMPLATES
                        + " (got 'AUDIT_REPORT')",
                message(stack, BackupAuditFrameworkProps.builder().vault(tieredVault(stack)).reportTemplates(List.of("AUDIT_REPORT"))));
    }

    @Test
    void constructor_whenTemplatesEmpty_fails() {
        Stack stack = BackupVaultTest.stack();
        assertEquals("BackupAuditFramework: reportTemplates must name at least one template (got an empty list)",
                message(stack, BackupAuditFrameworkProps.builder().vault(tieredVault(stack)).reportTemplates(List.of())));
    }

    @Test
    void constructor_whenTemplateRepeated_fails() {
        Stack stack = BackupVaultTest.stack();
        assertEquals("BackupAuditFramework: reportTemplates must not repeat a template (got [COPY_JOB_REPORT, COPY_JOB_REPORT])",
                message(stack, BackupAuditFrameworkProps.builder().vault(tieredVault(stack))
                        .reportTemplates(List.of("COPY_JOB_REPORT", "COPY_JOB_REPORT"))));
    }

    @Test
    void constructor_whenFormatsEmpty_fails() {
        Stack stack = BackupVaultTest.stack();
        assertEquals("BackupAuditFramework: reportFormats must name at least one format (got an empty list)",
                message(stack, BackupAuditFrameworkProps.builder().vault(tieredVault(stack)).reportFormats(List.of())));
    }

    @Test
    void constructor_whenFormatUnknown_fails() {
        Stack stack = BackupVaultTest.stack();
        assertEquals("BackupAuditFramework: reportFormats[0] must be one of [CSV, JSON] (got 'PDF')",
                message(stack, BackupAuditFrameworkProps.builder().vault(tieredVault(stack)).reportFormats(List.of("PDF"))));
    }

    @Test
    void constructor_whenKeyPrefixHasSlashes_fails() {
        Stack stack = BackupVaultTest.stack();
        assertEquals("BackupAuditFramework: reportKeyPrefix must be non-empty without a leading or trailing '/' (got '/audit/')",
                message(stack, BackupAuditFrameworkProps.builder().vault(tieredVault(stack)).reportKeyPrefix("/audit/")));
    }
}
