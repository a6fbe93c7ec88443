package io.github.drkit.runtime.steps.aurora;

import static io.github.drkit.runtime.scenario.GlobalDataSites.PRIMARY;
import static io.github.drkit.runtime.scenario.GlobalDataSites.PRIMARY_ARN;
import static io.github.drkit.runtime.scenario.GlobalDataSites.RECOVERY;
import static io.github.drkit.runtime.scenario.GlobalDataSites.SECONDARY_ARN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.drkit.plan.RecoveryPlan;
import io.github.drkit.plan.RuntimePermissions;
import io.github.drkit.runtime.aws.AwsClients;
import io.github.drkit.runtime.engine.ReportJson;
import io.github.drkit.runtime.readiness.Finding;
import io.github.drkit.runtime.readiness.Objectives;
import io.github.drkit.runtime.readiness.ReadinessEvaluator;
import io.github.drkit.runtime.readiness.ReadinessReport;
import io.github.drkit.runtime.readiness.Severity;
import io.github.drkit.runtime.readiness.Verdict;
import io.github.drkit.runtime.scenario.Emulator;
import io.github.drkit.runtime.scenario.GlobalDataSites;
import io.github.drkit.testing.MotoServer;
import io.github.drkit.testing.MotoServerExtension;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.rds.RdsClient;

/**
 * Evaluate's check of the Aurora global database kind against moto: the global cluster {@code shop-global} with its writer
 * in us-west-2 and the plan's (headless) secondary in us-east-1, where moto keeps global clusters. moto cannot switch or
 * fail a global cluster over, so the secondary is made the writer by creating it first, and detached with
 * RemoveFromGlobalCluster, as failover's last resort does.
 */
@ExtendWith(MotoServerExtension.class)
class GlobalDatabaseReadinessTest {
    private static final String PLAN = """
            {"version": 2, "application": "shop", "strategy": "PILOT_LIGHT", "primaryRegion": "%s", "recoveryRegion": "%s",
             "stages": [{"name": "data", "steps": [%%s]}]}""".formatted(PRIMARY, RECOVERY);
    private static final String STEP = """
            {"kind": "failoverGlobalDatabase", "globalClusterIdentifier": "%s", "dbClusterIdentifier": "%s", "rpoSeconds": 1,
             "timeoutSeconds": 30}""";
    private static final String PATH = "stages[0].steps[0]";

    private MotoServer moto;
    private Emulator emulator;
    private GlobalDataSites sites;
    private io.github.drkit.runtime.scenario.RecordingHook calls;
    private AwsClients clients;
    private ReadinessEvaluator evaluator;

    @BeforeEach
    void setUp(MotoServer moto) {
        this.moto = moto;
        emulator = new Emulator(moto);
        sites = new GlobalDataSites(moto, emulator);
        calls = new io.github.drkit.runtime.scenario.RecordingHook();
        clients = emulator.runtimeClients(calls);
        evaluator = ReadinessEvaluator.builder(clients).build();
    }

    @AfterEach
    void tearDown() {
        moto.iam().relax();
        evaluator.close();
        clients.close();
        emulator.close();
    }

    private static String plan(String step) {
        return PLAN.formatted(step);
    }

    private static String step(String global, String cluster) {
        return STEP.formatted(global, cluster);
    }

    private ReadinessReport evaluate(String plan) {
        return evaluator.evaluate(RecoveryPlan.parse(plan), Objectives.none(), Duration.ofSeconds(60));
    }

    /** The findings on the step, leaving out evaluate's own (the permissions check, not asked for here). */
    private static List<Finding> stepFindings(ReadinessReport report) {
        return report.findings().stream().filter(f -> f.path().startsWith(PATH)).toList();
    }

    private static Finding only(ReadinessReport report, Severity severity) {
        List<Finding> found = stepFindings(report).stream().filter(f -> f.severity() == severity).toList();
        assertEquals(1, found.size(), () -> ReportJson.write(report));
        return found.get(0);
    }

