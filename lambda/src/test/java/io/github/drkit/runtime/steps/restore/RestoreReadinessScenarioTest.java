package io.github.drkit.runtime.steps.restore;

import static io.github.drkit.runtime.scenario.Emulator.PRIMARY;
import static io.github.drkit.runtime.scenario.Emulator.RECOVERY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.drkit.plan.RecoveryPlan;
import io.github.drkit.runtime.aws.AwsClients;
import io.github.drkit.runtime.engine.ReportJson;
import io.github.drkit.runtime.readiness.Finding;
import io.github.drkit.runtime.readiness.Objectives;
import io.github.drkit.runtime.readiness.ReadinessEvaluator;
import io.github.drkit.runtime.readiness.ReadinessReport;
import io.github.drkit.runtime.readiness.Severity;
import io.github.drkit.runtime.readiness.Verdict;
import io.github.drkit.runtime.scenario.Emulator;
import io.github.drkit.runtime.scenario.RecordingHook;
import io.github.drkit.testing.MotoServer;
import io.github.drkit.testing.MotoServerExtension;
import software.amazon.awssdk.services.ec2.model.ResourceType;

/**
 * Evaluate's answer for backup and restore, against the emulator: is there a recovery point in the recovery Region for
 * each restore step (database snapshot copies, AMIs, EBS snapshots), and how old is the one a restore now would use
 * against the step's RPO. A restore that already ran is reported as such, not as an error.
 */
@ExtendWith(MotoServerExtension.class)
class RestoreReadinessScenarioTest {
    private static final String DATABASE = """
            {"kind": "restoreDatabase", "sourceDbInstanceIdentifier": "orders", "dbInstanceIdentifier": "orders-restored", "rpoSeconds": %d}""";
    private static final String IMAGE = """
            {"kind": "restoreImage", "autoScalingGroupName": "%s", "imageTags": {"drkit:image": "web"}, "rpoSeconds": %d}""";
    private static final String VOLUME = """
            {"kind": "restoreVolume", "availabilityZone": "%s", "snapshotTags": {"drkit:volume": "data"}, "volumeName": "shop-data",
             "attachTo": {"instanceId": "%s", "device": "/dev/sdf"}, "rpoSeconds": %d}""";

    private Emulator emulator;
    private AwsClients clients;
    private ReadinessEvaluator evaluator;
    private String instance;
    private String instanceZone;

    @BeforeEach
    void setUp(MotoServer moto) {
        emulator = new Emulator(moto);
        clients = emulator.runtimeClients(new RecordingHook());
        evaluator = ReadinessEvaluator.builder(clients).build();
        emulator.fleet(RECOVERY, "web", 0, 0, 2, "t3.small", false);
        var launched = emulator.ec2(RECOVERY).runInstances(r -> r.imageId("ami-12c6146b").minCount(1).maxCount(1)
                .subnetId(emulator.subnet(RECOVERY))).instances().get(0);
        instance = launched.instanceId();
        instanceZone = launched.placement().availabilityZone();
        emulator.rds(PRIMARY).createDBInstance(r -> r.dbInstanceIdentifier("orders").dbInstanceClass("db.t3.micro")
                .engine("postgres").masterUsername("admin1").masterUserPassword("password123").allocatedStorage(20));
    }

    @AfterEach
    void tearDown() {
        evaluator.close();
        clients.close();
        emulator.close();
    }

    private ReadinessReport evaluate(String... steps) {
        return evaluate(Objectives.none(), steps);
    }

    private ReadinessReport evaluate(Objectives objectives, String... steps) {
        return evaluator.evaluate(RecoveryPlan.parse("""
                {"version": 2, "application": "shop", "strategy": "BACKUP_RESTORE", "primaryRegion": "us-east-1", "recoveryRegion": "us-west-2",
                 "stages": [{"name": "data", "steps": [%s]}]}
                """.formatted(String.join(", ", steps))), objectives, Duration.ofSeconds(60));
    }

    /** A snapshot of the primary database copied to the recovery Region, as a cross-Region copy rule leaves it; its id. */
    private String databaseCopy(String name) {
        String arn = emulator.rds(PRIMARY).createDBSnapshot(r -> r.dbInstanceIdentifier("orders").dbSnapshotIdentifier(name))
                .dbSnapshot().dbSnapshotArn();
        emulator.rds(RECOVERY).copyDBSnapshot(r -> r.sourceDBSnapshotIdentifier(arn).targetDBSnapshotIdentifier(name + "-copy")
                .sourceRegion(PRIMARY));
        return name + "-copy";
    }

    private String image(String name) {
        return emulator.ec2(RECOVERY).createImage(r -> r.instanceId(instance).name(name)
                .tagSpecifications(t -> t.resourceType(ResourceType.IMAGE).tags(tag -> tag.key("drkit:image").value("web")))).imageId();
    }

