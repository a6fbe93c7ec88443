package io.github.drkit.apps.strategies;

import io.github.drkit.apps.ReferenceEnvironment;
import io.github.drkit.objectives.RecoveryEstimate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackupRestoreStacksTest {
    private static App app;
    private static BackupRestoreStacks.PrimaryStack primary;
    private static BackupRestoreStacks.RecoveryStack recovery;

    @BeforeAll
    static void synth() {
        app = new App();
        BackupRestoreStacks.define(app, ReferenceEnvironment.from(app));
        primary = (BackupRestoreStacks.PrimaryStack) app.getNode().findChild("drkit-backup-restore-primary");
        recovery = (BackupRestoreStacks.RecoveryStack) app.getNode().findChild("drkit-backup-restore-recovery");
    }

    @Test
    void define_whenDefaultEnvironment_placesStacksInBothRegionsPrimaryAfterRecovery() {
        assertEquals("us-east-1", primary.getRegion());
        assertEquals("us-west-2", recovery.getRegion());
        assertTrue(primary.getDependencies().contains(recovery));
    }

    @Test
    void primary_whenSynthesized_backsUpWithThreeRulesAnExclusionAndAnAirGappedCopy() {
        Template t = Template.fromStack(primary);
        String airGapped = primary.resolve(primary.getAirGapped().getCfnVault().getLogicalId()).toString();
        t.hasResourceProperties("AWS::Backup::BackupPlan", Map.of("BackupPlan", Match.objectLike(Map.of(
                "BackupPlanRule", List.of(
                        Match.objectLike(Map.of("RuleName", "Hourly", "ScheduleExpression", "cron(0 * * * ? *)",
                                "CopyActions", List.of(Match.objectLike(Map.of("DestinationBackupVaultArn", Map.of("Fn::Join", List.of("",
                                        List.of("arn:", Map.of("Ref", "AWS::Partition"), ":backup:us-west-2:111111111111:backup-vault:"
                                                + BackupRestoreStacks.RECOVERY_VAULT)))))))),
                        Match.objectLike(Map.of("RuleName", "Daily", "CopyActions", List.of(Match.objectLike(Map.of(
                                "DestinationBackupVaultArn", Map.of("Fn::GetAtt", List.of(airGapped, "BackupVaultArn"))))))),
                        Match.objectLike(Map.of("RuleName", "Monthly", "Lifecycle", Map.of("DeleteAfterDays", 2555,
                                "MoveToColdStorageAfterDays", 90))))))));
        t.hasResourceProperties("AWS::Backup::LogicallyAirGappedBackupVault", Map.of("BackupVaultName", BackupRestoreStacks.AIR_GAPPED_VAULT,
                "MinRetentionDays", 7, "MaxRetentionDays", 35));
        t.hasResourceProperties("AWS::Backup::BackupSelection", Match.objectLike(Map.of("BackupSelection", Match.objectLike(Map.of(
                "Conditions", Map.of("StringEquals", List.of(
                        Map.of("ConditionKey", "aws:ResourceTag/drkit:backup", "ConditionValue", "backup-restore"),
                        Map.of("ConditionKey", "aws:ResourceTag/drkit:tier", "ConditionValue", "production")),
                        "StringNotEquals", List.of(Map.of("ConditionKey", "aws:ResourceTag/drkit:ephemeral", "ConditionValue", "true"))))))));
        t.resourceCountIs("AWS::Backup::Framework", 1);
        t.resourceCountIs("AWS::Backup::ReportPlan", 4);
        assertTrue(primary.getAudit().getControls().stream().anyMatch(c -> c.getControlName().equals("BACKUP_RESOURCES_PROTECTED_BY_CROSS_REGION")
                && c.getParameters().equals(Map.of("crossRegionList", "us-west-2"))), primary.getAudit().getControls().toString());
        t.resourceCountIs("AWS::Backup::RestoreTestingPlan", 1);
        t.resourceCountIs("AWS::DLM::LifecyclePolicy", 2);
        t.hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of("ReplicationConfiguration", Match.objectLike(Map.of(
                "Rules", List.of(Match.objectLike(Map.of("Destination", Match.objectLike(Map.of(
                        "Bucket", Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
                                ":s3:::drkit-archive-replica-111111111111-us-west-2"))),
                        "ReplicationTime", Map.of("Status", "Enabled", "Time", Map.of("Minutes", 15))))))))))));
    }

    @Test
    void recovery_whenSynthesized_holdsNamedVaultAndReplicaBucketWithAliasedKey() {
        Template t = Template.fromStack(recovery);
        t.hasResourceProperties("AWS::Backup::BackupVault", Match.objectLike(Map.of(
                "BackupVaultName", BackupRestoreStacks.RECOVERY_VAULT,
                "LockConfiguration", Map.of("MinRetentionDays", 7, "MaxRetentionDays", 365))));
        t.hasResourceProperties("AWS::KMS::Alias", Map.of("AliasName", BackupRestoreStacks.REPLICA_KEY_ALIAS, "TargetKeyId", Match.anyValue()));
        t.hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of(
                "BucketName", "drkit-archive-replica-111111111111-us-west-2",
                "ObjectLockEnabled", true,
                "VersioningConfiguration", Map.of("Status", "Enabled"))));
        t.resourceCountIs("AWS::Backup::BackupPlan", 0);
    }

    @Test
    void recoveryEstimate_whenPrimary_isBoundedByCopyAndReplication() {
        RecoveryEstimate backups = primary.getBackups().recoveryEstimate();
        assertTrue(backups.rpoBounded());
        assertEquals(java.time.Duration.ofHours(3), backups.rpo());
        RecoveryEstimate archive = primary.getArchive().recoveryEstimate();
        assertTrue(archive.rpoBounded());
        assertEquals(java.time.Duration.ofMinutes(15), archive.rpo());
        // Deep Archive at 180 days, standard retrieval.
        assertEquals(java.time.Duration.ofHours(12), archive.rto());
        assertFalse(recovery.getArchiveReplica().recoveryEstimate().rpoBounded());
    }

    @Test
    void objectives_whenDeclaredOnPrimary_areMetBySynth() {
        io.github.drkit.objectives.RecoveryObjectives declared = io.github.drkit.objectives.RecoveryObjectives.of(primary);
        assertEquals(BackupRestoreStacks.RTO.toSeconds(), declared.getRto().toSeconds().longValue());
        assertEquals(BackupRestoreStacks.RPO.toSeconds(), declared.getRpo().toSeconds().longValue());
        // The check runs at synth: a construct that missed the objectives would fail it.
        app.synth();
    }

    @Test
    void stacks_whenSynthesized_areInTheApp() {
        List<String> names = app.getNode().getChildren().stream().filter(c -> c instanceof Stack).map(c -> ((Stack) c).getStackName()).toList();
        assertTrue(names.containsAll(List.of("drkit-backup-restore-primary", "drkit-backup-restore-recovery", "drkit-backup-restore-site")),
                names.toString());
    }

    @Test
    void site_whenSynthesized_tagsTheDatabaseForTheBackupPlanAndTheServersForTheAmiPolicy() {
        Stack site = (Stack) app.getNode().findChild("drkit-backup-restore-site");
        Template t = Template.fromStack(site);
        assertEquals("us-east-1", site.getRegion());
        t.hasResourceProperties("AWS::RDS::DBInstance", Match.objectLike(Map.of("DBInstanceIdentifier", BackupRestoreStacks.DATABASE,
                "CopyTagsToSnapshot", true, "Tags", Match.arrayWith(List.of(
                        Map.of("Key", "drkit:backup", "Value", "backup-restore"), Map.of("Key", "drkit:tier", "Value", "production"))))));
        t.hasResourceProperties("AWS::AutoScaling::AutoScalingGroup", Match.objectLike(Map.of("Tags", Match.arrayWith(List.of(
                Map.of("Key", "drkit:ami", "PropagateAtLaunch", true, "Value", "backup-restore"),
                Map.of("Key", "drkit:ami-tier", "PropagateAtLaunch", true, "Value", "web"))))));
        // The AMI policy of the primary selects the instances by the same tag.
        Template.fromStack(primary).hasResourceProperties("AWS::DLM::LifecyclePolicy", Match.objectLike(Map.of("PolicyDetails",
                Match.objectLike(Map.of("TargetTags", List.of(Map.of("Key", "drkit:ami", "Value", "backup-restore")))))));
    }

    @Test
    void recovery_whenSynthesized_restoresTheSiteDatabaseAndTheCopiedAmiThenMovesDns() {
        Template t = Template.fromStack(recovery);
        t.hasResourceProperties("AWS::AutoScaling::AutoScalingGroup", Map.of("MinSize", "0", "MaxSize", "8",
                "DesiredCapacity", Match.absent(), "TargetGroupARNs", Match.anyValue()));
        t.hasResourceProperties("AWS::Route53::RecordSet", Match.objectLike(Map.of("Name", "backup-restore.drkit.example.com.",
                "Failover", "SECONDARY")));
        t.resourceCountIs("AWS::RDS::DBInstance", 0);
        String plan = t.findResources("AWS::Lambda::Function").values().stream().map(String::valueOf)
                .filter(f -> f.contains("DRKIT_PLAN")).findFirst().orElseThrow();
        assertTrue(plan.contains("\"strategy\":\"BACKUP_RESTORE\""), plan);
        assertTrue(plan.contains("\"sourceDbInstanceIdentifier\":\"" + BackupRestoreStacks.DATABASE + "\""), plan);
        assertTrue(plan.contains("\"imageTags\":{\"drkit:ami\":\"backup-restore\",\"drkit:ami-tier\":\"web\"}"), plan);
        assertTrue(plan.contains("\"vpcSecurityGroupIds\":[\""), plan);
        t.hasResourceProperties("AWS::EC2::SecurityGroupIngress", Map.of("Description", "web to the restored database",
                "FromPort", BackupRestoreStacks.DATABASE_PORT, "ToPort", BackupRestoreStacks.DATABASE_PORT));
        assertEquals(BackupRestoreStacks.DATABASE + "-restored", recovery.getRestore().getRestoredDatabaseIdentifier());
        RecoveryEstimate estimate = recovery.getRestore().recoveryEstimate();
        assertTrue(estimate.rto().compareTo(BackupRestoreStacks.RTO) < 0, estimate.rto().toString());
        assertEquals(BackupRestoreStacks.RTO.toSeconds(),
                io.github.drkit.objectives.RecoveryObjectives.of(recovery).getRto().toSeconds().longValue());
    }
}
