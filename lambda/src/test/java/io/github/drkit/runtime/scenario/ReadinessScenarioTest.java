package io.github.drkit.runtime.scenario;

import static io.github.drkit.runtime.scenario.Emulator.RECOVERY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

import io.github.drkit.lambda.FailoverHandler;
import io.github.drkit.plan.RecoveryPlan;
import io.github.drkit.plan.RuntimePermissions;
import io.github.drkit.runtime.aws.AwsClients;
import io.github.drkit.runtime.engine.InvalidRequestException;
import io.github.drkit.runtime.engine.ReportJson;
import io.github.drkit.runtime.engine.Tags;
import io.github.drkit.runtime.readiness.Finding;
import io.github.drkit.runtime.readiness.Objectives;
import io.github.drkit.runtime.readiness.ReadinessEvaluator;
import io.github.drkit.runtime.readiness.ReadinessReport;
import io.github.drkit.runtime.readiness.Severity;
import io.github.drkit.runtime.readiness.Verdict;
import io.github.drkit.testing.CloudWatchQuery;
import io.github.drkit.testing.MotoServer;
import io.github.drkit.testing.MotoServerExtension;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.route53.model.ChangeAction;

/**
 * Evaluate against the emulator: a site with a step of every kind reads READY, and each thing the emulator can break
 * (an AMI deregistered, a record, group, target group, health check or instance gone, a replica lagging or promoted,
 * an alarm or topic missing) is caught with the finding that names it, its severity and the verdict it leads to.
 */
@ExtendWith(MotoServerExtension.class)
class ReadinessScenarioTest {
    /** Every step kind of the site and the evaluate action's own reads. */
    static final Set<String> KINDS = Set.of("database", "instances", "fleet", "vertical-scaling", "dns", "site-switch", "notifications",
            "readiness");

    private MotoServer moto;
    private Emulator emulator;
    private ReadinessSite site;
    private RecordingHook calls;
    private AwsClients clients;
    private ReadinessEvaluator evaluator;

