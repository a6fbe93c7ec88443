package io.github.drkit.runtime.steps.restore;

import static io.github.drkit.runtime.scenario.Emulator.PRIMARY;
import static io.github.drkit.runtime.scenario.Emulator.RECOVERY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.drkit.lambda.FailoverHandler;
import io.github.drkit.plan.InvalidInputException;
import io.github.drkit.plan.PlanValidationException;
import io.github.drkit.runtime.aws.AwsClients;
import io.github.drkit.runtime.scenario.Emulator;
import io.github.drkit.runtime.scenario.RecordingHook;
import io.github.drkit.testing.MotoServer;
import io.github.drkit.testing.MotoServerExtension;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * Backup and restore against the emulator: database snapshots copied to the recovery Region and copied AMIs are the
 * recovery points; restore brings the database back from one, points the fleet at one, scales it, waits for health
 * and moves DNS; failback moves DNS back and lists the restored database for a person, deleting nothing.
 */
@ExtendWith(MotoServerExtension.class)
class RestoreScenarioTest {
    private static final String PLAN = """
            {"version": 2, "application": "shop", "strategy": "BACKUP_RESTORE", "primaryRegion": "us-east-1", "recoveryRegion": "us-west-2",
             "stages": [
               {"name": "data", "steps": [
                 {"kind": "restoreDatabase", "sourceDbInstanceIdentifier": "orders", "dbInstanceIdentifier": "orders-restored",
                  "dbInstanceClass": "db.t3.small", "vpcSecurityGroupIds": ["%s"], "rpoSeconds": 14400},
                 {"kind": "restoreImage", "autoScalingGroupName": "web", "imageTags": {"drkit:image": "web"}, "rpoSeconds": 86400}]},
               {"name": "compute", "steps": [
                 {"kind": "scaleFleet", "autoScalingGroupName": "web", "standby": {"min": 0, "desired": 0, "max": 2},
                  "recovery": {"min": 1, "desired": 2, "max": 4}, "targetGroupArns": ["%s"]}]},
               {"name": "health", "steps": [{"kind": "healthGate", "timeoutSeconds": 30}]},
               {"name": "traffic", "steps": [
                 {"kind": "changeDns", "hostedZoneId": "%s", "records": [
                   {"routing": "WEIGHTED", "name": "app.example.com", "type": "A", "setIdentifier": "primary", "normalWeight": 100, "failoverWeight": 0},
                   {"routing": "WEIGHTED", "name": "app.example.com", "type": "A", "setIdentifier": "recovery", "normalWeight": 0, "failoverWeight": 100}]}]}]}
            """;

    private Emulator emulator;
    private AwsClients clients;
    private RecordingHook calls;
    private Emulator.Fleet fleet;
    private String zone;
    /** The restored database's own group: without one RDS would give it the VPC's default group. */
    private String databaseGroup;
    /** The recovery points, older first: database snapshot copies and AMIs, taken before and after {@link #between}. */
    private final String[] snapshots = new String[2];
    private final String[] images = new String[2];
    private Instant between;

    @BeforeEach
    void setUp(MotoServer moto) throws InterruptedException {
        emulator = new Emulator(moto);
        calls = new RecordingHook();
        clients = emulator.runtimeClients(emulator.failoverRole("restore-database", "restore-image", "fleet", "dns"), calls);
        fleet = emulator.fleet(RECOVERY, "web", 0, 0, 2, "t3.small", true);
        zone = emulator.zone("example.com");
        databaseGroup = emulator.ec2(RECOVERY).createSecurityGroup(r -> r.groupName("orders-restored").description("restored database")
                .vpcId(emulator.vpc(RECOVERY))).groupId();
        emulator.upsert(zone,
                ResourceRecordSet.builder().name("app.example.com").type(RRType.A)
                        .setIdentifier("primary").weight(100L).ttl(60L).resourceRecords(r -> r.value("192.0.2.10")).build(),
                ResourceRecordSet.builder().name("app.example.com").type(RRType.A)
                        .setIdentifier("recovery").weight(0L).ttl(60L).resourceRecords(r -> r.value("198.51.100.10")).build());
        emulator.rds(PRIMARY).createDBInstance(r -> r.dbInstanceIdentifier("orders").dbInstanceClass("db.t3.micro")
                .engine("postgres").masterUsername("admin1").masterUserPassword("password123").allocatedStorage(20));
        String instance = emulator.ec2(RECOVERY).runInstances(r -> r.imageId("ami-12c6146b").minCount(1).maxCount(1)
                .subnetId(emulator.subnet(RECOVERY))).instances().get(0).instanceId();
        recoveryPoint(0, instance);
        // AMI creation times have whole seconds: keep the two generations apart by more than one.
        Thread.sleep(1_200);
        between = Instant.now();
        Thread.sleep(1_200);
        recoveryPoint(1, instance);
    }

