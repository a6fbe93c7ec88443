package io.github.drkit.backup;

import io.github.drkit.objectives.RecoveryEstimate;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Several rules per plan, exclusions and Windows VSS. */
class BackupVaultRulesTest {
    private static final Map<String, String> TAGS = Map.of("backup", "tiered");

    private static List<BackupRule> tiered() {
        return List.of(BackupRule.hourly(Duration.days(2)).build(),
                BackupRule.daily(Duration.days(35)).copyTo(List.of(BackupVaultTest.recoveryCopy())).build(),
                BackupRule.monthly(Duration.days(7 * 365)).moveToColdStorageAfter(Duration.days(90)).build());
    }

    private static String message(BackupVaultProps.Builder props) {
        return assertThrows(IllegalArgumentException.class,
                () -> new BackupVault(BackupVaultTest.stack(), "Vault", props.build())).getMessage();
    }

    @Test
    void constructor_whenThreeRules_buildsOneRulePerPresetWithItsLifecycle() {
        Stack stack = BackupVaultTest.stack();
        BackupVault v = new BackupVault(stack, "Vault", BackupVaultProps.builder().backupTags(TAGS).rules(tiered()).build());
        Template t = Template.fromStack(stack);
        t.hasResourceProperties("AWS::Backup::BackupPlan", Map.of("BackupPlan", Match.objectLike(Map.of("BackupPlanRule", List.of(
                Match.objectLike(Map.of("RuleName", "Hourly", "ScheduleExpression", "cron(0 * * * ? *)",
                        "Lifecycle", Map.of("DeleteAfterDays", 2))),
                Match.objectLike(Map.of("RuleName", "Daily", "ScheduleExpression", "cron(0 5 * * ? *)",
                        "Lifecycle", Map.of("DeleteAfterDays", 35),
                        "CopyActions", List.of(Match.objectLike(Map.of("Lifecycle", Map.of("DeleteAfterDays", 35)))))),
                Match.objectLike(Map.of("RuleName", "Monthly", "ScheduleExpression", "cron(0 5 1 * ? *)",
                        "Lifecycle", Map.of("DeleteAfterDays", 2555, "MoveToColdStorageAfterDays", 90))))))));
        assertEquals(java.time.Duration.ofHours(1), v.getBackupInterval());
        assertEquals(3, v.getRules().size());
    }

    @Test
    void recoveryEstimate_whenOnlyDailyRuleCopiesOut_takesTheDailyInterval() {
        Stack stack = BackupVaultTest.stack();
        BackupVault v = new BackupVault(stack, "Vault", BackupVaultProps.builder().backupTags(TAGS).rules(tiered()).build());
        RecoveryEstimate e = v.recoveryEstimate();
        assertEquals(java.time.Duration.ofHours(24 + 1 + 1), e.rpo());
        assertEquals("BackupVaultProps.rules", e.rpoTerms().get(0).prop());
        assertTrue(e.rpoTerms().get(0).basis().contains("copies to us-west-2"), e.rpoTerms().get(0).basis());
    }

    @Test
    void constructor_whenExclusions_writesNotConditionsAndNotResourcesOnEverySelection() {
        Stack stack = BackupVaultTest.stack();
        new BackupVault(stack, "Vault", BackupVaultProps.builder()
                .backupTags(TAGS)
                .backupResources(List.of("arn:aws:ec2:*:*:volume/*"))
                .excludeTags(Map.of("drkit:backup", "skip"))
                .excludeTagPatterns(Map.of("env", "test*"))
                .excludeResources(List.of("arn:aws:ec2:us-east-1:111111111111:volume/vol-0scratch"))
                .build());
        Template t = Template.fromStack(stack);
        Map<String, Object> notEquals = Map.of("ConditionKey", "aws:ResourceTag/drkit:backup", "ConditionValue", "skip");
        Map<String, Object> notLike = Map.of("ConditionKey", "aws:ResourceTag/env", "ConditionValue", "test*");
        t.hasResourceProperties("AWS::Backup::BackupSelection", Map.of("BackupPlanId", Match.anyValue(), "BackupSelection", Match.objectLike(Map.of(
                "SelectionName", "Tags",
                "Resources", List.of("*"),
                "NotResources", List.of("arn:aws:ec2:us-east-1:111111111111:volume/vol-0scratch"),
                "Conditions", Map.of(
                        "StringEquals", List.of(Map.of("ConditionKey", "aws:ResourceTag/backup", "ConditionValue", "tiered")),
                        "StringNotEquals", List.of(notEquals),
                        "StringNotLike", List.of(notLike))))));
        t.hasResourceProperties("AWS::Backup::BackupSelection", Map.of("BackupPlanId", Match.anyValue(), "BackupSelection", Match.objectLike(Map.of(
                "SelectionName", "Resources",
                "Resources", List.of("arn:aws:ec2:*:*:volume/*"),
                "NotResources", List.of("arn:aws:ec2:us-east-1:111111111111:volume/vol-0scratch"),
                "Conditions", Map.of("StringNotEquals", List.of(notEquals), "StringNotLike", List.of(notLike))))));
    }

