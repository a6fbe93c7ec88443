package io.github.drkit.runtime.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.drkit.lambda.FailoverHandler;
import io.github.drkit.plan.PlanValidationException;
import io.github.drkit.runtime.aws.AwsClients;
import io.github.drkit.testing.MotoServer;
import io.github.drkit.testing.MotoServerExtension;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.GlobalCluster;

/**
 * The global database and global table kinds against moto, with IAM enforced through a role built from the permission
 * table's rows for the two kinds. moto serves DescribeGlobalClusters, DescribeDBClusters and RemoveFromGlobalCluster but
 * not SwitchoverGlobalCluster or FailoverGlobalCluster (it answers 500), so here a failover takes the last resort,
 * detaching the secondary, after both managed operations are refused; the managed operations are held to the AWS SDK
 * in the wire conformance suite. moto keeps global clusters in us-east-1 and detaches only there, so the secondary
 * (the recovery Region) is in us-east-1 and the primary in us-west-2. moto's DynamoDB has no replicas: the gate's
 * refusal of a table that is not a global table, its forced pass and its latency reading are what moto shows.
 */
@ExtendWith(MotoServerExtension.class)
class GlobalDataScenarioTest {
    private static final String RECOVERY = GlobalDataSites.RECOVERY;
    private static final String PRIMARY = GlobalDataSites.PRIMARY;
    private static final String PLAN = """
            {"version": 2, "application": "shop", "strategy": "PILOT_LIGHT", "primaryRegion": "%s", "recoveryRegion": "%s",
             "stages": [{"name": "data", "steps": [%%s]}]}""".formatted(PRIMARY, RECOVERY);
    private static final String DATABASE_STEP = """
            {"kind": "failoverGlobalDatabase", "globalClusterIdentifier": "shop-global", "dbClusterIdentifier": "%s", "rpoSeconds": 1,
             "timeoutSeconds": 30}""";
    private static final String TABLE_STEP = """
            {"kind": "checkGlobalTable", "tableName": "%s", "sourceRegion": "%s", "rpoSeconds": 5}""";

    private Emulator emulator;
    private GlobalDataSites sites;
    private AwsClients clients;
    private RecordingHook calls;

    @BeforeEach
    void setUp(MotoServer moto) {
        emulator = new Emulator(moto);
        sites = new GlobalDataSites(moto, emulator);
        calls = new RecordingHook();
        clients = emulator.runtimeClients(emulator.failoverRole("global-database", "global-table"), calls);
    }

    @AfterEach
    void tearDown() {
        clients.close();
        emulator.close();
    }

    private FailoverHandler handler(String step) {
        return new FailoverHandler(Map.of("DRKIT_PLAN", PLAN.formatted(step)), clients, Duration.ofMillis(100));
    }

    private Map<String, Object> run(FailoverHandler handler, Map<String, Object> event) {
        return emulator.enforcing(() -> handler.handleRequest(event, null));
    }

    private RdsClient rds(String region) {
        return sites.rds(region);
    }

    private void globalDatabase(double lagMillis) {
        sites.globalDatabase(lagMillis);
    }

    private void metric(String region, String namespace, String name, Map<String, String> dimensions, double value) {
        sites.metric(region, namespace, name, dimensions, value);
    }

    private void table(String region, String name) {
        sites.table(region, name);
    }

    private List<String> members() {
        try (RdsClient east = rds(RECOVERY)) {
            return east.describeGlobalClusters(r -> r.globalClusterIdentifier("shop-global")).globalClusters().stream()
                    .filter(g -> g.globalClusterIdentifier().equals("shop-global")).findFirst().map(GlobalCluster::globalClusterMembers)
                    .orElseThrow().stream().map(m -> m.dbClusterArn()).toList();
        }
    }