    /** One generation of recovery points, as AWS Backup copies and Data Lifecycle Manager would leave them. */
    private void recoveryPoint(int generation, String instance) {
        String snapshot = "orders-" + generation;
        String arn = emulator.rds(PRIMARY).createDBSnapshot(r -> r.dbInstanceIdentifier("orders").dbSnapshotIdentifier(snapshot))
                .dbSnapshot().dbSnapshotArn();
        snapshots[generation] = snapshot + "-copy";
        emulator.rds(RECOVERY).copyDBSnapshot(r -> r.sourceDBSnapshotIdentifier(arn).targetDBSnapshotIdentifier(snapshot + "-copy")
                .sourceRegion(PRIMARY));
        images[generation] = emulator.ec2(RECOVERY).createImage(r -> r.instanceId(instance).name("web-" + generation)
                .tagSpecifications(t -> t.resourceType(ResourceType.IMAGE).tags(tag -> tag.key("drkit:image").value("web")))).imageId();
    }

    @AfterEach
    void tearDown() {
        clients.close();
        emulator.close();
    }

    private FailoverHandler handler() {
        return new FailoverHandler(Map.of("DRKIT_PLAN", PLAN.formatted(databaseGroup, fleet.targetGroupArn(), zone)), clients, Duration.ofMillis(50));
    }