    @Test
    void constructor_whenWindowsVss_setsTheAdvancedBackupSettingForEc2() {
        Stack stack = BackupVaultTest.stack();
        new BackupVault(stack, "Vault", BackupVaultProps.builder().backupTags(TAGS).windowsVss(true).build());
        Template.fromStack(stack).hasResourceProperties("AWS::Backup::BackupPlan", Map.of("BackupPlan", Match.objectLike(Map.of(
                "AdvancedBackupSettings", List.of(Map.of("ResourceType", "EC2", "BackupOptions", Map.of("WindowsVSS", "enabled")))))));
    }

    @Test
    void constructor_whenWindowsVssOff_writesNoAdvancedBackupSettings() {
        Stack stack = BackupVaultTest.stack();
        new BackupVault(stack, "Vault", BackupVaultProps.builder().backupTags(TAGS).build());
        Template.fromStack(stack).hasResourceProperties("AWS::Backup::BackupPlan", Map.of("BackupPlan", Match.objectLike(Map.of(
                "AdvancedBackupSettings", Match.absent()))));
    }

    @Test
    void constructor_whenCopyIntoAirGappedVault_copiesToItsArn() {
        Stack stack = BackupVaultTest.stack();
        AirGappedVault airGapped = new AirGappedVault(stack, "AirGapped", AirGappedVaultProps.builder()
                .minRetention(Duration.days(7)).maxRetention(Duration.days(90)).build());
        new BackupVault(stack, "Vault", BackupVaultProps.builder().backupTags(TAGS)
                .copyTo(List.of(BackupCopy.toAirGappedVault(airGapped).retention(Duration.days(30)).build())).build());
        Template.fromStack(stack).hasResourceProperties("AWS::Backup::BackupPlan", Map.of("BackupPlan", Match.objectLike(Map.of(
                "BackupPlanRule", List.of(Match.objectLike(Map.of("CopyActions", List.of(Map.of(
                        "DestinationBackupVaultArn", Map.of("Fn::GetAtt", List.of(
                                stack.resolve(((software.amazon.awscdk.CfnResource) airGapped.getCfnVault()).getLogicalId()), "BackupVaultArn")),
                        "Lifecycle", Map.of("DeleteAfterDays", 30))))))))));
    }

    // ---- validation: one test per message ----

    @Test
    void constructor_whenRulesAndOneRuleProps_fails() {
        assertEquals("BackupVault: rpo, retention must not be set with rules (got 3 rules): each rule has its own schedule, retention and copies",
                message(BackupVaultProps.builder().backupTags(TAGS).rules(tiered()).rpo(Duration.hours(1)).retention(Duration.days(7))));
    }

    @Test
    void constructor_whenRulesEmpty_fails() {
        assertEquals("BackupVault: rules must name at least one rule (got an empty list)",
                message(BackupVaultProps.builder().backupTags(TAGS).rules(List.of())));
    }

    @Test
    void constructor_whenRuleNamesRepeat_fails() {
        assertEquals("BackupVault: rules[1].ruleName must be unique in the plan (got 'Daily' twice)",
                message(BackupVaultProps.builder().backupTags(TAGS).rules(List.of(BackupRule.daily(Duration.days(7)).build(),
                        BackupRule.daily(Duration.days(35)).build()))));
    }

    @Test
    void constructor_whenRuleNameInvalid_fails() {
        assertEquals("BackupVault: rules[0].ruleName must be 1-50 letters, digits, '-', '_' or '.' (got 'every day')",
                message(BackupVaultProps.builder().backupTags(TAGS).rules(List.of(BackupRule.daily(Duration.days(7)).ruleName("every day").build()))));
    }