    // The handler's answer is ReportJson's plain form: every JSON object a Map<String, Object>, every array a List.
    @SuppressWarnings("unchecked")
    private static Map<String, Object> stepState(Map<String, Object> report, String which) {
        List<Map<String, Object>> steps = (List<Map<String, Object>>) ((Map<String, Object>) report.get(which)).get("steps");
        assertEquals(1, steps.size(), String.valueOf(report.get(which)));
        return steps.get(0);
    }

    // The handler's answer is ReportJson's plain form: every JSON object a Map<String, Object>, every array a List.
    @SuppressWarnings("unchecked")
    private static Map<String, Object> stepReport(Map<String, Object> report) {
        return ((List<Map<String, Object>>) report.get("steps")).stream().filter(s -> "stages[0].steps[0]".equals(s.get("resource")))
                .findFirst().orElseThrow(() -> new AssertionError("no step report in " + report));
    }

    @Test
    void status_whenSecondaryReplicates_isNormalWithItsLag() {
        globalDatabase(850);

        Map<String, Object> status = run(handler(DATABASE_STEP.formatted("shop-secondary")), Map.of("action", "status"));

        Map<String, Object> step = stepState(status, "stateBefore");
        assertEquals("NORMAL", step.get("position"), String.valueOf(step));
        Map<?, ?> details = (Map<?, ?>) step.get("details");
        assertEquals("SECONDARY", details.get("role"));
        assertEquals(850.0, details.get("replicationLagMs"));
        assertEquals("arn:aws:rds:us-west-2:123456789012:cluster:shop-primary", details.get("writer"));
    }

    @Test
    void failover_whenManagedOperationsRefused_detachesTheSecondaryAndReportsTheLagAsRpo() {
        globalDatabase(850);
        FailoverHandler handler = handler(DATABASE_STEP.formatted("shop-secondary"));

        Map<String, Object> failover = run(handler, Map.of("action", "failover"));

        assertEquals("SUCCEEDED", failover.get("outcome"), String.valueOf(failover));
        String detail = String.valueOf(stepReport(failover).get("detail"));
        assertTrue(detail.startsWith("detached from shop-global, now a standalone writer; RPO achieved: replication lag at promotion 850 ms"
                + " (AuroraGlobalDBReplicationLag), within the declared RPO of 1 s"), detail);
        assertTrue(detail.contains("SwitchoverGlobalCluster refused") && detail.contains("FailoverGlobalCluster refused"), detail);
        assertEquals(List.of("arn:aws:rds:us-west-2:123456789012:cluster:shop-primary"), members());
        assertEquals(List.of("SwitchoverGlobalCluster", "FailoverGlobalCluster", "RemoveFromGlobalCluster"),
                calls.mutating().stream().distinct().toList());
        Map<String, Object> after = stepState(failover, "stateAfter");
        assertEquals("FAILED_OVER", after.get("position"));
        assertEquals("DETACHED", ((Map<?, ?>) after.get("details")).get("role"));

        Map<String, Object> again = run(handler, Map.of("action", "failover"));
        assertEquals("ALREADY_DONE", again.get("outcome"), String.valueOf(again));
    }

    @Test
    void failover_whenPromotedClusterHasNoInstance_saysSoWithTheCommandThatAddsTheWriter() {
        globalDatabase(850);

        Map<String, Object> failover = run(handler(DATABASE_STEP.formatted("shop-secondary")), Map.of("action", "failover"));

        assertEquals("SUCCEEDED", failover.get("outcome"), String.valueOf(failover));
        String headless = "Aurora cluster shop-secondary in us-east-1 is the writer but has no DB instance, so it takes no connections"
                + " until one is added: aws rds create-db-instance --region us-east-1 --db-cluster-identifier shop-secondary"
                + " --db-instance-identifier shop-secondary-writer --db-instance-class <the primary writer's class, e.g. db.r6g.large>"
                + " --engine aurora-postgresql";
        String detail = String.valueOf(stepReport(failover).get("detail"));
        assertTrue(detail.contains("; " + headless), detail);
        List<?> left = (List<?>) failover.get("leftForOperator");
        assertEquals(1, left.size(), String.valueOf(left));
        assertTrue(String.valueOf(left.get(0)).startsWith(headless), String.valueOf(left));
        assertEquals(List.of(), ((Map<?, ?>) stepState(failover, "stateAfter").get("details")).get("dbInstances"));
    }

