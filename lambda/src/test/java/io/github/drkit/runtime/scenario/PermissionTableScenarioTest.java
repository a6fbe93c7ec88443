package io.github.drkit.runtime.scenario;

import static io.github.drkit.runtime.scenario.Emulator.PRIMARY;
import static io.github.drkit.runtime.scenario.Emulator.RECOVERY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.drkit.runtime.aws.AwsClients;
import io.github.drkit.runtime.aws.CallHook;
import io.github.drkit.runtime.engine.Action;
import io.github.drkit.runtime.engine.RecoveryEngine;
import io.github.drkit.runtime.engine.RecoveryRequest;
import io.github.drkit.runtime.engine.Report;
import io.github.drkit.runtime.engine.ReportJson;
import io.github.drkit.runtime.engine.StepReport;
import io.github.drkit.plan.RecoveryPlan;
import io.github.drkit.testing.MotoServer;
import io.github.drkit.testing.MotoServerExtension;
import io.github.drkit.plan.RuntimePermissions;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * The runtime under the permissions the failover role is built with: for every step kind, status, failover and
 * failback run with the emulator enforcing IAM, signed by a session of a role that holds exactly the table's actions
 * for the plan's step kinds (as {@code PlanPermissions} grants them, on {@code "*"}: moto matches actions only).
 * Every call the runtime makes must be listed in the table for those kinds; and a role that lacks one action of the
 * table makes the run fail, naming that action.
 */
@ExtendWith(MotoServerExtension.class)
class PermissionTableScenarioTest {
    /** Calls the table lists but a run against the emulator cannot make, and why. */
    private static final Set<String> NOT_EXERCISED = Set.of(
            // moto answers every Route 53 change INSYNC at once, so the runtime never polls it.
            "Route53:GetChange",
            // moto answers UpdateNodegroupConfig with a Successful update and has no DescribeUpdate (404).
            "Eks:DescribeUpdate",
            // Under enforcement moto refuses the signature of a Lambda call whose path names a function ARN, as every plan's
            // does; CustomActionScenarioTest proves these two rows under enforcement with calls that name the function.
            "Lambda:GetFunctionConfiguration", "Lambda:Invoke",
            // moto replicates no automated backups (StartDBInstanceAutomatedBackupsReplication is a 500) and lists none with
            // an ARN or a restore window, so a point-in-time restore stops at its preflight; RestoreScenarioTest runs that
            // preflight's read under enforcement, the conformance suite holds the restore call to the SDK.
            "Rds:DescribeDBInstanceAutomatedBackups", "Rds:RestoreDBInstanceToPointInTime");

    private MotoServer moto;
    private Emulator emulator;

    @BeforeEach
    void setUp(MotoServer moto) {
        this.moto = moto;
        emulator = new Emulator(moto);
    }

    @AfterEach
    void tearDown() {
        moto.iam().relax();
        emulator.close();
    }

    static Stream<String> kinds() {
        return Stream.of("database", "instances", "fleet", "vertical-scaling", "dns", "site-switch", "restore-database", "restore-image",
                "restore-volume", "notifications", "global-database", "global-table", "ecs-service",
                "eks-nodegroup");
    }

    /** Every action the runtime's calls name, with the step kind that calls it. */
    /**
     * Kinds whose rows other tests hold to the table under the emulator's IAM: the plan parameter and the CLI's web
     * identity (PlanSourcePermissionTest, WebIdentityCredentialsTest), evaluate's reads and the audit trail
     * (ReadinessScenarioTest, AuditTrailScenarioTest) and the cross-account session (CrossAccountScenarioTest); the
     * archive search's rows (the archive CLI's, granted by ArchiveCatalog, never to the failover role) are held to the SDK
     * only, in the conformance suite: no test runs the Athena search under the emulator's IAM. The AWS Backup restore's rows
     * (restore-backup) are held to the SDK in the conformance suite and its calls to a recorded AWS Backup in
     * RestoreBackupWireTest: the emulator serves no recovery points and no restore jobs. The restore testing
     * validation function's reads (restore-validation) run under the emulator's IAM in RestoreValidationScenarioTest; its
     * PutRestoreValidationResult, which the emulator does not serve, is held to the SDK only.
     */
    private static final Set<String> KINDS_HELD_ELSEWHERE = Set.of("plan-parameter", "credentials", "readiness", "audit",
            "archive-search", "cross-account", "restore-backup", "restore-validation");