    private Map<String, Object> run(Map<String, Object> event) {
        return emulator.enforcing(() -> handler().handleRequest(event, null));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> steps(Map<String, Object> report) {
        return (List<Map<String, Object>>) report.get("steps");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> stepState(Map<String, Object> report, String which, String kind) {
        List<Map<String, Object>> steps = (List<Map<String, Object>>) ((Map<String, Object>) report.get(which)).get("steps");
        return steps.stream().filter(s -> kind.equals(s.get("kind"))).findFirst().orElseThrow(() -> new AssertionError(report.get(which)));
    }

    private static String changes(Map<String, Object> report, String resource) {
        return steps(report).stream().filter(s -> resource.equals(s.get("resource"))).map(s -> String.valueOf(s.get("changes")))
                .findFirst().orElseThrow(() -> new AssertionError(steps(report)));
    }

    private String launchedImage() {
        var group = emulator.group(RECOVERY, "web");
        return emulator.ec2(RECOVERY).describeLaunchTemplateVersions(r -> r.launchTemplateId(group.launchTemplate().launchTemplateId())
                .versions(group.launchTemplate().version())).launchTemplateVersions().get(0).launchTemplateData().imageId();
    }

    private long weight(String setIdentifier) {
        return emulator.record(zone, "app.example.com.", setIdentifier).weight();
    }

    private boolean restoredExists() {
        return emulator.rds(RECOVERY).describeDBInstances().dbInstances().stream()
                .anyMatch(db -> db.dbInstanceIdentifier().equals("orders-restored"));
    }

    @Test
    void restore_whenDryRun_listsTheExactRecoveryPointsAndChangesNothing() {
        Map<String, Object> report = run(Map.of("action", "restore", "dryRun", true));

        assertEquals("DRY_RUN", report.get("outcome"), String.valueOf(report));
        String database = changes(report, "stages[0].steps[0]");
        assertTrue(database.contains("from snapshot " + snapshots[1] + " of "), database);
        assertTrue(database.contains("(RPO 4 h: met)"), database);
        assertTrue(database.contains(", security groups " + databaseGroup), database);
        String image = changes(report, "stages[0].steps[1]");
        assertTrue(image.contains("with image " + images[1] + " of "), image);
        assertEquals(snapshots[1], stepState(report, "stateBefore", "restoreDatabase").get("details") instanceof Map<?, ?> d
                ? d.get("recoveryPoint") : null);
        assertEquals(List.of(), calls.mutating());
        assertTrue(!restoredExists());
        assertEquals(100, weight("primary"));
    }

    @Test
    void restoreThenFailback_whenLatest_restoresMovesTrafficAndLeavesTheRestoredDatabaseListed() {
        String before = launchedImage();

        Map<String, Object> restore = run(Map.of("action", "restore"));

        assertEquals("SUCCEEDED", restore.get("outcome"), String.valueOf(restore));
        var db = emulator.database(RECOVERY, "orders-restored");
        assertEquals("available", db.dbInstanceStatus());
        assertEquals("db.t3.small", db.dbInstanceClass());
        assertEquals(List.of(databaseGroup), db.vpcSecurityGroups().stream().map(g -> g.vpcSecurityGroupId()).toList());
        Map<String, String> tags = new HashMap<>();
        db.tagList().forEach(t -> tags.put(t.key(), t.value()));
        assertEquals(snapshots[1], tags.get(RestoreDatabaseExecutor.RESTORED_FROM));
        assertEquals(images[1], launchedImage());
        assertTrue(!images[1].equals(before));
        assertEquals(2, emulator.group(RECOVERY, "web").desiredCapacity());
        assertEquals(0, weight("primary"));
        assertEquals(100, weight("recovery"));
        Map<String, Object> after = stepState(restore, "stateAfter", "restoreDatabase");
        assertEquals("available", after.get("status"));
        assertEquals(snapshots[1], ((Map<?, ?>) after.get("details")).get("recoveryPoint"));
        assertEquals(true, ((Map<?, ?>) after.get("details")).get("rpoMet"));
        assertEquals("FAILED_OVER", ((Map<?, ?>) restore.get("stateAfter")).get("state"));

        Map<String, Object> again = run(Map.of("action", "restore"));
        assertEquals("ALREADY_DONE", again.get("outcome"), String.valueOf(again));

        Map<String, Object> failback = run(Map.of("action", "failback"));
        assertEquals("SUCCEEDED", failback.get("outcome"), String.valueOf(failback));
        assertEquals(100, weight("primary"));
        assertEquals(0, emulator.group(RECOVERY, "web").desiredCapacity());
        assertTrue(restoredExists(), "failback never deletes a restored database");
        @SuppressWarnings("unchecked")
        List<String> left = (List<String>) failback.get("leftForOperator");
        assertEquals(1, left.stream().filter(l -> l.startsWith("stages[0].steps[0]: RDS instance orders-restored in us-west-2 was restored from"
                + " snapshot " + snapshots[1])).count(), String.valueOf(left));
        assertTrue(left.stream().anyMatch(l -> l.contains("aws rds delete-db-instance --region us-west-2 --db-instance-identifier orders-restored")),
                String.valueOf(left));
        assertEquals("NORMAL", ((Map<?, ?>) failback.get("stateAfter")).get("state"));
    }

    @Test
    void restore_whenBeforeIsGiven_usesTheLatestPointsAtOrBeforeIt() {
        Map<String, Object> restore = run(Map.of("action", "restore", "before", between.toString()));

        assertEquals("SUCCEEDED", restore.get("outcome"), String.valueOf(restore));
        Map<String, String> tags = new HashMap<>();
        emulator.database(RECOVERY, "orders-restored").tagList().forEach(t -> tags.put(t.key(), t.value()));
        assertEquals(snapshots[0], tags.get(RestoreDatabaseExecutor.RESTORED_FROM));
        assertEquals(images[0], launchedImage());
    }

    @Test
    void restore_whenNoPointIsAtOrBeforeTheTime_refusesNamingBeforeAndRestoresNothing() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> run(Map.of("action", "restore", "before", "2020-01-01T00:00Z")));

        assertEquals("before", e.field());
        assertTrue(e.getMessage().contains("no snapshot of RDS instance 'orders' in us-west-2 was taken at or before 2020-01-01T00:00:00Z"),
                e.getMessage());
        assertEquals(List.of(), calls.mutating());
        assertTrue(!restoredExists());
    }

