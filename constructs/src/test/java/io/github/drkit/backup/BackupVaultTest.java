package io.github.drkit.backup;

import io.github.drkit.objectives.RecoveryEstimate;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.iam.AccountRootPrincipal;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.sns.Topic;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackupVaultTest {
    private static final Map<String, String> TAGS = Map.of("env", "prod", "backup", "hourly");

    static Stack stack() {
        return new Stack(new App(), "Backups", StackProps.builder()
                .env(Environment.builder().account("111111111111").region("us-east-1").build()).build());
    }

    static BackupCopy recoveryCopy() {
        return BackupCopy.toVault("recovery-vault", "us-west-2", "111111111111").build();
    }

    @Test
    void constructor_whenDefaults_buildsLockedDownVaultWithoutPlan() {
        Stack stack = stack();
        BackupVault v = new BackupVault(stack, "Vault");
        Template t = Template.fromStack(stack);
        t.hasResourceProperties("AWS::Backup::BackupVault", Match.objectLike(Map.of(
                "EncryptionKeyArn", Match.anyValue(),
                "AccessPolicy", Map.of("Version", "2012-10-17", "Statement", List.of(Match.objectLike(Map.of(
                        "Effect", "Deny",
                        "Principal", Map.of("AWS", "*"),
                        "Action", List.of("backup:DeleteRecoveryPoint", "backup:UpdateRecoveryPointLifecycle"))))),
                "Notifications", Map.of(
                        "BackupVaultEvents", List.of("BACKUP_JOB_COMPLETED", "COPY_JOB_FAILED", "RESTORE_JOB_COMPLETED",
                                "S3_BACKUP_OBJECT_FAILED", "S3_RESTORE_OBJECT_FAILED"),
                        "SNSTopicArn", Match.anyValue()))));
        t.hasResource("AWS::Backup::BackupVault", Match.objectLike(Map.of("DeletionPolicy", "Retain")));
        t.hasResourceProperties("AWS::KMS::Key", Match.objectLike(Map.of("EnableKeyRotation", true,
                "KeyPolicy", Map.of("Version", "2012-10-17", "Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Principal", Map.of("Service", "backup.amazonaws.com"),
                        "Action", List.of("kms:GenerateDataKey*", "kms:Decrypt"),
                        "Condition", Map.of("StringEquals", Map.of("aws:SourceAccount", "111111111111"))))))))));
        t.hasResourceProperties("AWS::SNS::Topic", Match.objectLike(Map.of("KmsMasterKeyId", Match.anyValue())));
        t.hasResourceProperties("AWS::SNS::TopicPolicy", Match.objectLike(Map.of("PolicyDocument", Map.of("Version", "2012-10-17",
                "Statement", Match.arrayWith(List.of(
                        Match.objectLike(Map.of("Effect", "Deny", "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))),
                        Match.objectLike(Map.of("Principal", Map.of("Service", "backup.amazonaws.com"), "Action", "sns:Publish"))))))));
        t.resourceCountIs("AWS::Backup::BackupPlan", 0);
        t.resourceCountIs("AWS::IAM::Role", 0);
        assertNull(v.getBackupPlan());
        RecoveryEstimate e = v.recoveryEstimate();
        assertFalse(e.rpoBounded());
        assertTrue(e.rpoUnboundedReason().contains("no backup plan"), e.rpoUnboundedReason());
        assertEquals(java.time.Duration.ofHours(4), e.rto());
    }

    @Test
    void constructor_whenHourlyRpoWithTagsAndCopy_buildsPlanWithAndSelection() {
        Stack stack = stack();
        BackupVault v = new BackupVault(stack, "Vault", BackupVaultProps.builder()
                .backupVaultName("primary-vault")
                .rpo(Duration.hours(1))
                .retention(Duration.days(200))
                .moveToColdStorageAfter(Duration.days(30))
                .backupTags(TAGS)
                .copyTo(List.of(BackupCopy.toVault("recovery-vault", "us-west-2", "111111111111")
                        .retention(Duration.days(120)).moveToColdStorageAfter(Duration.days(7)).build()))
                .build());
        Template t = Template.fromStack(stack);
        t.hasResourceProperties("AWS::Backup::BackupVault", Match.objectLike(Map.of("BackupVaultName", "primary-vault")));
        t.hasResourceProperties("AWS::Backup::BackupPlan", Map.of("BackupPlan", Match.objectLike(Map.of(
                "BackupPlanRule", List.of(Match.objectLike(Map.of(
                        "RuleName", "Rpo",
                        "ScheduleExpression", "cron(0 * * * ? *)",
                        "StartWindowMinutes", 60,
                        "CompletionWindowMinutes", 10080,
                        "Lifecycle", Map.of("DeleteAfterDays", 200, "MoveToColdStorageAfterDays", 30),
                        "CopyActions", List.of(Map.of(
                                "DestinationBackupVaultArn", Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
                                        ":backup:us-west-2:111111111111:backup-vault:recovery-vault"))),
                                "Lifecycle", Map.of("DeleteAfterDays", 120, "MoveToColdStorageAfterDays", 7))))))))));
        t.hasResourceProperties("AWS::Backup::BackupSelection", Map.of(
                "BackupPlanId", Match.anyValue(),
                "BackupSelection", Map.of(
                        "SelectionName", "Tags",
                        "IamRoleArn", Match.anyValue(),
                        "Resources", List.of("*"),
                        "Conditions", Map.of("StringEquals", List.of(
                                Map.of("ConditionKey", "aws:ResourceTag/backup", "ConditionValue", "hourly"),
                                Map.of("ConditionKey", "aws:ResourceTag/env", "ConditionValue", "prod"))))));
        // AND semantics: no ListOfTags anywhere.
        t.resourcePropertiesCountIs("AWS::Backup::BackupSelection",
                Map.of("BackupSelection", Match.objectLike(Map.of("ListOfTags", Match.anyValue()))), 0);
        t.hasResourceProperties("AWS::IAM::Role", Match.objectLike(Map.of(
                "AssumeRolePolicyDocument", Match.objectLike(Map.of("Statement", List.of(Match.objectLike(Map.of(
                        "Principal", Map.of("Service", "backup.amazonaws.com")))))),
                "ManagedPolicyArns", Match.arrayWith(List.of(Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
                        ":iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup"))))))));
        t.hasResource("AWS::IAM::Role", Match.objectLike(Map.of("Metadata", Map.of("cdk_nag", Map.of("rules_to_suppress",
                List.of(Match.objectLike(Map.of("id", "AwsSolutions-IAM4",
                        "applies_to", Match.arrayWith(List.of("Policy::arn:<AWS::Partition>:iam::aws:policy/AWSBackupServiceRolePolicyForS3Backup"))))))))));
        assertEquals(java.time.Duration.ofHours(1), v.getBackupInterval());

        RecoveryEstimate e = v.recoveryEstimate();
        assertTrue(e.rpoBounded());
        assertEquals(List.of("backup interval", "backup start window", "copy to us-west-2"),
                e.rpoTerms().stream().map(x -> x.name()).toList());
        assertEquals(java.time.Duration.ofHours(3), e.rpo());
        assertEquals("BackupVaultProps.rpo", e.rpoTerms().get(0).prop());
        assertTrue(e.rpoTerms().get(0).basis().contains("cron(0 * * * ? *)"));
    }

    @Test
    void constructor_whenResourcesSelected_buildsResourceSelection() {
        Stack stack = stack();
        new BackupVault(stack, "Vault", BackupVaultProps.builder()
                .backupResources(List.of("arn:aws:ec2:us-east-1:111111111111:volume/vol-0123456789abcdef0"))
                .build());
        Template t = Template.fromStack(stack);
        t.hasResourceProperties("AWS::Backup::BackupSelection", Map.of("BackupPlanId", Match.anyValue(),
                "BackupSelection", Map.of("SelectionName", "Resources", "IamRoleArn", Match.anyValue(),
                        "Resources", List.of("arn:aws:ec2:us-east-1:111111111111:volume/vol-0123456789abcdef0"))));
        t.resourceCountIs("AWS::Backup::BackupSelection", 1);
        t.hasResourceProperties("AWS::Backup::BackupPlan", Map.of("BackupPlan", Match.objectLike(Map.of(
                "BackupPlanRule", List.of(Match.objectLike(Map.of("ScheduleExpression", "cron(0 5 * * ? *)",
                        "Lifecycle", Map.of("DeleteAfterDays", 35))))))));
    }

    @Test
    void scheduleExpression_whenRpoBetweenDivisors_roundsDownToEvenInterval() {
        assertEquals("cron(0 0/4 * * ? *)", BackupSchedule.forRpo(Duration.hours(5)).expression());
        assertEquals(java.time.Duration.ofHours(4), BackupSchedule.forRpo(Duration.hours(5)).interval());
        assertEquals("cron(0 0/12 * * ? *)", BackupSchedule.forRpo(Duration.hours(23)).expression());
        assertEquals("cron(0 * * * ? *)", BackupSchedule.forRpo(Duration.minutes(90)).expression());
        assertEquals("cron(0 5 * * ? *)", BackupSchedule.forRpo(Duration.days(3)).expression());
        assertEquals("cron(0 5 ? * SUN *)", BackupSchedule.forRpo(Duration.days(30)).expression());
        assertEquals(java.time.Duration.ofDays(7), BackupSchedule.forRpo(Duration.days(30)).interval());
    }

    @Test
    void constructor_whenContinuous_enablesPitrAndEstimatesFiveMinutesInRegion() {
        Stack stack = stack();
        BackupVault v = new BackupVault(stack, "Vault", BackupVaultProps.builder()
                .rpo(Duration.minutes(15)).continuousBackup(true).retention(Duration.days(35)).backupTags(TAGS).build());
        Template.fromStack(stack).hasResourceProperties("AWS::Backup::BackupPlan", Map.of("BackupPlan", Match.objectLike(Map.of(
                "BackupPlanRule", List.of(Match.objectLike(Map.of("EnableContinuousBackup", true,
                        "ScheduleExpression", "cron(0 * * * ? *)")))))));
        RecoveryEstimate e = v.recoveryEstimate();
        assertFalse(e.rpoBounded());
        assertTrue(e.rpoUnboundedReason().contains("recovery points stay in us-east-1"), e.rpoUnboundedReason());
        assertEquals(java.time.Duration.ofMinutes(5), e.rpo());
        assertEquals("point-in-time recovery", e.rpoTerms().get(0).name());
    }

    @Test
    void recoveryEstimate_whenContinuousWithCopy_usesSnapshotScheduleForCopies() {
        Stack stack = stack();
        BackupVault v = new BackupVault(stack, "Vault", BackupVaultProps.builder()
                .rpo(Duration.hours(2)).continuousBackup(true).backupTags(TAGS).copyTo(List.of(recoveryCopy()))
                .expectedCopyDuration(Duration.minutes(30)).expectedRestoreDuration(Duration.hours(2)).build());
        RecoveryEstimate e = v.recoveryEstimate();
        assertTrue(e.rpoBounded());
        assertEquals(java.time.Duration.ofMinutes(2 * 60 + 60 + 30), e.rpo());
        assertTrue(e.rpoTerms().get(0).basis().contains("copies of continuous backups are snapshots"));
        assertEquals(java.time.Duration.ofHours(2), e.rto());
    }

    @Test
    void recoveryEstimate_whenCopyInSameRegion_isUnbounded() {
        Stack stack = stack();
        BackupVault v = new BackupVault(stack, "Vault", BackupVaultProps.builder().backupTags(TAGS)
                .copyTo(List.of(BackupCopy.builder().destinationVaultArn("arn:aws:backup:us-east-1:222222222222:backup-vault:other").build()))
                .build());
        RecoveryEstimate e = v.recoveryEstimate();
        assertFalse(e.rpoBounded());
        assertEquals(java.time.Duration.ofHours(25), e.rpo());
    }

    @Test
    void constructor_whenComplianceLock_setsLockConfiguration() {
        Stack stack = stack();
        new BackupVault(stack, "Vault", BackupVaultProps.builder()
                .vaultLock(VaultLock.compliance(Duration.days(7), Duration.days(365))).build());
        Template.fromStack(stack).hasResourceProperties("AWS::Backup::BackupVault", Match.objectLike(Map.of(
                "LockConfiguration", Map.of("MinRetentionDays", 7, "MaxRetentionDays", 365, "ChangeableForDays", 3))));
    }

    @Test
    void constructor_whenGovernanceLock_hasNoCoolingOff() {
        Stack stack = stack();
        new BackupVault(stack, "Vault", BackupVaultProps.builder()
                .vaultLock(VaultLock.governance(Duration.days(1), null)).build());
        Template.fromStack(stack).hasResourceProperties("AWS::Backup::BackupVault", Match.objectLike(Map.of(
                "LockConfiguration", Map.of("MinRetentionDays", 1))));
    }

    @Test
    void constructor_whenCopyFromOtherAccountsAllowed_addsAccessPolicy() {
        Stack stack = stack();
        new BackupVault(stack, "Vault", BackupVaultProps.builder().allowCopyFromAccounts(List.of("222222222222")).build());
        Template.fromStack(stack).hasResourceProperties("AWS::Backup::BackupVault", Match.objectLike(Map.of(
                "AccessPolicy", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Effect", "Allow", "Action", "backup:CopyIntoBackupVault",
                        "Principal", Map.of("AWS", Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
                                ":iam::222222222222:root")))))))))))));
    }

    @Test
    void constructor_whenRestoreTesting_buildsPlanAndTagSelection() {
        Stack stack = stack();
        new BackupVault(stack, "Vault", BackupVaultProps.builder()
                .backupTags(TAGS)
                .restoreTesting(RestoreTesting.builder().protectedResourceType("EBS").validationWindowHours(4)
                        .restoreMetadataOverrides(Map.of("availabilityZone", "us-east-1a")).build())
                .build());
        Template t = Template.fromStack(stack);
        t.hasResourceProperties("AWS::Backup::RestoreTestingPlan", Map.of(
                "RestoreTestingPlanName", Match.stringLikeRegexp("^[a-zA-Z0-9_]{1,50}$"),
                "ScheduleExpression", "cron(0 1 ? * SUN *)",
                "StartWindowHours", 1,
                "RecoveryPointSelection", Map.of("Algorithm", "LATEST_WITHIN_WINDOW",
                        "IncludeVaults", List.of(Match.anyValue()),
                        "RecoveryPointTypes", List.of("SNAPSHOT"),
                        "SelectionWindowDays", 7)));
        t.hasResourceProperties("AWS::Backup::RestoreTestingSelection", Map.of(
                "RestoreTestingPlanName", Match.anyValue(),
                "RestoreTestingSelectionName", "EBS_restore_test",
                "ProtectedResourceType", "EBS",
                "IamRoleArn", Match.anyValue(),
                "ValidationWindowHours", 4,
                "RestoreMetadataOverrides", Map.of("availabilityZone", "us-east-1a"),
                "ProtectedResourceConditions", Map.of("StringEquals", List.of(
                        Map.of("Key", "aws:ResourceTag/backup", "Value", "hourly"),
                        Map.of("Key", "aws:ResourceTag/env", "Value", "prod")))));
    }

    @Test
    void constructor_whenRestoreTestingByResources_selectsAllOfType() {
        Stack stack = stack();
        new BackupVault(stack, "Vault", BackupVaultProps.builder()
                .backupResources(List.of("arn:aws:dynamodb:us-east-1:111111111111:table/orders"))
                .restoreTesting(RestoreTesting.builder().protectedResourceType("DynamoDB").build())
                .build());
        Template.fromStack(stack).hasResourceProperties("AWS::Backup::RestoreTestingSelection", Match.objectLike(Map.of(
                "ProtectedResourceType", "DynamoDB", "ProtectedResourceArns", List.of("*"))));
    }

    @Test
    void constructor_whenGivenRoleAndTopic_usesThem() {
        Stack stack = stack();
        Role role = Role.Builder.create(stack, "Mine").assumedBy(new AccountRootPrincipal()).build();
        Topic topic = Topic.Builder.create(stack, "Alerts").build();
        BackupVault v = new BackupVault(stack, "Vault", BackupVaultProps.builder()
                .backupRole(role).notificationTopic(topic).backupTags(TAGS).build());
        Template t = Template.fromStack(stack);
        t.resourceCountIs("AWS::IAM::Role", 1);
        t.resourceCountIs("AWS::SNS::Topic", 1);
        assertEquals(role, v.getBackupRole());
        assertEquals(topic, v.getNotificationTopic());
    }

    @Test
    void grant_whenRestoreAction_grantsOnVault() {
        Stack stack = stack();
        BackupVault v = new BackupVault(stack, "Vault");
        Role role = Role.Builder.create(stack, "Operator").assumedBy(new AccountRootPrincipal()).build();
        v.grant(role, "backup:StartRestoreJob");
        Template.fromStack(stack).hasResourceProperties("AWS::IAM::Policy", Match.objectLike(Map.of("PolicyDocument", Match.objectLike(Map.of(
                "Statement", List.of(Match.objectLike(Map.of("Action", "backup:StartRestoreJob"))))))));
    }

    @Test
    void constructor_whenKeyGivenDeletionAllowedWindowsAndDestroy_appliesThem() {
        Stack stack = stack();
        software.amazon.awscdk.services.kms.Key key = software.amazon.awscdk.services.kms.Key.Builder.create(stack, "MyKey")
                .enableKeyRotation(true).build();
        BackupVault v = new BackupVault(stack, "Vault", BackupVaultProps.builder()
                .encryptionKey(key)
                .blockRecoveryPointDeletion(false)
                .removalPolicy(software.amazon.awscdk.RemovalPolicy.DESTROY)
                .startWindow(Duration.hours(2))
                .completionWindow(Duration.hours(12))
                .backupTags(TAGS)
                .build());
        Template t = Template.fromStack(stack);
        t.resourceCountIs("AWS::KMS::Key", 1);
        t.hasResource("AWS::Backup::BackupVault", Match.objectLike(Map.of("DeletionPolicy", "Delete",
                "Properties", Match.objectLike(Map.of("EncryptionKeyArn", Map.of("Fn::GetAtt", List.of(
                        stack.getLogicalId((software.amazon.awscdk.CfnElement) key.getNode().getDefaultChild()), "Arn")),
                        "AccessPolicy", Match.absent())))));
        t.hasResourceProperties("AWS::Backup::BackupPlan", Map.of("BackupPlan", Match.objectLike(Map.of(
                "BackupPlanRule", List.of(Match.objectLike(Map.of("StartWindowMinutes", 120, "CompletionWindowMinutes", 720)))))));
        assertEquals(key, v.getEncryptionKey());
        // The start window is a term of the RPO estimate.
        assertEquals(java.time.Duration.ofHours(2), v.recoveryEstimate().rpoTerms().get(1).duration());
    }
}