    private String volumeSnapshot() {
        String volume = emulator.ec2(RECOVERY).createVolume(r -> r.availabilityZone(instanceZone).size(8)).volumeId();
        return emulator.ec2(RECOVERY).createSnapshot(r -> r.volumeId(volume).tagSpecifications(t -> t.resourceType(ResourceType.SNAPSHOT)
                .tags(tag -> tag.key("drkit:volume").value("data")))).snapshotId();
    }

    private static Finding at(ReadinessReport report, String path) {
        return report.findings().stream().filter(f -> f.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding at " + path + ": " + ReportJson.write(report)));
    }

    @Test
    void evaluate_whenEveryStepHasAFreshRecoveryPoint_isReadyNamingTheNewestOfEach() throws InterruptedException {
        databaseCopy("orders-0");
        image("web-0");
        // Creation times have whole seconds: keep the generations apart so that "newest" is one of them.
        Thread.sleep(1_200);
        String snapshot = databaseCopy("orders-1");
        String ami = image("web-1");
        String ebs = volumeSnapshot();

        ReadinessReport report = evaluate(DATABASE.formatted(14400), IMAGE.formatted("web", 86400),
                VOLUME.formatted(instanceZone, instance, 86400));

        assertEquals(Verdict.READY, report.verdict(), () -> ReportJson.write(report));
        Finding database = at(report, "stages[0].steps[0]");
        assertEquals(Severity.INFO, database.severity());
        assertEquals(Finding.Category.DATA, database.category());
        assertTrue(database.problem().startsWith("the newest snapshot of RDS instance 'orders' in us-west-2 is " + snapshot + " of "),
                database.problem());
        assertTrue(database.problem().endsWith("(RPO 4 h: met)"), database.problem());
        assertTrue(database.impliedRpoSeconds() != null && database.impliedRpoSeconds() < 60, () -> ReportJson.write(report));
        assertTrue(at(report, "stages[0].steps[1]").problem().startsWith("the newest AMI tagged {drkit:image=web} in us-west-2 is " + ami + " of "),
                () -> ReportJson.write(report));
        assertTrue(at(report, "stages[0].steps[2]").problem().startsWith("the newest EBS snapshot tagged {drkit:volume=data} in us-west-2 is "
                + ebs + " of "), () -> ReportJson.write(report));
    }

    @Test
    void evaluate_whenTheRecoveryRegionHoldsNoRecoveryPoint_isNotReadyNamingEachStepsSelection() {
        // Snapshots exist in the primary Region only: nothing was copied.
        emulator.rds(PRIMARY).createDBSnapshot(r -> r.dbInstanceIdentifier("orders").dbSnapshotIdentifier("orders-0"));

        ReadinessReport report = evaluate(DATABASE.formatted(14400), IMAGE.formatted("web", 86400),
                VOLUME.formatted(instanceZone, instance, 86400));

        assertEquals(Verdict.NOT_READY, report.verdict(), () -> ReportJson.write(report));
        for (String field : List.of("stages[0].steps[0].sourceDbInstanceIdentifier", "stages[0].steps[1].imageTags",
                "stages[0].steps[2].snapshotTags")) {
            Finding missing = at(report, field);
            assertEquals(Severity.CRITICAL, missing.severity(), field);
            assertEquals(Finding.Category.EXISTENCE, missing.category(), field);
            assertTrue(missing.problem().contains(": a restore now would stop at this step and restore nothing"), missing.problem());
        }
        assertTrue(at(report, "stages[0].steps[0].sourceDbInstanceIdentifier").problem()
                .startsWith("no available snapshot of RDS instance 'orders' in us-west-2"), () -> ReportJson.write(report));
    }

    @Test
    void evaluate_whenTheNewestPointIsOlderThanTheRpo_warnsWithItsIdTimeAndAge() throws InterruptedException {
        String snapshot = databaseCopy("orders-0");
        String ebs = volumeSnapshot();
        Thread.sleep(2_100);

        ReadinessReport report = evaluate(DATABASE.formatted(1), VOLUME.formatted(instanceZone, instance, 1));

        assertEquals(Verdict.DEGRADED, report.verdict(), () -> ReportJson.write(report));
        Finding database = at(report, "stages[0].steps[0]");
        assertEquals(Severity.WARNING, database.severity());
        assertEquals(Finding.Category.DATA, database.category());
        assertTrue(database.problem().startsWith("the newest snapshot of RDS instance 'orders' in us-west-2 is " + snapshot + " of "),
                database.problem());
        assertTrue(database.problem().contains("older than the RPO of 1 s (1 s): a restore now would lose "), database.problem());
        assertTrue(database.impliedRpoSeconds() >= 2, () -> ReportJson.write(report));
        Finding volume = at(report, "stages[0].steps[1]");
        assertEquals(Severity.WARNING, volume.severity());
        assertTrue(volume.problem().contains(ebs), volume.problem());
    }

    @Test
    void evaluate_whenTheStepDeclaresNoRpo_weighsThePointAgainstThePlansRpo() throws InterruptedException {
        String ami = image("web-0");
        Thread.sleep(2_100);
        String step = IMAGE.formatted("web", 1).replace(", \"rpoSeconds\": 1", "");

        ReadinessReport declared = evaluate(new Objectives(null, Duration.ofSeconds(1)), step);
        ReadinessReport none = evaluate(step);

        assertEquals(Verdict.DEGRADED, declared.verdict(), () -> ReportJson.write(declared));
        assertTrue(at(declared, "stages[0].steps[0]").problem().startsWith("the newest AMI tagged {drkit:image=web} in us-west-2 is " + ami),
                () -> ReportJson.write(declared));
        assertTrue(at(declared, "stages[0].steps[0]").problem().contains("older than the RPO of 1 s"), () -> ReportJson.write(declared));
        assertEquals(Verdict.READY, none.verdict(), () -> ReportJson.write(none));
        assertTrue(at(none, "stages[0].steps[0]").problem().endsWith(" old (no RPO declared)"), () -> ReportJson.write(none));
    }

    /** An RDS instance restored by an earlier run from a point two hours old, and a volume restored without point tags. */
    private String restoredEarlier(Instant pointTime) {
        databaseCopy("orders-0");
        emulator.rds(RECOVERY).createDBInstance(r -> r.dbInstanceIdentifier("orders-restored").dbInstanceClass("db.t3.micro")
                .engine("postgres").masterUsername("admin1").masterUserPassword("password123").allocatedStorage(20)
                .tags(t -> t.key(RestoreTags.RESTORED_FROM).value("orders-0-copy"), t -> t.key(RestoreTags.RECOVERY_POINT_TIME)
                        .value(pointTime.toString())));
        return emulator.ec2(RECOVERY).createVolume(r -> r.availabilityZone(instanceZone).size(8).tagSpecifications(t -> t
                .resourceType(ResourceType.VOLUME).tags(tag -> tag.key(RestoreVolumeExecutor.RESTORED_VOLUME).value("shop-data")))).volumeId();
    }

    @Test
    void evaluate_whenTheRestoreAlreadyRanFromAPointWithinTheRpo_isInfoNamingWhatItMade() {
        Instant pointTime = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        String volume = restoredEarlier(pointTime);

        // No EBS snapshot at all: the restored volume is what counts now.
        ReadinessReport report = evaluate(DATABASE.formatted(86400), VOLUME.formatted(instanceZone, instance, 1));

        assertEquals(Verdict.READY, report.verdict(), () -> ReportJson.write(report));
        Finding database = at(report, "stages[0].steps[0]");
        assertEquals(Severity.INFO, database.severity());
        assertTrue(database.problem().startsWith("already restored: RDS instance orders-restored exists (available) from orders-0-copy of "
                + pointTime), database.problem());
        assertTrue(at(report, "stages[0].steps[1]").problem().startsWith("already restored: volume " + volume + " named shop-data exists"),
                () -> ReportJson.write(report));
    }

    @Test
    void evaluate_whenTheRestoreAlreadyRanFromAPointOlderThanTheRpo_warnsNamingWhatToDeleteAndDeletesNothing() {
        Instant pointTime = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        restoredEarlier(pointTime);

        ReadinessReport report = evaluate(DATABASE.formatted(3600));

        assertEquals(Verdict.DEGRADED, report.verdict(), () -> ReportJson.write(report));
        Finding database = at(report, "stages[0].steps[0]");
        assertEquals(Severity.WARNING, database.severity());
        assertEquals(Finding.Category.DATA, database.category());
        assertTrue(database.problem().contains("a restore now reuses it and makes nothing new, so recovery serves data 2 h"),
                database.problem());
        assertTrue(database.problem().endsWith("older than the RPO of 1 h (3600 s)"), database.problem());
        assertTrue(database.fix().contains("delete the instance (aws rds delete-db-instance --region us-west-2 --db-instance-identifier"
                + " orders-restored)"), database.fix());
        assertEquals("available", emulator.rds(RECOVERY).describeDBInstances(r -> r.dbInstanceIdentifier("orders-restored"))
                .dbInstances().get(0).dbInstanceStatus(), "evaluate deletes nothing");
    }

    @Test
    void evaluate_whenPointInTimeAndNoReplicatedRestoreWindow_isNotReadyNamingTheSource() {
        // The emulator lists automated backups without a restore window: nothing a point-in-time restore could use.
        ReadinessReport report = evaluate("""
                {"kind": "restoreDatabase", "source": "pointInTime", "sourceDbInstanceIdentifier": "orders",
                 "dbInstanceIdentifier": "orders-restored", "rpoSeconds": 300}""");

        assertEquals(Verdict.NOT_READY, report.verdict(), () -> ReportJson.write(report));
        Finding missing = at(report, "stages[0].steps[0].sourceDbInstanceIdentifier");
        assertEquals(Severity.CRITICAL, missing.severity());
        assertTrue(missing.problem().startsWith("no available automated backups of RDS instance 'orders' replicated to us-west-2 with a"
                + " restore window"), missing.problem());
    }

    @Test
    void evaluate_whenTheGroupToPointAtTheImageIsMissing_isNotReadyNamingTheGroupField() {
        image("web-0");

        ReadinessReport report = evaluate(IMAGE.formatted("gone", 86400));

        assertEquals(Verdict.NOT_READY, report.verdict(), () -> ReportJson.write(report));
        Finding missing = at(report, "stages[0].steps[0].autoScalingGroupName");
        assertEquals(Severity.CRITICAL, missing.severity());
        assertTrue(missing.problem().contains("Auto Scaling group 'gone' not found in us-west-2"), missing.problem());
        // The recovery point is still weighed: the report says all that is wrong at once.
        assertEquals(Severity.INFO, at(report, "stages[0].steps[0]").severity());
    }

    @Test
    void evaluate_whenTheGroupAlreadyLaunchesTheNewestImage_saysSo() {
        String ami = image("web-0");
        var group = emulator.group(RECOVERY, "web");
        long version = emulator.ec2(RECOVERY).createLaunchTemplateVersion(r -> r.launchTemplateId(group.launchTemplate().launchTemplateId())
                .sourceVersion("1").launchTemplateData(d -> d.imageId(ami))).launchTemplateVersion().versionNumber();
        emulator.autoScaling(RECOVERY).updateAutoScalingGroup(r -> r.autoScalingGroupName("web")
                .launchTemplate(t -> t.launchTemplateId(group.launchTemplate().launchTemplateId()).version(String.valueOf(version))));

        ReadinessReport report = evaluate(IMAGE.formatted("web", 86400));

        assertEquals(Verdict.READY, report.verdict(), () -> ReportJson.write(report));
        assertTrue(at(report, "stages[0].steps[0]").problem().endsWith("; the group already launches it (launch template version " + version
                + ")"), () -> ReportJson.write(report));
    }

    @Test
    void evaluate_whenTheInstanceToAttachToIsInAnotherZone_isNotReadyNamingAttachTo() {
        volumeSnapshot();
        String otherZone = instanceZone.endsWith("a") ? RECOVERY + "b" : RECOVERY + "a";

        ReadinessReport report = evaluate(VOLUME.formatted(otherZone, instance, 86400));

        assertEquals(Verdict.NOT_READY, report.verdict(), () -> ReportJson.write(report));
        Finding wrong = at(report, "stages[0].steps[0].attachTo.instanceId");
        assertEquals(Severity.CRITICAL, wrong.severity());
        assertTrue(wrong.problem().contains("is in " + instanceZone + ", not in the step's availabilityZone " + otherZone), wrong.problem());
    }

    @Test
    void evaluate_whenStepsShareARegionAndSelection_readsTheirRecoveryPointsOnce() {
        databaseCopy("orders-0");
        image("web-0");
        String second = DATABASE.formatted(14400).replace("orders-restored", "orders-restored-2");
        String pointInTime = """
                {"kind": "restoreDatabase", "source": "pointInTime", "sourceDbInstanceIdentifier": "%s", "dbInstanceIdentifier": "%s"}""";

        ReadinessReport report = evaluate(DATABASE.formatted(14400), second, IMAGE.formatted("web", 86400), IMAGE.formatted("api", 3600),
                pointInTime.formatted("orders", "orders-pit"), pointInTime.formatted("invoices", "invoices-pit"));

        assertEquals(1, report.callsByOperation().get("Rds DescribeDBSnapshots"), () -> ReportJson.write(report));
        assertEquals(1, report.callsByOperation().get("Rds DescribeDBInstanceAutomatedBackups"), () -> ReportJson.write(report));
        assertEquals(1, report.callsByOperation().get("Ec2 DescribeImages"), () -> ReportJson.write(report));
        assertEquals(1, report.callsByOperation().get("AutoScaling DescribeAutoScalingGroups"), () -> ReportJson.write(report));
        assertEquals(4, report.callsByOperation().get("Rds DescribeDBInstances"), () -> ReportJson.write(report));
    }
}
