package io.github.drkit.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.drkit.apps.ReferenceApp;
import io.github.drkit.apps.ReferenceEnvironment;
import io.github.drkit.apps.drill.DrillCommand;
import io.github.drkit.apps.drill.DrillReport;
import io.github.drkit.apps.drill.DrillReport.StepRecord;
import io.github.drkit.apps.drill.DrillReport.StrategyDrill;
import io.github.drkit.apps.drill.DrillRunner;
import io.github.drkit.apps.drill.ReportTable;
import io.github.drkit.apps.strategies.BackupRestoreStacks;
import io.github.drkit.testing.MotoServer;
import io.github.drkit.testing.MotoServerExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;

/**
 * The reference app's backup and restore, drilled as the command does: the drill makes the recovery points the
 * strategy's copies would leave in the recovery Region, runs the restore action (not failover) as the deployed role
 * with IAM enforced, verifies, repairs, fails back and keeps what it restored. The test reads the emulator itself,
 * through the SDK rather than the runtime's client, after the restore and after the failback.
 */
@ExtendWith(MotoServerExtension.class)
class BackupRestoreDrillTest {
    private static final String ZONE = "drkit.example.com";
    private static final String RESTORED = BackupRestoreStacks.DATABASE + "-restored";

    @Test
    void drill_whenBackupRestore_restoresFromTheRecoveryPointsFailsBackAndKeepsTheRestoredDatabase(MotoServer moto) {
        Path out = Path.of("target", "drill", "backup-restore");
        AwsCredentialsProvider account = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(ReferenceEnvironment.PLACEHOLDER_ACCOUNT, "backup-restore-drill"));
        List<String> observed = Collections.synchronizedList(new ArrayList<>());
        List<String> groups = Collections.synchronizedList(new ArrayList<>());
        DrillReport report;
        try (RdsClient rds = RdsClient.builder().region(Region.US_WEST_2).endpointOverride(moto.endpoint()).credentialsProvider(account)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            report = DrillRunner.builder()
                    .app(ReferenceApp::define)
                    .outdir(out.resolve("assembly"))
                    .endpoint(moto.endpoint())
                    .prerequisite(ReferenceEnvironment.PLACEHOLDER_ACCOUNT, clients -> Map.of("hostedZoneId", clients.route53()
                            .createHostedZone(b -> b.name(ZONE).callerReference("backup-restore-drill")).hostedZone().id()
                            .replace("/hostedzone/", ""), "zoneName", ZONE))
                    .context("account", ReferenceEnvironment.PLACEHOLDER_ACCOUNT)
                    .strategy("drkit-backup-restore")
                    .listener((target, step, plan) -> {
                        if (step.equals("create recovery points") || step.equals("restore") || step.equals("failback")) {
                            observed.add(step + ": " + restored(rds).map(db -> db.dbInstanceStatus() + " from "
                                    + db.tagList().stream().filter(t -> t.key().equals("drkit:restored-from")).map(t -> t.value())
                                    .findFirst().orElse("?")).orElse("no restored database"));
                        }
                        if (step.equals("restore")) {
                            restored(rds).ifPresent(db -> db.vpcSecurityGroups().forEach(g -> groups.add(g.vpcSecurityGroupId())));
                        }
                    })
                    .build()
                    .run();
        }
        DrillCommand.write(report, out);
        ReportTable.print(report, System.out);

        assertEquals(1, report.strategies().size());
        StrategyDrill drill = report.strategies().get(0);
        assertTrue(drill.passed(), () -> drill.error() + "\n" + StrategyDrillTest.failed(drill));
        assertEquals("BACKUP_RESTORE", drill.strategy());
        String snapshot = step(drill, "create recovery points").checks().get(0).subject().split(" ")[2];
        assertEquals(List.of("create recovery points: no restored database", "restore: available from " + snapshot,
                "failback: available from " + snapshot), observed);

        // The restore action, not failover, under the deployed role: one restore of the database, one launch template version.
        assertFalse(drill.steps().stream().anyMatch(s -> s.name().equals("failover")), "a backup-and-restore plan is restored, not failed over");
        Map<String, Integer> restore = step(drill, "restore").calls();
        assertEquals(1, restore.getOrDefault("rds:RestoreDBInstanceFromDBSnapshot", 0), restore.toString());
        assertEquals(1, restore.getOrDefault("ec2:CreateLaunchTemplateVersion", 0), restore.toString());
        assertTrue(step(drill, "restore").checks().stream().allMatch(c -> c.passed() && c.subject().startsWith("every call of the run under role")),
                () -> step(drill, "restore").checks().toString());
        Map<String, Integer> failback = step(drill, "failback").calls();
        assertFalse(failback.keySet().stream().anyMatch(op -> op.startsWith("rds:Delete")), "failback deletes nothing: " + failback);
        // Available, restored from its point, in the site's security group; the web tier on its image.
        assertEquals(4, step(drill, "verify restore").checks().size());
        // Read through the SDK: the restored instance is in the one group the site made for it, not the VPC's default.
        assertEquals(1, groups.size(), groups.toString());
        assertTrue(step(drill, "verify restore").checks().stream().anyMatch(c -> c.passed() && c.subject().endsWith(" security groups")
                && c.actual().equals(groups.toString())), () -> step(drill, "verify restore").checks() + " " + groups);
        assertEquals(2, step(drill, "verify restored resources left for the operator").checks().size());

        // The report gives each recovery point's age and each resource's restore time.
        assertEquals(2, drill.events().stream().filter(e -> e.contains(": recovery point ") && e.contains(" old (RPO met); restored in "))
                .count(), drill.events().toString());
        assertTrue(drill.events().stream().anyMatch(e -> e.startsWith("left for the operator: stages[0].steps[0]: RDS instance " + RESTORED)),
                drill.events().toString());

        // Measured orchestration plus the budgeted restore against the 24 h objective.
        assertEquals(BackupRestoreStacks.RTO.toMillis(), drill.rto().objectiveMillis());
        assertTrue(drill.rto().physical().stream().anyMatch(t -> t.name().equals("database restore")), drill.rto().physical().toString());
        assertEquals(Boolean.TRUE, drill.rto().fits(), drill.rto().verdict());
        assertEquals(Boolean.TRUE, drill.rto().projectedWithinObjective(), drill.rto().verdict());
        assertTrue(drill.rto().measuredOrchestrationMillis() > 0);
        assertFalse(report.notDrilled().stream().anyMatch(s -> s.startsWith("drkit-backup-restore")), report.notDrilled().toString());
    }

    private static StepRecord step(StrategyDrill drill, String name) {
        return drill.steps().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no step '" + name + "' in " + drill.steps().stream().map(StepRecord::name).toList()));
    }

    private static Optional<DBInstance> restored(RdsClient rds) {
        return rds.describeDBInstances().dbInstances().stream().filter(db -> db.dbInstanceIdentifier().equals(RESTORED)).findFirst();
    }
}