    @BeforeEach
    void setUp(MotoServer moto) {
        this.moto = moto;
        emulator = new Emulator(moto);
        site = ReadinessSite.create(emulator, moto);
        calls = new RecordingHook();
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

    private ReadinessReport evaluate(String plan, Objectives objectives) {
        return evaluator.evaluate(RecoveryPlan.parse(plan), objectives, Duration.ofSeconds(60));
    }

    private ReadinessReport evaluate() {
        return evaluate(site.plan(), Objectives.none());
    }

    private static Finding only(ReadinessReport report, Severity severity) {
        List<Finding> found = report.findings().stream().filter(f -> f.severity() == severity).toList();
        assertEquals(1, found.size(), () -> ReportJson.write(report));
        return found.get(0);
    }

    @Test
    void evaluate_whenEveryResourceIsInPlace_isReady() {
        ReadinessReport report = evaluate();

        assertEquals(Verdict.READY, report.verdict(), () -> ReportJson.write(report));
        assertTrue(report.findings().stream().allMatch(f -> f.severity() == Severity.INFO), () -> ReportJson.write(report));
        // The emulator serves no EC2 quota: the capacity is stated, not compared, and says so.
        Finding quota = report.findings().stream().filter(f -> f.resource() != null && f.resource().contains("L-1216C47A")).findFirst()
                .orElseThrow(() -> new AssertionError(ReportJson.write(report)));
        assertEquals(Finding.Category.UNCHECKED, quota.category());
        assertTrue(quota.problem().contains("needs 8 vCPUs at recovery.desired and 16 at recovery.max"), quota.problem());
        assertEquals("evaluate", report.action());
        assertEquals("ready: no finding would stop or slow a failover", report.message());
    }

    @Test
    void evaluate_whenFleetAmiDeregistered_isNotReadyNamingTheAmi() {
        emulator.ec2(RECOVERY).deregisterImage(r -> r.imageId(site.imageId()));

        ReadinessReport report = evaluate();

        assertEquals(Verdict.NOT_READY, report.verdict());
        Finding finding = only(report, Severity.CRITICAL);
        assertEquals(Finding.Category.EXISTENCE, finding.category());
        assertEquals("fleets[0].autoScalingGroupName", finding.path());
        assertTrue(finding.problem().startsWith("AMI " + site.imageId() + ", which launch template " + site.launchTemplateId()
                + " version 1 launches, does not exist in us-west-2"), finding.problem());
        assertTrue(finding.fix().startsWith("copy a current AMI to us-west-2"), finding.fix());
    }

    @Test
    void evaluate_whenPlannedRecordDeleted_isNotReadyNamingTheRecord() {
        emulator.route53().changeResourceRecordSets(r -> r.hostedZoneId(site.zone()).changeBatch(b -> b.changes(c -> c.action(ChangeAction.DELETE)
                .resourceRecordSet(emulator.record(site.zone(), "app.example.com.", "recovery")))));

        ReadinessReport report = evaluate();

        assertEquals(Verdict.NOT_READY, report.verdict());
        Finding finding = only(report, Severity.CRITICAL);
        assertEquals("dns[0].records[1]", finding.path());
        assertEquals("record app.example.com. A [recovery] not found in hosted zone " + site.zone()
                + ": failover changes existing records and would stop before any DNS change", finding.problem());
    }

    @Test
    void evaluate_whenHostedZoneDeleted_isNotReadyNamingTheZone() {
        String other = emulator.zone("example.org");
        emulator.route53().deleteHostedZone(r -> r.id(other));

        ReadinessReport report = evaluate(site.plan().replace(site.zone(), other), Objectives.none());

        Finding finding = only(report, Severity.CRITICAL);
        assertEquals("dns[0].hostedZoneId", finding.path());
        assertTrue(finding.problem().startsWith("hosted zone '" + other + "' not found"), finding.problem());
    }

    @Test
    void evaluate_whenRecordsHealthCheckDeleted_isNotReadyNamingTheCheck() {
        emulator.route53().deleteHealthCheck(r -> r.healthCheckId(site.healthCheckId()));

        ReadinessReport report = evaluate();

        Finding finding = only(report, Severity.CRITICAL);
        assertEquals("dns[0].records[0]", finding.path());
        assertEquals("health check " + site.healthCheckId(), finding.resource());
        assertTrue(finding.problem().contains("Route 53 treats the record as healthy whatever its endpoint"), finding.problem());
    }

    @Test
    void evaluate_whenAutoScalingGroupDeleted_isNotReadyNamingTheGroup() {
        emulator.autoScaling(RECOVERY).deleteAutoScalingGroup(r -> r.autoScalingGroupName("shop-web").forceDelete(true));

        ReadinessReport report = evaluate();

        Finding finding = only(report, Severity.CRITICAL);
        assertEquals("fleets[0].autoScalingGroupName", finding.path());
        assertEquals("Auto Scaling group 'shop-web' not found in us-west-2: failover cannot scale it", finding.problem());
    }

    @Test
    void evaluate_whenTargetGroupDeleted_isNotReadyNamingIt() {
        emulator.autoScaling(RECOVERY).detachLoadBalancerTargetGroups(r -> r.autoScalingGroupName("shop-web").targetGroupARNs(site.targetGroupArn()));
        emulator.elb(RECOVERY).deleteTargetGroup(r -> r.targetGroupArn(site.targetGroupArn()));

        ReadinessReport report = evaluate();

        Finding finding = only(report, Severity.CRITICAL);
        assertEquals("fleets[0].targetGroupArns[0]", finding.path());
        assertEquals(site.targetGroupArn(), finding.resource());
    }

    @Test
    void evaluate_whenStoppedInstanceTerminated_isNotReadyNamingIt() {
        emulator.ec2(RECOVERY).terminateInstances(r -> r.instanceIds(site.instanceId()));

        ReadinessReport report = evaluate();

        Finding finding = only(report, Severity.CRITICAL);
        assertEquals("instances[0].instanceIds[0]", finding.path());
        assertEquals("EC2 instance '" + site.instanceId() + "' is terminated in us-west-2: failover cannot start it", finding.problem());
    }

    @Test
    void evaluate_whenReplicaMissing_isNotReadyNamingIt() {
        ReadinessReport report = evaluate(site.plan().replace(site.replica(), "shop-replica-gone"), Objectives.none());

        Finding finding = only(report, Severity.CRITICAL);
        assertEquals("databases[0].dbInstanceIdentifier", finding.path());
    }

    @Test
    void evaluate_whenReplicaLagsBeyondTheRpo_isNotReadyWithTheRpoItImplies() {
        CloudWatchQuery.putMetric(moto.endpoint(), moto.credentials(), RECOVERY, "AWS/RDS", "ReplicaLag",
                Map.of("DBInstanceIdentifier", site.replica()), 900);

        ReadinessReport report = evaluate(site.plan(), new Objectives(Duration.ofMinutes(30), Duration.ofMinutes(5)));

        assertEquals(Verdict.NOT_READY, report.verdict());
        Finding finding = only(report, Severity.CRITICAL);
        assertEquals(Finding.Category.DATA, finding.category());
        assertEquals(900L, finding.impliedRpoSeconds());
        assertEquals(900L, report.impliedRpoSeconds());
        assertEquals(300L, report.declaredRpoSeconds());
        assertTrue(finding.problem().startsWith("the replica lags 900 s behind its source, more than the declared RPO of 300 s"),
                finding.problem());
    }

    @Test
    void evaluate_whenReplicaLagsWithinTheRpo_isReadyAndStatesTheLag() {
        CloudWatchQuery.putMetric(moto.endpoint(), moto.credentials(), RECOVERY, "AWS/RDS", "ReplicaLag",
                Map.of("DBInstanceIdentifier", site.replica()), 12);

        ReadinessReport report = evaluate(site.plan(), new Objectives(null, Duration.ofMinutes(5)));

        assertEquals(Verdict.READY, report.verdict(), () -> ReportJson.write(report));
        assertEquals(12L, report.impliedRpoSeconds());
        assertTrue(report.findings().stream().anyMatch(f -> f.problem().equals("the replica lags 12 s, within the declared RPO of 300 s")),
                () -> ReportJson.write(report));
    }

    @Test
    void evaluate_whenReplicaAlreadyPromoted_isDegraded() {
        // As failover leaves it: tagged, then promoted.
        String arn = emulator.database(RECOVERY, site.replica()).dbInstanceArn();
        emulator.rds(RECOVERY).addTagsToResource(r -> r.resourceName(arn).tags(t -> t.key(Tags.PROMOTED).value("2026-12-04T07:00:00Z")));
        emulator.rds(RECOVERY).promoteReadReplica(r -> r.dbInstanceIdentifier(site.replica()));

        ReadinessReport report = evaluate();

        assertEquals(Verdict.DEGRADED, report.verdict(), () -> ReportJson.write(report));
        Finding finding = only(report, Severity.WARNING);
        assertEquals(Finding.Category.DATA, finding.category());
        assertTrue(finding.problem().contains("is a standalone instance, not a replica"), finding.problem());
    }

    @Test
    void evaluate_whenNoAlarmWatchesTheSwitchMetric_isNotReady() {
        ReadinessReport report = evaluate(site.plan().replace("\"SiteEnabled\"", "\"SiteUp\""), Objectives.none());

        Finding finding = only(report, Severity.CRITICAL);
        assertEquals("siteSwitches[0]", finding.path());
        assertTrue(finding.problem().startsWith("no threshold alarm watches the switch metric of site primary"), finding.problem());
    }

    @Test
    void evaluate_whenTopicDeleted_isDegraded() {
        emulator.sns(RECOVERY).deleteTopic(r -> r.topicArn(site.topicArn()));

        ReadinessReport report = evaluate();

        assertEquals(Verdict.DEGRADED, report.verdict());
        assertEquals("notificationTopicArn", only(report, Severity.WARNING).path());
    }

    @Test
    void evaluate_whenDeadlineReached_isNotReadyAndSaysWhatWasNotChecked() {
        ReadinessReport report = evaluator.evaluate(RecoveryPlan.parse(site.plan()), Objectives.none(), Duration.ofMillis(1));

        assertFalse(report.verdict() == Verdict.READY, () -> ReportJson.write(report));
        assertTrue(report.findings().stream().anyMatch(f -> f.category() == Finding.Category.UNCHECKED && f.problem().contains("deadline")),
                () -> ReportJson.write(report));
    }

    @Test
    void evaluate_underRoleFromTheTable_isReadyCallingOnlyListedOperations() {
        AwsCredentialsProvider session = moto.iam().assume(moto.credentials(),
                moto.iam().createRole(moto.credentials(), "drkit-failover", RuntimePermissions.actions(KINDS)), "evaluate");
        ServiceCalls roleCalls = new ServiceCalls();
        try (AwsClients role = emulator.runtimeClients(session, roleCalls);
             ReadinessEvaluator underRole = ReadinessEvaluator.builder(role).metricNamespace("drkit/readiness").build()) {
            ReadinessReport report = moto.iam().enforcing(() -> underRole.evaluate(RecoveryPlan.parse(site.plan()), Objectives.none(),
                    Duration.ofSeconds(60)));

            assertEquals(Verdict.READY, report.verdict(), () -> ReportJson.write(report));
            assertTrue(report.metric().startsWith("published drkit/readiness/ReadinessVerdict = 0 (READY)"), report.metric());
        }
        List<String> unlisted = roleCalls.distinct().stream()
                .filter(c -> RuntimePermissions.rowsFor(KINDS, c.split(":")[0], c.split(":")[1]).isEmpty()).toList();
        assertEquals(List.of(), unlisted, "calls the permission table does not list for " + KINDS);
    }

    @Test
    void evaluate_whenRoleLacksDescribeImages_isDegradedNamingTheReadItCouldNotMake() {
        Set<String> actions = new TreeSet<>(RuntimePermissions.actions(KINDS));
        actions.remove("ec2:DescribeImages");
        AwsCredentialsProvider session = moto.iam().assume(moto.credentials(),
                moto.iam().createRole(moto.credentials(), "drkit-failover", actions), "evaluate");
        try (AwsClients role = emulator.runtimeClients(session);
             ReadinessEvaluator underRole = ReadinessEvaluator.builder(role).build()) {
            ReadinessReport report = moto.iam().enforcing(() -> underRole.evaluate(RecoveryPlan.parse(site.plan()), Objectives.none(),
                    Duration.ofSeconds(60)));

            assertEquals(Verdict.DEGRADED, report.verdict(), () -> ReportJson.write(report));
            Finding finding = only(report, Severity.WARNING);
            assertEquals(Finding.Category.UNCHECKED, finding.category());
            assertTrue(finding.problem().contains("DescribeImages") && finding.problem().contains("AccessDenied"), finding.problem());
        }
    }

    @Test
    void handler_whenEvaluateEvent_returnsTheReportWithThePlansObjectivesAndPublishesTheVerdict() {
        String plan = site.plan().replaceFirst("\\{", "{\"objectives\": {\"rpoSeconds\": 300}, ");
        FailoverHandler handler = new FailoverHandler(Map.of("DRKIT_PLAN", plan, "DRKIT_READINESS_NAMESPACE", "drkit/readiness"),
                clients, Duration.ofMillis(100));
        emulator.ec2(RECOVERY).deregisterImage(r -> r.imageId(site.imageId()));

        Map<String, Object> report = handler.handleRequest(Map.of("action", "evaluate"), null);

        assertEquals("NOT_READY", report.get("verdict"), String.valueOf(report));
        assertEquals(300L, ((Number) report.get("declaredRpoSeconds")).longValue());
        assertEquals(2.0, CloudWatchQuery.latestMaximum(moto.endpoint(), moto.credentials(), RECOVERY, "drkit/readiness",
                ReadinessEvaluator.METRIC, Map.of(ReadinessEvaluator.DIMENSION, "shop")).orElseThrow());
    }

    @Test
    void handler_whenEvaluateAsksForDryRun_refusesNamingTheField() {
        FailoverHandler handler = new FailoverHandler(Map.of("DRKIT_PLAN", site.plan()), clients, Duration.ofMillis(100));

        InvalidRequestException error = assertThrows(InvalidRequestException.class,
                () -> handler.handleRequest(Map.of("action", "evaluate", "dryRun", true), null));

        assertEquals("dryRun: does not apply to evaluate (dryRun applies to failover, failback and restore only: status and evaluate change nothing);"
                + " nothing was run", error.getMessage());
    }

    @Test
    void engine_whenAskedToEvaluate_refusesAndPointsAtTheEvaluator() {
        try (io.github.drkit.runtime.engine.RecoveryEngine engine = io.github.drkit.runtime.engine.RecoveryEngine.builder(clients).build()) {
            InvalidRequestException error = assertThrows(InvalidRequestException.class, () -> engine.run(RecoveryPlan.parse(site.plan()),
                    new io.github.drkit.runtime.engine.RecoveryRequest(io.github.drkit.runtime.engine.Action.EVALUATE, false, false)));
            assertEquals("action: evaluate is run by ReadinessEvaluator, not by the recovery engine", error.getMessage());
        }
        assertEquals(List.of(), calls.operations(), "no call made");
    }

    /** Every distinct {@code Service:Operation} the runtime sent. */
    private static final class ServiceCalls implements io.github.drkit.runtime.aws.CallHook {
        private final Set<String> calls = java.util.Collections.synchronizedSet(new TreeSet<>());

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