    @Test
    void failover_whenPromotedClusterHasAnInstance_leavesNothingForAPerson() {
        globalDatabase(850);
        try (RdsClient east = rds(RECOVERY)) {
            east.createDBInstance(r -> r.dbInstanceIdentifier("shop-secondary-1").dbClusterIdentifier("shop-secondary")
                    .engine("aurora-postgresql").dbInstanceClass("db.r6g.large"));
        }

        Map<String, Object> failover = run(handler(DATABASE_STEP.formatted("shop-secondary")), Map.of("action", "failover"));

        assertEquals("SUCCEEDED", failover.get("outcome"), String.valueOf(failover));
        String detail = String.valueOf(stepReport(failover).get("detail"));
        assertTrue(!detail.contains("no DB instance"), detail);
        assertEquals(List.of(), failover.get("leftForOperator"));
        assertEquals(List.of("shop-secondary-1"), ((Map<?, ?>) stepState(failover, "stateAfter").get("details")).get("dbInstances"));
    }

    @Test
    void failover_whenLagExceedsTheDeclaredRpo_saysSo() {
        globalDatabase(4_200);

        Map<String, Object> failover = run(handler(DATABASE_STEP.formatted("shop-secondary")), Map.of("action", "failover"));

        assertEquals("SUCCEEDED", failover.get("outcome"), String.valueOf(failover));
        assertTrue(String.valueOf(stepReport(failover).get("detail")).contains("replication lag at promotion 4200 ms (AuroraGlobalDBReplicationLag),"
                + " EXCEEDS the declared RPO of 1 s"), String.valueOf(stepReport(failover)));
    }

    @Test
    void failback_afterDetach_stopsSayingWhatAPersonMustDoAndDeletesNothing() {
        globalDatabase(850);
        FailoverHandler handler = handler(DATABASE_STEP.formatted("shop-secondary"));
        run(handler, Map.of("action", "failover"));
        int mutatingBefore = calls.mutating().size();

        Map<String, Object> failback = run(handler, Map.of("action", "failback", "force", true));

        assertEquals("FAILED", failback.get("outcome"), String.valueOf(failback));
        String detail = String.valueOf(stepReport(failback).get("detail"));
        assertTrue(detail.startsWith("cannot fail back: arn:aws:rds:us-east-1:123456789012:cluster:shop-secondary was detached from global"
                + " cluster shop-global"), detail);
        assertTrue(detail.contains("CreateGlobalCluster with SourceDBClusterIdentifier") && detail.contains("drkit deletes nothing"), detail);
        assertEquals(mutatingBefore, calls.mutating().size(), "failback sent " + calls.mutating());
        try (RdsClient east = rds(RECOVERY); RdsClient west = rds(PRIMARY)) {
            assertEquals("available", east.describeDBClusters(r -> r.dbClusterIdentifier("shop-secondary")).dbClusters().get(0).status());
            assertEquals("available", west.describeDBClusters(r -> r.dbClusterIdentifier("shop-primary")).dbClusters().get(0).status());
        }
    }

