package io.github.drkit.runtime.steps.dynamodb;

import static io.github.drkit.runtime.scenario.GlobalDataSites.PRIMARY;
import static io.github.drkit.runtime.scenario.GlobalDataSites.RECOVERY;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

import io.github.drkit.plan.GlobalTablePlan;
import io.github.drkit.plan.RecoveryPlan;
import io.github.drkit.plan.RuntimePermissions;
import io.github.drkit.runtime.aws.AwsClients;
import io.github.drkit.runtime.aws.api.TableDescription;
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

/**
 * Evaluate's check of the DynamoDB global table kind. Against moto: a missing table, a table that is no replica (moto's
 * DynamoDB keeps no replicas, so every table there is one), and the replication latency beyond, within, without a
 * datapoint and refused. The replica states moto cannot produce (a global table's replica not ACTIVE, a table being
 * updated) are weighed on a description as DescribeTable parses it (its parsing is held to the SDK by the wire
 * conformance suite).
 */
@ExtendWith(MotoServerExtension.class)
class GlobalTableReadinessTest {
    private static final String PLAN = """
            {"version": 2, "application": "shop", "strategy": "PILOT_LIGHT", "primaryRegion": "%s", "recoveryRegion": "%s",
             "stages": [{"name": "data", "steps": [{"kind": "checkGlobalTable", "tableName": "%%s", "sourceRegion": "%s",
             "rpoSeconds": 5}]}]}""".formatted(PRIMARY, RECOVERY, PRIMARY);
    private static final String PATH = "stages[0].steps[0]";

    private MotoServer moto;
    private Emulator emulator;
    private GlobalDataSites sites;
    private AwsClients clients;
    private ReadinessEvaluator evaluator;

    @BeforeEach
    void setUp(MotoServer moto) {
        this.moto = moto;
        emulator = new Emulator(moto);
        sites = new GlobalDataSites(moto, emulator);
        clients = emulator.runtimeClients();
        evaluator = ReadinessEvaluator.builder(clients).build();
    }

    @AfterEach
    void tearDown() {
        moto.iam().relax();
        evaluator.close();
        clients.close();
        emulator.close();
    }

    private ReadinessReport evaluate(String table) {
        return evaluator.evaluate(RecoveryPlan.parse(PLAN.formatted(table)), Objectives.none(), Duration.ofSeconds(60));
    }

    private static List<Finding> stepFindings(ReadinessReport report) {
        return report.findings().stream().filter(f -> f.path().startsWith(PATH)).toList();
    }