    @Test
    void restore_whenBeforeIsInTheFuture_refusesNamingBefore() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> run(Map.of("action", "restore", "before", Instant.now().plus(Duration.ofHours(1)).toString())));

        assertEquals("before", e.field());
        assertTrue(e.getMessage().contains("must not be in the future"), e.getMessage());
        assertEquals(List.of(), calls.mutating());
    }

    @Test
    void failover_whenBeforeIsGiven_refusesIt() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> run(Map.of("action", "failover", "before", "2026-12-01T10:00Z")));

        assertEquals("before", e.field());
        assertTrue(e.getMessage().contains("does not apply to failover (before applies to restore only"), e.getMessage());
    }

    @Test
    void restore_whenTheSourceHasNoSnapshotInTheRecoveryRegion_refusesNamingTheField() {
        String plan = PLAN.formatted(databaseGroup, fleet.targetGroupArn(), zone).replace("\"sourceDbInstanceIdentifier\": \"orders\"",
                "\"sourceDbInstanceIdentifier\": \"invoices\"");
        FailoverHandler handler = new FailoverHandler(Map.of("DRKIT_PLAN", plan), clients, Duration.ofMillis(50));

        PlanValidationException e = assertThrows(PlanValidationException.class,
                () -> emulator.enforcing(() -> handler.handleRequest(Map.of("action", "restore"), null)));

        assertEquals("stages[0].steps[0].sourceDbInstanceIdentifier", e.field());
        assertTrue(e.getMessage().contains("no available snapshot of RDS instance 'invoices' in us-west-2"), e.getMessage());
        assertEquals(List.of(), calls.mutating());
    }

    private FailoverHandler handler(String plan) {
        return new FailoverHandler(Map.of("DRKIT_PLAN", plan), clients, Duration.ofMillis(50));
    }

    /** The plan with sources that were never backed up: no snapshot of 'invoices', no AMI tagged 'api'. */
    private String planWithoutRecoveryPoints() {
        return PLAN.formatted(databaseGroup, fleet.targetGroupArn(), zone).replace("\"sourceDbInstanceIdentifier\": \"orders\"",
                "\"sourceDbInstanceIdentifier\": \"invoices\"").replace("{\"drkit:image\": \"web\"}", "{\"drkit:image\": \"api\"}");
    }

    @Test
    void status_whenNoRecoveryPointExistsYet_reportsItMissingInsteadOfRefusing() {
        FailoverHandler handler = handler(planWithoutRecoveryPoints());

        Map<String, Object> report = emulator.enforcing(() -> handler.handleRequest(Map.of("action", "status"), null));

        assertEquals("SUCCEEDED", report.get("outcome"), String.valueOf(report));
        assertEquals("NORMAL", ((Map<?, ?>) report.get("stateBefore")).get("state"));
        Map<?, ?> database = (Map<?, ?>) stepState(report, "stateBefore", "restoreDatabase").get("details");
        assertEquals("no recovery point yet: no available snapshot of RDS instance 'invoices' in us-west-2; restore would refuse until one"
                + " exists", database.get("recoveryPointMissing"));
        assertTrue(!database.containsKey("recoveryPoint"), String.valueOf(database));
        Map<?, ?> image = (Map<?, ?>) stepState(report, "stateBefore", "restoreImage").get("details");
        assertEquals("no recovery point yet: no available AMI tagged {drkit:image=api} in us-west-2; restore would refuse until one exists",
                image.get("recoveryPointMissing"));
        assertEquals(List.of(), calls.mutating());
    }

    @Test
    void failback_whenNoRecoveryPointExistsYet_movesTrafficBack() {
        FailoverHandler handler = handler(planWithoutRecoveryPoints());
        emulator.upsert(zone,
                ResourceRecordSet.builder().name("app.example.com").type(RRType.A)
                        .setIdentifier("primary").weight(0L).ttl(60L).resourceRecords(r -> r.value("192.0.2.10")).build(),
                ResourceRecordSet.builder().name("app.example.com").type(RRType.A)
                        .setIdentifier("recovery").weight(100L).ttl(60L).resourceRecords(r -> r.value("198.51.100.10")).build());

        Map<String, Object> failback = emulator.enforcing(() -> handler.handleRequest(Map.of("action", "failback"), null));

        assertEquals("SUCCEEDED", failback.get("outcome"), String.valueOf(failback));
        assertEquals(100, weight("primary"));
        assertEquals(0, weight("recovery"));
        assertEquals("NORMAL", ((Map<?, ?>) failback.get("stateAfter")).get("state"));
    }

    @Test
    void restore_whenNoRecoveryPointExistsYet_stillRefusesNamingTheField() {
        FailoverHandler handler = handler(planWithoutRecoveryPoints());

        PlanValidationException e = assertThrows(PlanValidationException.class,
                () -> emulator.enforcing(() -> handler.handleRequest(Map.of("action", "restore", "dryRun", true), null)));

        assertTrue(e.field().startsWith("stages[0].steps["), e.field());
        assertEquals(List.of(), calls.mutating());
    }

    @Test
    void restore_whenAStageWaitsForApproval_printsTheResumeWithItsBeforeAndTheResumedRunKeepsThePoints() {
        String plan = PLAN.formatted(databaseGroup, fleet.targetGroupArn(), zone).replace("{\"name\": \"compute\", \"steps\": [",
                "{\"name\": \"compute\", \"steps\": [{\"kind\": \"approval\", \"message\": \"Restored data checked?\"},");
        FailoverHandler handler = handler(plan);
        String time = between.toString();

        Map<String, Object> first = emulator.enforcing(() -> handler.handleRequest(Map.of("action", "restore", "before", time), null));

        assertEquals("WAITING_FOR_APPROVAL", first.get("outcome"), String.valueOf(first));
        String message = (String) first.get("message");
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("--run-id (\\S+)\\)").matcher(message);
        assertTrue(id.find(), message);
        String runId = id.group(1);
        assertTrue(message.contains("; to continue, run restore again with {\"action\": \"restore\", \"before\": \"" + time
                + "\", \"approve\": \"compute\", \"runId\": \"" + runId + "\"} (CLI: restore --before " + time + " --approve compute --run-id "
                + runId + ")"), message);
        assertEquals(images[0], launchedImage());

        Map<String, Object> resumed = emulator.enforcing(() -> handler.handleRequest(
                Map.of("action", "restore", "before", time, "approve", "compute", "runId", runId), null));

        assertEquals("SUCCEEDED", resumed.get("outcome"), String.valueOf(resumed));
        assertEquals(images[0], launchedImage(), "the resumed run keeps the image of the time the operator chose");
        Map<String, String> tags = new HashMap<>();
        emulator.database(RECOVERY, "orders-restored").tagList().forEach(t -> tags.put(t.key(), t.value()));
        assertEquals(snapshots[0], tags.get(RestoreDatabaseExecutor.RESTORED_FROM));
        assertEquals(100, weight("recovery"));
    }

    /** The plan with the database restored to a point in time from backups replicated to the recovery Region. */
    private String pointInTimePlan() {
        return PLAN.formatted(databaseGroup, fleet.targetGroupArn(), zone).replace("\"dbInstanceClass\": \"db.t3.small\",",
                "\"dbInstanceClass\": \"db.t3.small\", \"source\": \"pointInTime\",");
    }

    @Test
    void restore_whenPointInTimeAndNoBackupsAreReplicated_refusesNamingTheSourceAndRestoresNothing() {
        FailoverHandler handler = handler(pointInTimePlan());

        PlanValidationException e = assertThrows(PlanValidationException.class,
                () -> emulator.enforcing(() -> handler.handleRequest(Map.of("action", "restore"), null)));

        assertEquals("stages[0].steps[0].sourceDbInstanceIdentifier", e.field());
        assertEquals("stages[0].steps[0].sourceDbInstanceIdentifier: no automated backups of RDS instance 'orders' replicated to us-west-2"
                + " to restore a point in time from; nothing restored", e.getMessage());
        assertEquals(List.of(), calls.mutating());
        assertTrue(!restoredExists());
    }

    @Test
    void status_whenPointInTimeAndNoBackupsAreReplicated_reportsNoRecoveryPointYet() {
        FailoverHandler handler = handler(pointInTimePlan());

        Map<String, Object> report = emulator.enforcing(() -> handler.handleRequest(Map.of("action", "status"), null));

        assertEquals("SUCCEEDED", report.get("outcome"), String.valueOf(report));
        Map<?, ?> details = (Map<?, ?>) stepState(report, "stateBefore", "restoreDatabase").get("details");
        assertEquals("no recovery point yet: no available automated backups of RDS instance 'orders' replicated to us-west-2; restore would"
                + " refuse until one exists", details.get("recoveryPointMissing"));
        assertTrue(calls.count("DescribeDBInstanceAutomatedBackups") > 0, String.valueOf(calls.operations()));
    }
}
