package io.github.drkit.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.drkit.internal.plan.PlanPermissions;
import io.github.drkit.objectives.DrStrategy;
import io.github.drkit.plan.RecoveryPlan;
import io.github.drkit.plan.RestoreBackupPlan;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.iam.PolicyStatement;

/** {@link PlanRestoreBackup}: its plan step, stage, scoped statements and validation messages. */
class PlanRestoreBackupTest {
    private static final String VOLUME = "arn:aws:ec2:us-east-1:111111111111:volume/vol-0123456789abcdef0";
    private static final String ROLE = "arn:aws:iam::111111111111:role/shop-backup-restore";

    private static PlanRestoreBackup.Builder volume() {
        return PlanRestoreBackup.builder().region("us-west-2").backupVaultName("shop-recovery").resourceType("EBS").resourceArn(VOLUME)
                .restoreRoleArn(ROLE).restoreMetadata(Map.of("availabilityZone", "us-west-2a"));
    }

    private static FailoverPlan plan(RecoveryStep... steps) {
        return FailoverPlan.builder().application("shop").strategy(DrStrategy.BACKUP_RESTORE).primaryRegion("us-east-1")
                .recoveryRegion("us-west-2").otherSteps(List.of(steps)).build();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> statement(List<PolicyStatement> statements, String sid) {
        return (Map<String, Object>) statements.stream().filter(s -> sid.equals(s.getSid())).findFirst()
                .orElseThrow(() -> new AssertionError("no statement " + sid)).toStatementJson();
    }

    private static List<PolicyStatement> statements(FailoverPlan plan) {
        Stack stack = new Stack(new App(), "Dr", StackProps.builder()
                .env(Environment.builder().account("111111111111").region("us-west-2").build()).build());
        return PlanPermissions.statements(stack, plan);
    }

    @Test
    void toPlan_whenRestoreBackup_putsItInTheDataStageWithItsFields() {
        RecoveryPlan model = plan(volume().rpo(Duration.days(1)).build()).toPlan();

        assertEquals("data", model.stages().get(0).name());
        var step = model.stages().get(0).steps().get(0);
        assertEquals(new RestoreBackupPlan("us-west-2", "shop-recovery", "EBS", VOLUME, ROLE, Map.of("availabilityZone", "us-west-2a"), 86400,
                step.path()), step);
    }

    @Test
    void statements_whenRestoreBackup_scopeToTheVaultTheRegionsPointsAndPassTheRoleOnlyToBackup() {
        List<PolicyStatement> statements = statements(plan(volume().build()));

        Map<String, Object> vaults = statement(statements, "RestoreBackupVaults");
        assertEquals("backup:ListRecoveryPointsByBackupVault", vaults.get("Action"));
        assertTrue(String.valueOf(vaults.get("Resource")).endsWith(":backup:us-west-2:111111111111:backup-vault:shop-recovery"), vaults.toString());
        Map<String, Object> points = statement(statements, "RestoreBackupPoints");
        assertEquals("backup:StartRestoreJob", points.get("Action"));
        String resources = String.valueOf(points.get("Resource"));
        assertTrue(resources.contains(":backup:us-west-2:111111111111:recovery-point:*"), resources);
        assertTrue(resources.contains(":ec2:us-west-2::snapshot/*"), resources);
        Map<String, Object> jobs = statement(statements, "RestoreBackupJobs");
        assertEquals(List.of("backup:ListRestoreJobs", "backup:DescribeRestoreJob"), jobs.get("Action"));
        Map<String, Object> pass = statement(statements, "RestoreBackupPassRole");
        assertEquals("iam:PassRole", pass.get("Action"));
        assertEquals(ROLE, pass.get("Resource"));
        assertEquals(Map.of("StringEquals", Map.of("iam:PassedToService", "backup.amazonaws.com")), pass.get("Condition"));
    }

    @Test
    void build_whenResourceTypeIsUnsupported_refusesNamingTheType() {
        PlanModelTest.assertMessage("PlanRestoreBackup: resourceType: must be a resource type the restore can start through AWS Backup, one of"
                + " EBS, EC2, RDS, Aurora, DynamoDB, EFS (got 'FSx')", () -> volume().resourceType("FSx").build());
    }

    @Test
    void build_whenRequiredMetadataIsMissing_refusesNamingTheKey() {
        PlanModelTest.assertMessage("PlanRestoreBackup: restoreMetadata.availabilityZone: is required to restore an EBS volume through AWS Backup"
                + " (restore metadata of EBS: required availabilityZone)", () -> volume().restoreMetadata(Map.of()).build());
    }

    @Test
    void build_whenMetadataKeyIsUnknown_refusesNamingTheKey() {
        PlanModelTest.assertMessage("PlanRestoreBackup: restoreMetadata.size: is not restore metadata AWS Backup documents for EBS (got key"
                + " 'size'; known keys: availabilityZone, encrypted, iops, kmsKeyId, throughput, volumeSize, volumeType)",
                () -> volume().restoreMetadata(Map.of("availabilityZone", "us-west-2a", "size", "8")).build());
    }

    @Test
    void build_whenResourceArnIsOfAnotherType_refusesIt() {
        PlanModelTest.assertMessage("PlanRestoreBackup: resourceArn: must be the ARN of an RDS DB instance (arn:aws:rds:us-east-1:123456789012:db:orders)"
                + " for resourceType RDS (got '" + VOLUME + "')",
                () -> volume().resourceType("RDS").restoreMetadata(Map.of("DBInstanceIdentifier", "orders-restored")).build());
    }

    @Test
    void build_whenRestoreRoleIsNotARole_refusesIt() {
        PlanModelTest.assertMessage("PlanRestoreBackup: restoreRoleArn: must be an IAM role ARN, arn:<partition>:iam::<account>:role/<name>, the"
                + " role AWS Backup assumes to create the restored resource (got 'shop-backup-restore')",
                () -> volume().restoreRoleArn("shop-backup-restore").build());
    }

    @Test
    void build_whenVaultIsMissing_refusesIt() {
        PlanModelTest.assertMessage("PlanRestoreBackup: backupVaultName is required", () -> volume().backupVaultName(null).build());
    }

    @Test
    void build_whenRpoIsBelowASecond_refusesIt() {
        PlanModelTest.assertMessage("PlanRestoreBackup: rpo must be from 1 second to 365 days (got 500 millis)",
                () -> volume().rpo(Duration.millis(500)).build());
    }
}