    private static Finding with(List<Finding> findings, String start) {
        return findings.stream().filter(f -> f.problem().startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding '" + start + "...' in " + findings));
    }

    private void latency(double millis) {
        sites.metric(PRIMARY, "AWS/DynamoDB", "ReplicationLatency", Map.of("TableName", "shop-carts", "ReceivingRegion", RECOVERY), millis);
    }

    @Test
    void check_whenTableMissing_isNotReadyNamingTheField() {
        ReadinessReport report = evaluate("shop-carts");

        assertEquals(Verdict.NOT_READY, report.verdict(), () -> ReportJson.write(report));
        List<Finding> findings = stepFindings(report);
        assertEquals(1, findings.size(), () -> ReportJson.write(report));
        Finding finding = findings.get(0);
        assertEquals(Severity.CRITICAL, finding.severity());
        assertEquals(Finding.Category.EXISTENCE, finding.category());
        assertEquals(PATH + ".tableName", finding.path());
        assertEquals("DynamoDB table 'shop-carts' not found in us-east-1: there is no replica to move traffic to, and the failover gate"
                + " stops at this step", finding.problem());
    }

    @Test
    void check_whenTableIsNoReplica_isNotReadySayingNothingReplicates() {
        sites.table(RECOVERY, "shop-carts");
        latency(1_200);

        ReadinessReport report = evaluate("shop-carts");

        assertEquals(Verdict.NOT_READY, report.verdict(), () -> ReportJson.write(report));
        Finding finding = with(stepFindings(report), "no cross-Region replication");
        assertEquals(Severity.CRITICAL, finding.severity());
        assertEquals(Finding.Category.DATA, finding.category());
        assertEquals("no cross-Region replication: 'shop-carts' in us-east-1 is not a replica of a global table (DescribeTable lists no"
                + " replicas), so it does not receive us-west-2's writes and the failover gate stops", finding.problem());
        Finding latency = with(stepFindings(report), "replication latency");
        assertEquals(Severity.INFO, latency.severity());
        assertEquals("replication latency from us-west-2 is 1200 ms, within the step's RPO of 5 s", latency.problem());
        assertEquals(2L, latency.impliedRpoSeconds());
    }

    @Test
    void check_whenLatencyExceedsTheStepsRpo_warnsWithTheRpoItImplies() {
        sites.table(RECOVERY, "shop-carts");
        latency(7_400);

        ReadinessReport report = evaluate("shop-carts");

        Finding finding = with(stepFindings(report), "replication latency");
        assertEquals(Severity.WARNING, finding.severity());
        assertEquals(Finding.Category.DATA, finding.category());
        assertEquals("replication latency from us-west-2 is 7400 ms, more than the step's RPO of 5 s: the failover gate stops unless"
                + " forced, and a forced failover now would lose up to 8 s of writes", finding.problem());
        assertEquals(8L, report.impliedRpoSeconds());
    }

    @Test
    void check_whenNoLatencyDatapoint_warnsThatTheGateWouldStop() {
        sites.table(RECOVERY, "shop-carts");

        ReadinessReport report = evaluate("shop-carts");

        Finding finding = with(stepFindings(report), "replication latency");
        assertEquals(Severity.WARNING, finding.severity());
        assertEquals(Finding.Category.UNCHECKED, finding.category());
        assertEquals("replication latency from us-west-2 unknown (no ReplicationLatency datapoint from us-west-2 to us-east-1 in the"
                + " last 10 minutes): the failover gate stops on it unless the run is forced", finding.problem());
        assertTrue(finding.fix().startsWith("none while the table takes no writes"), finding.fix());
    }

    @Test
    void check_whenRoleMayNotReadTheLatency_isUncheckedNotAnError() {
        sites.table(RECOVERY, "shop-carts");
        latency(1_200);
        Set<String> actions = new TreeSet<>(RuntimePermissions.actions(Set.of("global-table", "readiness")));
        actions.remove("cloudwatch:GetMetricStatistics");
        AwsCredentialsProvider session = moto.iam().assume(moto.credentials(),
                moto.iam().createRole(moto.credentials(), "drkit-failover", actions), "evaluate");
        try (AwsClients role = emulator.runtimeClients(session);
             ReadinessEvaluator underRole = ReadinessEvaluator.builder(role).build()) {
            ReadinessReport report = moto.iam().enforcing(() -> underRole.evaluate(RecoveryPlan.parse(PLAN.formatted("shop-carts")),
                    Objectives.none(), Duration.ofSeconds(60)));

            Finding finding = with(stepFindings(report), "replication latency");
            assertEquals(Severity.WARNING, finding.severity());
            assertEquals(Finding.Category.UNCHECKED, finding.category());
            assertTrue(finding.problem().contains("ReplicationLatency could not be read in us-west-2: "), finding.problem());
            assertTrue(finding.fix().startsWith("give the function's role cloudwatch:GetMetricStatistics in us-west-2"), finding.fix());
        }
    }

    @Test
    void findings_whenGlobalTableReplicatesWithinTheRpo_areInfoOnly() {
        GlobalTablePlan step = new GlobalTablePlan(RECOVERY, "shop-carts", PRIMARY, 5, PATH);
        TableDescription table = new TableDescription("shop-carts", "ACTIVE", "2019.11.21",
                List.of(new TableDescription.Replica(PRIMARY, "ACTIVE"), new TableDescription.Replica(RECOVERY, "ACTIVE")));

        List<Finding> findings = GlobalTableReadiness.findings(step, new ReplicaReadiness(RECOVERY, PRIMARY, table, 900.0, null, false));

        assertEquals(1, findings.size(), String.valueOf(findings));
        assertEquals(Severity.INFO, findings.get(0).severity());
        assertEquals("replication latency from us-west-2 is 900 ms, within the step's RPO of 5 s", findings.get(0).problem());
    }

    @Test
    void findings_whenReplicaOrTableNotActive_areCritical() {
        GlobalTablePlan step = new GlobalTablePlan(RECOVERY, "shop-carts", PRIMARY, 5, PATH);
        TableDescription table = new TableDescription("shop-carts", "UPDATING", "2019.11.21",
                List.of(new TableDescription.Replica(PRIMARY, "ACTIVE"), new TableDescription.Replica(RECOVERY, "CREATING")));

        List<Finding> findings = GlobalTableReadiness.findings(step, new ReplicaReadiness(RECOVERY, PRIMARY, table, 900.0, null, false));

        List<String> critical = findings.stream().filter(f -> f.severity() == Severity.CRITICAL).map(Finding::problem).toList();
        assertEquals(List.of("the table is UPDATING in us-east-1, not ACTIVE: the failover gate stops until it is",
                "the global table's replica in us-east-1 is CREATING, not ACTIVE: the failover gate stops until it is"), critical);
    }

    /**
     * Evaluate and the failover gate weigh the replica by one rule: a finding worse than INFO for each problem the gate
     * stops on, of its kind's severity, and nothing worse than INFO when the gate passes.
     */
    @Test
    void findings_forEveryStateTheGateWeighs_reportOneFindingPerGateProblem() {
        GlobalTablePlan step = new GlobalTablePlan(RECOVERY, "shop-carts", PRIMARY, 5, PATH);
        List<TableDescription.Replica> both = List.of(new TableDescription.Replica(PRIMARY, "ACTIVE"), new TableDescription.Replica(RECOVERY, "ACTIVE"));
        List<ReplicaReadiness> replicas = List.of(
                new ReplicaReadiness(RECOVERY, PRIMARY, new TableDescription("shop-carts", "ACTIVE", "2019.11.21", both), 900.0, null, false),
                new ReplicaReadiness(RECOVERY, PRIMARY, new TableDescription("shop-carts", "ACTIVE", "2019.11.21", both), 9000.0, null, false),
                new ReplicaReadiness(RECOVERY, PRIMARY, new TableDescription("shop-carts", "ACTIVE", "2019.11.21", both), null, "no datapoint", false),
                new ReplicaReadiness(RECOVERY, PRIMARY, new TableDescription("shop-carts", "UPDATING", null, List.of()), null, "refused", true),
                new ReplicaReadiness(RECOVERY, PRIMARY, new TableDescription("shop-carts", "ACTIVE", "2019.11.21",
                        List.of(new TableDescription.Replica(PRIMARY, "ACTIVE"), new TableDescription.Replica(RECOVERY, "CREATING"))), 100.0, null, false));

        for (ReplicaReadiness replica : replicas) {
            List<ReplicaReadiness.Problem> gate = replica.problems(step.rpoSeconds());
            List<Finding> findings = GlobalTableReadiness.findings(step, replica);

            assertEquals(gate.stream().map(p -> p.kind().severity()).toList(),
                    findings.stream().map(Finding::severity).filter(s -> s != Severity.INFO).toList(), () -> gate + " vs " + findings);
            assertEquals(gate.isEmpty(), findings.stream().allMatch(f -> f.severity() == Severity.INFO), () -> gate + " vs " + findings);
        }
    }
}