    private void createGlobal(String... clustersInOrder) {
        try (RdsClient east = sites.rds(RECOVERY); RdsClient west = sites.rds(PRIMARY)) {
            east.createGlobalCluster(r -> r.globalClusterIdentifier("shop-global").engine("aurora-postgresql"));
            for (String cluster : clustersInOrder) {
                RdsClient rds = cluster.equals("shop-primary") ? west : east;
                rds.createDBCluster(r -> r.dbClusterIdentifier(cluster).engine("aurora-postgresql").globalClusterIdentifier("shop-global")
                        .masterUsername("shop").masterUserPassword("correct-horse-battery"));
            }
        }
    }

    private void lag(double millis) {
        sites.metric(RECOVERY, "AWS/RDS", "AuroraGlobalDBReplicationLag", Map.of("DBClusterIdentifier", "shop-secondary"), millis);
    }

    @Test
    void check_whenSecondaryReplicatesWithinTheRpo_isReadyWithTheLagAndTheHeadlessNote() {
        sites.globalDatabase(850);

        ReadinessReport report = evaluate(plan(step("shop-global", "shop-secondary")));

        assertEquals(Verdict.READY, report.verdict(), () -> ReportJson.write(report));
        List<Finding> findings = stepFindings(report);
        assertEquals(2, findings.size(), () -> ReportJson.write(report));
        Finding lag = findings.stream().filter(f -> f.problem().startsWith("the secondary lags")).findFirst().orElseThrow();
        assertEquals(Severity.INFO, lag.severity());
        assertEquals("the secondary lags 850 ms, within the step's RPO of 1 s", lag.problem());
        assertEquals(1L, lag.impliedRpoSeconds());
        Finding headless = findings.stream().filter(f -> f.problem().startsWith("the secondary is headless")).findFirst().orElseThrow();
        assertEquals(Severity.INFO, headless.severity());
        assertTrue(headless.problem().contains("'writer instance creation' term"), headless.problem());
        assertEquals("Aurora global cluster shop-global, secondary shop-secondary (us-east-1)", headless.resource());
        // Reads only, one of each per step.
        assertEquals(List.of("DescribeDBClusters", "DescribeGlobalClusters", "GetMetricStatistics"), calls.operations().stream().sorted().toList());
    }

    @Test
    void check_whenSecondaryHasAnInstance_saysNothingOfAWriterToAdd() {
        sites.globalDatabase(850);
        try (RdsClient east = sites.rds(RECOVERY)) {
            east.createDBInstance(r -> r.dbInstanceIdentifier("shop-secondary-1").dbClusterIdentifier("shop-secondary")
                    .engine("aurora-postgresql").dbInstanceClass("db.r6g.large"));
        }

        ReadinessReport report = evaluate(plan(step("shop-global", "shop-secondary")));

        assertEquals(Verdict.READY, report.verdict(), () -> ReportJson.write(report));
        assertEquals(List.of("the secondary lags 850 ms, within the step's RPO of 1 s"), stepFindings(report).stream().map(Finding::problem).toList());
    }

    @Test
    void check_whenLagExceedsTheStepsRpo_isDegradedWithTheRpoItImplies() {
        sites.globalDatabase(4_200);

        ReadinessReport report = evaluate(plan(step("shop-global", "shop-secondary")));

        assertEquals(Verdict.DEGRADED, report.verdict(), () -> ReportJson.write(report));
        Finding finding = only(report, Severity.WARNING);
        assertEquals(Finding.Category.DATA, finding.category());
        assertEquals("the secondary lags 4200 ms behind the writer (AuroraGlobalDBReplicationLag), more than the step's RPO of 1 s: an"
                + " unplanned failover now would lose up to 5 s of writes", finding.problem());
        assertEquals(5L, finding.impliedRpoSeconds());
        assertEquals(5L, report.impliedRpoSeconds());
    }