    @Test
    void status_whenClusterOrGlobalClusterUnknown_isRefusedNamingTheField() {
        globalDatabase(850);

        PlanValidationException cluster = assertThrows(PlanValidationException.class,
                () -> run(handler(DATABASE_STEP.formatted("shop-nowhere")), Map.of("action", "failover")));
        assertEquals("stages[0].steps[0].dbClusterIdentifier", cluster.field());
        assertEquals("stages[0].steps[0].dbClusterIdentifier: Aurora DB cluster 'shop-nowhere' not found in us-east-1", cluster.getMessage());

        PlanValidationException global = assertThrows(PlanValidationException.class, () -> run(handler(DATABASE_STEP.formatted("shop-secondary")
                .replace("shop-global", "shop-elsewhere")), Map.of("action", "failover")));
        assertEquals("stages[0].steps[0].globalClusterIdentifier: Aurora global cluster 'shop-elsewhere' not found (DescribeGlobalClusters"
                + " in us-east-1)", global.getMessage());
        assertEquals(List.of(), calls.mutating());
    }

    @Test
    void checkGlobalTable_whenTableIsNoReplica_failsTheStageUnlessForcedAndReportsTheLatency() {
        table(RECOVERY, "shop-carts");
        metric(PRIMARY, "AWS/DynamoDB", "ReplicationLatency", Map.of("TableName", "shop-carts", "ReceivingRegion", RECOVERY), 1_200);
        FailoverHandler handler = handler(TABLE_STEP.formatted("shop-carts", PRIMARY));

        Map<String, Object> status = run(handler, Map.of("action", "status"));
        Map<?, ?> details = (Map<?, ?>) stepState(status, "stateBefore").get("details");
        assertEquals(1_200.0, details.get("replicationLatencyMs"), String.valueOf(details));
        assertEquals(false, details.get("ready"));

        Map<String, Object> refused = run(handler, Map.of("action", "failover"));
        assertEquals("FAILED", refused.get("outcome"), String.valueOf(refused));
        assertEquals("table shop-carts in us-east-1 is not a replica of a global table (DescribeTable lists no replicas); run again with"
                + " force to move traffic anyway", stepReport(refused).get("detail"));

        Map<String, Object> forced = run(handler, Map.of("action", "failover", "force", true));
        // A plan of gates alone changes nothing, so the run reads as already done; the gate itself passed.
        assertEquals("DONE", stepReport(forced).get("outcome"), String.valueOf(forced));
        assertEquals("forced past: table shop-carts in us-east-1 is not a replica of a global table (DescribeTable lists no replicas)",
                stepReport(forced).get("detail"));
        assertEquals(List.of(), calls.mutating());
    }

    @Test
    void checkGlobalTable_whenLatencyUnknownAndRpoExceeded_namesBoth() {
        table(RECOVERY, "shop-carts");
        table(PRIMARY, "shop-carts");
        metric(RECOVERY, "AWS/DynamoDB", "ReplicationLatency", Map.of("TableName", "shop-carts", "ReceivingRegion", PRIMARY), 9_000);
        FailoverHandler handler = handler(TABLE_STEP.formatted("shop-carts", PRIMARY));

        Map<String, Object> failover = run(handler, Map.of("action", "failover"));
        assertTrue(String.valueOf(stepReport(failover).get("detail")).contains("replication latency unknown (no ReplicationLatency datapoint"
                + " from us-west-2 to us-east-1 in the last 10 minutes)"), String.valueOf(stepReport(failover)));

        // Failback checks the other way round: the replica in the source Region, fed from the recovery Region.
        Map<String, Object> failback = run(handler, Map.of("action", "failback"));
        assertTrue(String.valueOf(stepReport(failback).get("detail")).contains("replication latency 9000 ms from us-east-1 exceeds the RPO of 5 s"),
                String.valueOf(stepReport(failback)));
    }

    @Test
    void checkGlobalTable_whenTableUnknown_isRefusedNamingTheField() {
        PlanValidationException e = assertThrows(PlanValidationException.class,
                () -> run(handler(TABLE_STEP.formatted("shop-nowhere", PRIMARY)), Map.of("action", "failover")));

        assertEquals("stages[0].steps[0].tableName: DynamoDB table 'shop-nowhere' not found in us-east-1", e.getMessage());
        assertEquals(List.of(), calls.mutating());
    }
}