    static Stream<Arguments> calledActions() {
        Set<List<String>> seen = new LinkedHashSet<>();
        for (RuntimePermissions.Row row : RuntimePermissions.rows()) {
            if (!row.implicit() && !KINDS_HELD_ELSEWHERE.contains(row.kind()) && !NOT_EXERCISED.contains(row.service() + ":" + row.operation())) {
                seen.add(List.of(row.kind(), row.action()));
            }
        }
        return seen.stream().map(k -> Arguments.of(k.get(0), k.get(1)));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void failoverThenFailback_underRoleFromTable_succeedCallingOnlyListedOperations(String kind) {
        Site site = site(kind);
        Calls calls = new Calls();

        List<Report> reports = runUnderRole(site, rolesKinds(kind), null, calls);

        for (Report report : reports) {
            if (kind.equals("global-database") && report.action().equals("failback")) {
                // moto cannot switch over, so failover detached the secondary; failback then stops saying what a person must do.
                assertTrue(report.steps().stream().anyMatch(s -> s.error() != null && s.error().startsWith("cannot fail back")),
                        () -> ReportJson.write(report));
                assertEquals(Set.of(), deniedActions(List.of(report)), () -> ReportJson.write(report));
                continue;
            }
            // A promoted database is never demoted: failback of a database-only plan has nothing to do.
            assertTrue(report.outcome() == Report.RunOutcome.SUCCEEDED || report.outcome() == Report.RunOutcome.ALREADY_DONE,
                    () -> ReportJson.write(report));
            assertTrue(report.steps().stream().noneMatch(s -> s.outcome() == StepReport.Outcome.FAILED), () -> ReportJson.write(report));
            assertEquals(Set.of(), deniedActions(List.of(report)), () -> ReportJson.write(report));
        }
        List<String> unlisted = calls.distinct().stream()
                .filter(c -> RuntimePermissions.rowsFor(rolesKinds(kind), c.split(":")[0], c.split(":")[1]).isEmpty()).toList();
        assertEquals(List.of(), unlisted, "calls the permission table does not list for " + rolesKinds(kind));
        List<String> neverCalled = RuntimePermissions.rows().stream().filter(r -> r.kind().equals(kind) && !r.implicit())
                .map(r -> r.service() + ":" + r.operation()).filter(c -> !calls.distinct().contains(c) && !NOT_EXERCISED.contains(c))
                .distinct().toList();
        assertEquals(List.of(), neverCalled, "rows of " + kind + " this scenario never exercised; calls were " + calls.distinct());
    }

    @ParameterizedTest
    @MethodSource("calledActions")
    void run_whenRoleLacksOneAction_failsNamingIt(String kind, String action) {
        Site site = site(kind);

        List<Report> reports = runUnderRole(site, rolesKinds(kind), action, new Calls());

        List<String> errors = new ArrayList<>();
        reports.forEach(r -> r.steps().stream().filter(s -> s.outcome() == StepReport.Outcome.FAILED).forEach(s -> errors.add(s.error())));
        Set<String> denied = deniedActions(reports);
        // A denied call fails the gate even where the engine carries on (an unreadable site switch does not block a
        // recovery), so that the role is fixed before the day it matters.
        assertFalse(denied.isEmpty(), "a role without " + action + " was never denied: " + reports.stream().map(ReportJson::write).toList());
        assertTrue(denied.contains(action), "the denied calls need " + denied + ", not " + action + ": " + errors);
        // The emulator's message names the action as it checked it: CloudWatch's under its signing name, monitoring.
        String asChecked = action.replaceFirst("^cloudwatch:", "monitoring:");
        boolean cloudWatch = !asChecked.equals(action);
        assertTrue(cloudWatch || errors.isEmpty() || errors.stream().anyMatch(e -> e.contains("AccessDenied") && e.contains(action)),
                "no error names " + action + ": " + errors);
    }

    @Test
    void failover_whenPromotionRefused_tagsNothingAndTheNextRunPromotes() {
        Site site = site("database");
        String replica = "shop-replica";

        Report refused = runUnderRole(site, rolesKinds("database"), "rds:PromoteReadReplica", new Calls(), "drkit-failover").get(1);

        assertEquals(Report.RunOutcome.FAILED, refused.outcome(), () -> ReportJson.write(refused));
        // A tag on a replica AWS did not promote would make every later run skip it and the health gate pass it.
        assertTrue(emulator.database(RECOVERY, replica).tagList().stream().noneMatch(t -> t.key().equals("drkit:promoted-at")),
                () -> emulator.database(RECOVERY, replica).tagList().toString());
        Report retried = runUnderRole(site, rolesKinds("database"), null, new Calls(), "drkit-failover-retry").get(1);
        assertEquals(Report.RunOutcome.SUCCEEDED, retried.outcome(), () -> ReportJson.write(retried));
        assertTrue(emulator.database(RECOVERY, replica).tagList().stream().anyMatch(t -> t.key().equals("drkit:promoted-at")));
    }

    @Test
    void siteSwitch_whenItsAlarmsCannotBeRead_publishesButFailsTheStep() {
        Site site = site("site-switch");

        Report failover = runUnderRole(site, rolesKinds("site-switch"), "cloudwatch:DescribeAlarmsForMetric", new Calls(),
                "drkit-failover").get(1);

        assertEquals(Report.RunOutcome.FAILED, failover.outcome(), () -> ReportJson.write(failover));
        StepReport step = failover.steps().stream().filter(s -> s.name().startsWith("switch site")).findFirst().orElseThrow();
        assertEquals(StepReport.Outcome.FAILED, step.outcome());
        assertTrue(step.error().startsWith("published 0.0, but the alarms on the metric could not be read"), step.error());
        assertTrue(failover.notDone().stream().anyMatch(n -> n.startsWith("switch site") && n.contains("failed")), failover.notDone().toString());
    }

    /** The actions the table lists for every call the emulator denied (HTTP 403) in these runs. */
    private static Set<String> deniedActions(List<Report> reports) {
        Set<String> denied = new TreeSet<>();
        for (Report report : reports) {
            for (StepReport step : report.steps()) {
                step.calls().stream().filter(c -> c.httpStatus() == 403)
                        .forEach(c -> denied.addAll(RuntimePermissions.actionsOf(c.service(), c.operation())));
            }
        }
        return denied;
    }

    /** The kinds whose actions the role holds: the plan's own, and notifications, which every run sends. */
    private static Set<String> rolesKinds(String kind) {
        Set<String> kinds = new TreeSet<>(List.of(kind, "notifications"));
        if (kind.equals("vertical-scaling")) {
            kinds.add("fleet");
        }
        if (kind.equals("notifications")) {
            kinds.add("database");
        }
        return kinds;
    }

    /**
     * Status, failover and (when failover succeeded) failback, with IAM enforced, signed by a session of a role
     * allowed the table's actions of {@code kinds} except {@code withoutAction}.
     */
    private List<Report> runUnderRole(Site site, Set<String> kinds, String withoutAction, Calls calls) {
        return runUnderRole(site, kinds, withoutAction, calls, "drkit-failover");
    }

    private List<Report> runUnderRole(Site site, Set<String> kinds, String withoutAction, Calls calls, String roleName) {
        Set<String> actions = new TreeSet<>(RuntimePermissions.actions(kinds));
        if (withoutAction != null) {
            actions.remove(withoutAction);
        }
        String role = moto.iam().createRole(moto.credentials(), roleName, actions);
        AwsCredentialsProvider session = moto.iam().assume(moto.credentials(), role, "failover");
        RecoveryPlan plan = RecoveryPlan.parse(site.plan());
        try (AwsClients clients = emulator.runtimeClients(session, calls);
             RecoveryEngine engine = RecoveryEngine.builder(clients).pollInterval(Duration.ofMillis(100)).build()) {
            return moto.iam().enforcing(() -> {
                List<Report> reports = new ArrayList<>();
                reports.add(engine.run(plan, new RecoveryRequest(Action.STATUS, false, false)));
                // moto's DynamoDB has no replicas: the global table gate passes only when the run is forced.
                Report failover = engine.run(plan, new RecoveryRequest(Action.FAILOVER, false, kinds.contains("global-table")));
                reports.add(failover);
                if (failover.outcome() == Report.RunOutcome.SUCCEEDED) {
                    reports.add(engine.run(plan, new RecoveryRequest(Action.FAILBACK, false, false)));
                }
                return reports;
            });
        }
    }

    /** The resources a plan of one step kind needs, created with the emulator's defaults, and the plan. */
    private Site site(String kind) {
        String topic = emulator.topic(RECOVERY, "shop-dr");
        if (kind.startsWith("restore-")) {
            return restoreSite(kind, topic);
        }
        if (kind.equals("global-database") || kind.equals("global-table")) {
            return globalDataSite(kind, topic);
        }
        if (ContainerSites.handles(kind)) {
            return new Site(ContainerSites.plan(moto, emulator, kind, topic));
        }
        String section = switch (kind) {
            case "database", "notifications" -> """
                    "databases": [{"dbInstanceIdentifier": "%s"}],""".formatted(emulator.replica("shop"));
            case "instances" -> """
                    "instances": [{"instanceIds": ["%s"]}],""".formatted(emulator.stoppedInstances(RECOVERY, 1).get(0));
            case "fleet" -> """
                    "fleets": [{"autoScalingGroupName": "shop-app", "standby": {"min": 0, "desired": 0, "max": 2},
                                "recovery": {"min": 1, "desired": 2, "max": 4}, "targetGroupArns": ["%s"]}],"""
                    .formatted(emulator.fleet(RECOVERY, "shop-app", 0, 0, 2, "t3.small", true).targetGroupArn());
            case "vertical-scaling" -> {
                emulator.fleet(RECOVERY, "shop-web", 1, 1, 2, "t3.small", false);
                yield """
                        "fleets": [{"autoScalingGroupName": "shop-web", "standby": {"min": 1, "desired": 1, "max": 2},
                                    "recovery": {"min": 2, "desired": 2, "max": 4},
                                    "standbyInstanceType": "t3.small", "recoveryInstanceType": "m5.large"}],""";
            }
            case "dns" -> dnsSection();
            case "site-switch" -> """
                    "siteSwitches": [{"region": "us-east-1", "site": "primary", "namespace": "drkit", "metricName": "SiteEnabled",
                                      "dimensions": {"Application": "shop", "Site": "primary"}, "normalValue": 1, "failoverValue": 0}],""";
            default -> throw new IllegalArgumentException("no scenario for step kind " + kind);
        };
        return new Site("""
                {"version": 1, "application": "shop", "strategy": "PILOT_LIGHT", "primaryRegion": "%s", "recoveryRegion": "%s",
                 %s
                 "healthTimeoutSeconds": 30, "notificationTopicArn": "%s"}
                """.formatted(PRIMARY, RECOVERY, section, topic));
    }

    /** The restore kinds exist only in version 2 plans: a snapshot copied to the recovery Region, or a tagged AMI there. */
    private Site restoreSite(String kind, String topic) {
        String step;
        if (kind.equals("restore-database")) {
            emulator.rds(PRIMARY).createDBInstance(r -> r.dbInstanceIdentifier("shop").dbInstanceClass("db.t3.micro")
                    .engine("postgres").masterUsername("admin1").masterUserPassword("password123").allocatedStorage(20));
            String arn = emulator.rds(PRIMARY).createDBSnapshot(r -> r.dbInstanceIdentifier("shop").dbSnapshotIdentifier("shop-1"))
                    .dbSnapshot().dbSnapshotArn();
            emulator.rds(RECOVERY).copyDBSnapshot(r -> r.sourceDBSnapshotIdentifier(arn).targetDBSnapshotIdentifier("shop-1-copy")
                    .sourceRegion(PRIMARY));
            step = """
                    {"kind": "restoreDatabase", "sourceDbInstanceIdentifier": "shop", "dbInstanceIdentifier": "shop-restored"}""";
        } else if (kind.equals("restore-volume")) {
            step = restoreVolumeStep();
        } else {
            emulator.fleet(RECOVERY, "shop-batch", 0, 0, 2, "t3.small", false);
            String instance = emulator.ec2(RECOVERY).runInstances(r -> r.imageId("ami-12c6146b").minCount(1).maxCount(1)
                    .subnetId(emulator.subnet(RECOVERY))).instances().get(0).instanceId();
            emulator.ec2(RECOVERY).createImage(r -> r.instanceId(instance).name("shop-batch-copy").tagSpecifications(t -> t
                    .resourceType(software.amazon.awssdk.services.ec2.model.ResourceType.IMAGE).tags(tag -> tag.key("drkit:image").value("shop-batch"))));
            step = """
                    {"kind": "restoreImage", "autoScalingGroupName": "shop-batch", "imageTags": {"drkit:image": "shop-batch"}}""";
        }
        return new Site("""
                {"version": 2, "application": "shop", "strategy": "BACKUP_RESTORE", "primaryRegion": "%s", "recoveryRegion": "%s",
                 "stages": [{"name": "data", "steps": [%s]}], "notificationTopicArn": "%s"}
                """.formatted(PRIMARY, RECOVERY, step, topic));
    }

    /** A snapshot copied to the recovery Region with its tags, and an instance there the restored volume is attached to. */
    private String restoreVolumeStep() {
        var instance = emulator.ec2(RECOVERY).runInstances(r -> r.imageId("ami-12c6146b").minCount(1).maxCount(1)
                .subnetId(emulator.subnet(RECOVERY))).instances().get(0);
        String volume = emulator.ec2(PRIMARY).createVolume(r -> r.availabilityZone(PRIMARY + "a").size(8)).volumeId();
        String snapshot = emulator.ec2(PRIMARY).createSnapshot(r -> r.volumeId(volume)).snapshotId();
        // A presigned URL of our own: the SDK cannot presign one for a loopback endpoint, and the emulator reads none.
        emulator.ec2(RECOVERY).copySnapshot(r -> r.sourceRegion(PRIMARY).sourceSnapshotId(snapshot)
                .presignedUrl("https://ec2." + PRIMARY + ".amazonaws.com/?Action=CopySnapshot")
                .tagSpecifications(t -> t.resourceType(software.amazon.awssdk.services.ec2.model.ResourceType.SNAPSHOT)
                        .tags(tag -> tag.key("drkit:volume").value("shop-data"))));
        return """
                {"kind": "restoreVolume", "availabilityZone": "%s", "snapshotTags": {"drkit:volume": "shop-data"}, "volumeName": "shop-data",
                 "attachTo": {"instanceId": "%s", "device": "/dev/sdf"}}""".formatted(instance.placement().availabilityZone(), instance.instanceId());
    }

    /** A version 2 plan of one global data step (the kinds version 1 did not have), in the Regions moto detaches in. */
    private Site globalDataSite(String kind, String topic) {
        GlobalDataSites sites = new GlobalDataSites(moto, emulator);
        String step;
        if (kind.equals("global-database")) {
            sites.globalDatabase(500);
            step = """
                    {"kind": "failoverGlobalDatabase", "globalClusterIdentifier": "shop-global", "dbClusterIdentifier": "shop-secondary",
                     "timeoutSeconds": 30}""";
        } else {
            sites.table(GlobalDataSites.RECOVERY, "shop-carts");
            sites.table(GlobalDataSites.PRIMARY, "shop-carts");
            step = """
                    {"kind": "checkGlobalTable", "tableName": "shop-carts", "sourceRegion": "%s", "rpoSeconds": 5}""".formatted(GlobalDataSites.PRIMARY);
        }
        return new Site("""
                {"version": 2, "application": "shop", "strategy": "PILOT_LIGHT", "primaryRegion": "%s", "recoveryRegion": "%s",
                 "stages": [{"name": "data", "steps": [%s]}], "notificationTopicArn": "%s"}
                """.formatted(GlobalDataSites.PRIMARY, GlobalDataSites.RECOVERY, step, topic));
    }

    /** Weighted records whose primary carries a health check, so that failback reads its status. */
    private String dnsSection() {
        String zone = emulator.zone("example.com");
        String check = emulator.healthCheck("primary.example.com");
        emulator.upsert(zone,
                ResourceRecordSet.builder().name("app.example.com").type(RRType.A).setIdentifier("primary").weight(100L).ttl(60L)
                        .healthCheckId(check).resourceRecords(r -> r.value("192.0.2.10")).build(),
                ResourceRecordSet.builder().name("app.example.com").type(RRType.A).setIdentifier("recovery").weight(0L).ttl(60L)
                        .resourceRecords(r -> r.value("198.51.100.10")).build());
        return """
                "dns": [{"hostedZoneId": "%s", "records": [
                  {"routing": "WEIGHTED", "name": "app.example.com", "type": "A", "setIdentifier": "primary", "normalWeight": 100, "failoverWeight": 0},
                  {"routing": "WEIGHTED", "name": "app.example.com", "type": "A", "setIdentifier": "recovery", "normalWeight": 0, "failoverWeight": 100}]}],"""
                .formatted(zone);
    }

    private record Site(String plan) {
    }

    /** Every {@code Service:Operation} the runtime called, first attempts only. */
    private static final class Calls implements CallHook {
        private final Set<String> calls = Collections.synchronizedSet(new TreeSet<>());

        @Override
        public void beforeAttempt(Attempt attempt) {
            calls.add(attempt.service() + ":" + attempt.operation());
        }

        Set<String> distinct() {
            synchronized (calls) {
                return new TreeSet<>(calls);
            }
        }
    }
}
