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
import io.github.drkit.failover.PlanRestoreDatabase;
import io.github.drkit.failover.PlanRestoreVolume;
import io.github.drkit.objectives.DrStrategy;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;

/**
 * A recovery function whose plan restores an EBS volume from a tagged snapshot and a database to a point in time, with
 * no AWS Backup restore beside them, passes cdk-nag and cfn-lint: its wildcards are the volume and snapshot ids EC2
 * assigns and the automated backups RDS names, each suppression with its reason; nothing else is accepted.
 */
class RestoreVolumeGatesTest {
    private static SynthesizedApp app;

    @BeforeAll
    static void synthesize() {
        app = SynthesizedApp.of("restore-volume", a -> {
            Stack stack = new Stack(a, "restore-volume", StackProps.builder()
                    .env(Environment.builder().account("111111111111").region("us-west-2").build()).build());
            FailoverPlan plan = FailoverPlan.builder().application("shop").strategy(DrStrategy.BACKUP_RESTORE).primaryRegion("us-east-1")
                    .recoveryRegion("us-west-2").otherSteps(List.of(
                            PlanRestoreVolume.builder().region("us-west-2").availabilityZone("us-west-2a")
                                    .snapshotTags(Map.of("app", "shop")).volumeName("shop-data")
                                    .attachInstanceId("i-0123456789abcdef0").attachDevice("/dev/sdf").build(),
                            PlanRestoreDatabase.builder().region("us-west-2").sourceDbInstanceIdentifier("shop-db")
                                    .dbInstanceIdentifier("shop-db-restored").pointInTime(true).build()))
                    .build();
            new FailoverFunction(stack, "Recovery", FailoverFunctionProps.builder().plan(plan).build());
        });
    }

    @Test
    void nag_whenPlanRestoresVolumeAndPointInTime_hasNoUnsuppressedFinding() {
        assertEquals(List.of(), NagGate.errors(app.assembly()));
    }

    @Test
    void cfnLint_whenPlanRestoresVolumeAndPointInTime_findsNoError() {
        assertEquals(List.of(), CfnLintGate.errors(app.templates(), app.regions()));
    }

    @Test
    void suppressions_whenPlanRestoresVolumeAndPointInTime_eachSayWhy() {
        List<SuppressionAudit.Suppression> suppressions = SuppressionAudit.suppressions(app.templates());

        assertTrue(suppressions.stream().anyMatch(s -> s.reason().contains("ec2:CreateVolume on volume/*")), suppressions.toString());
        assertTrue(suppressions.stream().anyMatch(s -> s.reason().contains("auto-backup:ab-<id>")), suppressions.toString());
        assertEquals(List.of(), SuppressionAudit.weak(suppressions));
    }
}