    @Test
    void constructor_whenRuleFrequencyUnderAnHour_fails() {
        assertTrue(message(BackupVaultProps.builder().backupTags(TAGS).rules(List.of(BackupRule.builder().frequency(Duration.minutes(15)).build())))
                .startsWith("BackupVault: rules[0].frequency must be at least 1 hour for scheduled backups (got 15 minutes)"));
    }

    @Test
    void constructor_whenRuleColdStorageTooShort_namesTheRule() {
        assertEquals("BackupVault: rules[1].retention (100 days) must be at least rules[1].moveToColdStorageAfter (30 days) + 90 days: "
                        + "AWS Backup keeps recovery points in cold storage at least 90 days",
                message(BackupVaultProps.builder().backupTags(TAGS).rules(List.of(BackupRule.hourly(Duration.days(2)).build(),
                        BackupRule.monthly(Duration.days(100)).moveToColdStorageAfter(Duration.days(30)).build()))));
    }

    @Test
    void constructor_whenRuleOutsideVaultLock_namesTheRule() {
        assertEquals("BackupVault: rules[0].retention (2 days) must be inside the Vault Lock bounds (minRetention 7 days, maxRetention "
                        + "365 days): AWS Backup fails backup jobs whose retention is outside them",
                message(BackupVaultProps.builder().backupTags(TAGS).vaultLock(VaultLock.governance(Duration.days(7), Duration.days(365)))
                        .rules(List.of(BackupRule.hourly(Duration.days(2)).build()))));
    }

    @Test
    void constructor_whenCopyOutsideAirGappedBounds_fails() {
        Stack stack = BackupVaultTest.stack();
        AirGappedVault airGapped = new AirGappedVault(stack, "AirGapped", AirGappedVaultProps.builder()
                .minRetention(Duration.days(14)).maxRetention(Duration.days(90)).build());
        String m = assertThrows(IllegalArgumentException.class, () -> new BackupVault(stack, "Vault", BackupVaultProps.builder()
                .backupTags(TAGS).copyTo(List.of(BackupCopy.toAirGappedVault(airGapped).retention(Duration.days(7)).build())).build())).getMessage();
        assertEquals("BackupVault: copyTo[0].retention (7 days) must be inside the air-gapped vault's bounds (minRetention 14 days, "
                + "maxRetention 90 days): AWS Backup fails copy jobs whose retention is outside them", m);
    }

    @Test
    void constructor_whenExclusionWithoutSelection_fails() {
        assertEquals("BackupVault: excludeTags needs a backup plan: select resources with backupResources or backupTags",
                message(BackupVaultProps.builder().excludeTags(Map.of("env", "test"))));
    }

    @Test
    void constructor_whenWindowsVssWithoutSelection_fails() {
        assertEquals("BackupVault: windowsVss needs a backup plan: select resources with backupResources or backupTags",
                message(BackupVaultProps.builder().windowsVss(true)));
    }

    @Test
    void constructor_whenExcludeTagKeyBlank_fails() {
        assertEquals("BackupVault: excludeTags keys must not be blank (got ' ' = 'x')",
                message(BackupVaultProps.builder().backupTags(TAGS).excludeTags(Map.of(" ", "x"))));
    }

    @Test
    void constructor_whenExcludeTagValueEmpty_fails() {
        assertEquals("BackupVault: excludeTagPatterns['env'] must name a value (got ''): an empty value names nothing to exclude",
                message(BackupVaultProps.builder().backupTags(TAGS).excludeTagPatterns(Map.of("env", ""))));
    }

    @Test
    void constructor_whenExcludePatternMatchesEverything_fails() {
        assertEquals("BackupVault: excludeTagPatterns['env'] must not match every value (got '*'): it would exclude every selected "
                        + "resource that has the tag; name the values to exclude",
                message(BackupVaultProps.builder().backupTags(TAGS).excludeTagPatterns(Map.of("env", "*"))));
    }

    @Test
    void constructor_whenExclusionEqualsSelection_fails() {
        assertEquals("BackupVault: excludeTags['backup'] = 'tiered' excludes every resource backupTags selects (got the same tag in both): "
                        + "nothing would be backed up",
                message(BackupVaultProps.builder().backupTags(TAGS).excludeTags(Map.of("backup", "tiered"))));
    }

    @Test
    void constructor_whenExcludedResourceNotAnArn_fails() {
        assertEquals("BackupVault: excludeResources[0] must be an ARN (got 'vol-0scratch')",
                message(BackupVaultProps.builder().backupTags(TAGS).excludeResources(List.of("vol-0scratch"))));
    }
}
