package io.github.drkit.gates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.drkit.failover.FailoverFunction;
import io.github.drkit.failover.FailoverFunctionProps;
import io.github.drkit.failover.FailoverPlan;
import io.github.drkit.failover.PlanRestoreBackup;
import io.github.drkit.objectives.DrStrategy;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;

/**
 * A recovery function whose plan restores through AWS Backup (an EBS volume and a DynamoDB table) passes cdk-nag and
 * cfn-lint: its wildcards are the recovery points AWS Backup names and the job reads without resource-level
 * permission, each suppression with its reason; nothing else is accepted.
 */
class RestoreBackupGatesTest {
    private static SynthesizedApp app;

    @BeforeAll
    static void synthesize() {
        app = SynthesizedApp.of("restore-backup", a -> {
            Stack stack = new Stack(a, "restore-backup", StackProps.builder()
                    .env(Environment.builder().account("111111111111").region("us-west-2").build()).build());
            String role = "arn:aws:iam::111111111111:role/shop-backup-restore";
            FailoverPlan plan = FailoverPlan.builder().application("shop").strategy(DrStrategy.BACKUP_RESTORE).primaryRegion("us-east-1")
                    .recoveryRegion("us-west-2").otherSteps(List.of(
                            PlanRestoreBackup.builder().region("us-west-2").backupVaultName("shop-recovery").resourceType("EBS")
                                    .resourceArn("arn:aws:ec2:us-east-1:111111111111:volume/vol-0123456789abcdef0").restoreRoleArn(role)
                                    .restoreMetadata(Map.of("availabilityZone", "us-west-2a")).build(),
                            PlanRestoreBackup.builder().region("us-west-2").backupVaultName("shop-recovery").resourceType("DynamoDB")
                                    .resourceArn("arn:aws:dynamodb:us-east-1:111111111111:table/shop-carts").restoreRoleArn(role)
                                    .restoreMetadata(Map.of("targetTableName", "shop-carts-restored")).build()))
                    .build();
            new FailoverFunction(stack, "Recovery", FailoverFunctionProps.builder().plan(plan).build());
        });
    }

    @Test
    void nag_whenPlanRestoresThroughAwsBackup_hasNoUnsuppressedFinding() {
        assertEquals(List.of(), NagGate.errors(app.assembly()));
    }

    @Test
    void cfnLint_whenPlanRestoresThroughAwsBackup_findsNoError() {
        assertEquals(List.of(), CfnLintGate.errors(app.templates(), app.regions()));
    }

    @Test
    void suppressions_whenPlanRestoresThroughAwsBackup_eachSayWhy() {
        List<SuppressionAudit.Suppression> suppressions = SuppressionAudit.suppressions(app.templates());

        assertTrue(suppressions.stream().anyMatch(s -> s.reason().contains("backup:StartRestoreJob")), suppressions.toString());
        assertEquals(List.of(), SuppressionAudit.weak(suppressions));
    }
}