    @Test
    void check_whenStepHasNoRpo_weighsTheLagAgainstTheObjectiveEvaluateIsGiven() {
        sites.globalDatabase(4_200);
        String plan = plan(step("shop-global", "shop-secondary").replace("\"rpoSeconds\": 1,", ""));

        ReadinessReport none = evaluate(plan);
        ReadinessReport tight = evaluator.evaluate(RecoveryPlan.parse(plan), new Objectives(null, Duration.ofSeconds(2)), Duration.ofSeconds(60));

        assertEquals(Verdict.READY, none.verdict(), () -> ReportJson.write(none));
        assertTrue(stepFindings(none).stream().anyMatch(f -> f.problem().equals("the secondary lags 4200 ms (no RPO declared)")),
                () -> ReportJson.write(none));
        assertEquals(Verdict.DEGRADED, tight.verdict(), () -> ReportJson.write(tight));
        assertTrue(only(tight, Severity.WARNING).problem().contains("more than the step's RPO of 2 s"), () -> ReportJson.write(tight));
    }

    @Test
    void check_whenNoLagDatapoint_saysTheLossIsNotKnown() {
        createGlobal("shop-primary", "shop-secondary");

        ReadinessReport report = evaluate(plan(step("shop-global", "shop-secondary")));

        assertEquals(Verdict.READY, report.verdict(), () -> ReportJson.write(report));
        Finding finding = stepFindings(report).stream().filter(f -> f.category() == Finding.Category.UNCHECKED).findFirst()
                .orElseThrow(() -> new AssertionError(ReportJson.write(report)));
        assertEquals(Severity.INFO, finding.severity());
        assertEquals("no AuroraGlobalDBReplicationLag datapoint for shop-secondary in the last 10 minutes: the data a failover would"
                + " lose is not known", finding.problem());
    }

    @Test
    void check_whenRoleMayNotReadTheLag_isUncheckedNotAnError() {
        sites.globalDatabase(850);
        Set<String> actions = new TreeSet<>(RuntimePermissions.actions(Set.of("global-database", "readiness")));
        actions.remove("cloudwatch:GetMetricStatistics");
        AwsCredentialsProvider session = moto.iam().assume(moto.credentials(),
                moto.iam().createRole(moto.credentials(), "drkit-failover", actions), "evaluate");
        try (AwsClients role = emulator.runtimeClients(session);
             ReadinessEvaluator underRole = ReadinessEvaluator.builder(role).build()) {
            ReadinessReport report = moto.iam().enforcing(() -> underRole.evaluate(RecoveryPlan.parse(plan(step("shop-global",
                    "shop-secondary"))), Objectives.none(), Duration.ofSeconds(60)));

            assertEquals(Verdict.DEGRADED, report.verdict(), () -> ReportJson.write(report));
            Finding finding = only(report, Severity.WARNING);
            assertEquals(Finding.Category.UNCHECKED, finding.category());
            assertTrue(finding.problem().startsWith("the replication lag (AuroraGlobalDBReplicationLag) could not be checked: "),
                    finding.problem());
            assertNull(finding.impliedRpoSeconds());
        }
    }

    @Test
    void check_whenSecondaryWasDetached_isNotReadySayingNothingReplicates() {
        sites.globalDatabase(850);
        try (RdsClient east = sites.rds(RECOVERY)) {
            east.removeFromGlobalCluster(r -> r.globalClusterIdentifier("shop-global").dbClusterIdentifier(SECONDARY_ARN));
        }

        ReadinessReport report = evaluate(plan(step("shop-global", "shop-secondary")));

        assertEquals(Verdict.NOT_READY, report.verdict(), () -> ReportJson.write(report));
        Finding finding = only(report, Severity.CRITICAL);
        assertEquals(Finding.Category.DATA, finding.category());
        assertEquals(PATH + ".dbClusterIdentifier", finding.path());
        assertEquals("no cross-Region replication: " + SECONDARY_ARN + " is not a member of global cluster shop-global (members: ["
                + PRIMARY_ARN + " (writer)]), detached by an earlier failover or never added. A failover would have nothing to promote,"
                + " and the data is not protected in us-east-1", finding.problem());
        assertTrue(finding.fix().startsWith("if the application writes to shop-secondary now, create a global database from it"
                + " (CreateGlobalCluster with SourceDBClusterIdentifier " + SECONDARY_ARN + ")"), finding.fix());
        assertEquals(1, stepFindings(report).size(), "nothing else is weighed for a detached secondary: " + ReportJson.write(report));
    }

    @Test
    void check_whenSecondaryIsTheWriter_isNotReadySayingThePlanRunsTheOtherWay() {
        createGlobal("shop-secondary", "shop-primary");
        lag(0);

        ReadinessReport report = evaluate(plan(step("shop-global", "shop-secondary")));

        assertEquals(Verdict.NOT_READY, report.verdict(), () -> ReportJson.write(report));
        Finding finding = only(report, Severity.CRITICAL);
        assertEquals(PATH, finding.path());
        assertTrue(finding.problem().startsWith("the plan now runs the other way: " + SECONDARY_ARN + ", the plan's secondary in"
                + " us-east-1, is the writer of shop-global"), finding.problem());
        assertTrue(finding.fix().startsWith("once the old primary is a secondary again, run failback"), finding.fix());
    }

    @Test
    void check_whenWriterIsNotThePlansPrimary_warnsThatOnlyFailbacksTargetIsWrong() {
        sites.globalDatabase(850);
        String other = "arn:aws:rds:us-west-2:123456789012:cluster:shop-old-primary";

        ReadinessReport report = evaluate(plan(step("shop-global", "shop-secondary")
                .replace("\"rpoSeconds\"", "\"primaryDbClusterArn\": \"" + other + "\", \"rpoSeconds\"")));

        // Failover promotes the secondary whichever cluster writes: not NOT_READY.
        assertEquals(Verdict.DEGRADED, report.verdict(), () -> ReportJson.write(report));
        Finding finding = only(report, Severity.WARNING);
        assertEquals(PATH + ".primaryDbClusterArn", finding.path());
        assertTrue(finding.problem().startsWith("the writer of shop-global is " + PRIMARY_ARN + ", not the plan's primary " + other),
                finding.problem());
        assertTrue(finding.problem().contains("a failover now still promotes shop-secondary, but failback would switch the writer to"
                + " the plan's primary"), finding.problem());
        assertTrue(stepFindings(report).stream().anyMatch(f -> f.problem().startsWith("the secondary lags")),
                () -> "the lag is still weighed: " + ReportJson.write(report));
    }

    @Test
    void check_whenPlansPrimaryIsTheWriterInAnotherAccountsArnForm_isReady() {
        sites.globalDatabase(850);
        // The plan's ARN carries the deploying account; a global database's members are all in one account.
        String planArn = PRIMARY_ARN.replace("123456789012", "111111111111");

        ReadinessReport report = evaluate(plan(step("shop-global", "shop-secondary")
                .replace("\"rpoSeconds\"", "\"primaryDbClusterArn\": \"" + planArn + "\", \"rpoSeconds\"")));

        assertEquals(Verdict.READY, report.verdict(), () -> ReportJson.write(report));
    }

    @Test
    void check_whenGlobalClusterOrSecondaryMissing_isNotReadyNamingTheField() {
        sites.globalDatabase(850);

        ReadinessReport global = evaluate(plan(step("shop-elsewhere", "shop-secondary")));
        ReadinessReport cluster = evaluate(plan(step("shop-global", "shop-nowhere")));

        Finding noGlobal = only(global, Severity.CRITICAL);
        assertEquals(Finding.Category.EXISTENCE, noGlobal.category());
        assertEquals(PATH + ".globalClusterIdentifier", noGlobal.path());
        assertEquals("Aurora global cluster 'shop-elsewhere' not found (DescribeGlobalClusters in us-east-1): there is no cross-Region"
                + " replication, and failover stops at this step", noGlobal.problem());
        Finding noCluster = only(cluster, Severity.CRITICAL);
        assertEquals(PATH + ".dbClusterIdentifier", noCluster.path());
        assertEquals("Aurora DB cluster 'shop-nowhere' not found in us-east-1: there is no secondary to promote, and failover stops at"
                + " this step", noCluster.problem());
    }
}
