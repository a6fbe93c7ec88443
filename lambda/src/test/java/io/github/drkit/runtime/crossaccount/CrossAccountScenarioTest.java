package io.github.drkit.runtime.crossaccount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.drkit.plan.RecoveryPlan;
import io.github.drkit.plan.RuntimePermissions;
import io.github.drkit.runtime.aws.AwsCall;
import io.github.drkit.runtime.aws.AwsClients;
import io.github.drkit.runtime.engine.Action;
import io.github.drkit.runtime.engine.RecoveryEngine;
import io.github.drkit.runtime.engine.RecoveryRequest;
import io.github.drkit.runtime.engine.Report;
import io.github.drkit.runtime.engine.ReportJson;
import io.github.drkit.runtime.engine.StepReport;
import io.github.drkit.runtime.readiness.Finding;
import io.github.drkit.runtime.readiness.Objectives;
import io.github.drkit.runtime.readiness.ReadinessEvaluator;
import io.github.drkit.runtime.readiness.ReadinessReport;
import io.github.drkit.runtime.readiness.Severity;
import io.github.drkit.runtime.scenario.Emulator;
import io.github.drkit.testing.MotoServer;
import io.github.drkit.testing.MotoServerExtension;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * Two accounts in the emulator: the runtime's own (moto's default, {@value #OWN}) holds the DNS, a workload account
 * ({@value #WORKLOAD}) holds the fleet. The emulator keeps each account's resources apart by the credentials that
 * create and call them, and a session of a role answers in the role's account; so a fleet that scales is proof that the
 * step's calls went to the workload account, and the report names the account of every call.
 */
@ExtendWith(MotoServerExtension.class)
class CrossAccountScenarioTest {
    private static final String OWN = "123456789012";
    private static final String WORKLOAD = "222222222222";
    private static final String REGION = Emulator.RECOVERY;
    private static final String AMI = "ami-12c6146b";

    private MotoServer moto;
    private Emulator emulator;
    private AwsCredentialsProvider workload;

    @BeforeEach
    void setUp(MotoServer moto) {
        this.moto = moto;
        this.emulator = new Emulator(moto);
        // Credentials of the workload account, to build its resources as its own team would.
        this.workload = moto.iam().assume(moto.credentials(), "arn:aws:iam::" + WORKLOAD + ":role/setup", "setup");
    }

    @AfterEach
    void tearDown() {
        moto.iam().relax();
        emulator.close();
    }

    @Test
    void failoverThenFailback_whenFleetIsInAnotherAccount_changeItThereAndReportEveryCallsAccount() {
        String role = moto.iam().createRole(workload, "drkit-workload", RuntimePermissions.actions(Set.of("fleet")));
        RecoveryPlan plan = RecoveryPlan.parse(plan(role, workloadFleet(), zone()));

        try (AwsClients clients = runtimeClients(moto.credentials());
             RecoveryEngine engine = RecoveryEngine.builder(clients).pollInterval(Duration.ofMillis(100)).build()) {
            Report failover = engine.run(plan, new RecoveryRequest(Action.FAILOVER, false, false));
            Report again = engine.run(plan, new RecoveryRequest(Action.FAILOVER, false, false));

            assertEquals(Report.RunOutcome.SUCCEEDED, failover.outcome(), () -> ReportJson.write(failover));
            assertEquals(4, group(workload).desiredCapacity(), "scaled in the workload account");
            assertEquals(List.of(), autoScaling(moto.credentials()).describeAutoScalingGroups().autoScalingGroups(),
                    "the runtime's own account has no fleet: the calls went to the workload account");
            assertEquals(Report.RunOutcome.ALREADY_DONE, again.outcome(), () -> ReportJson.write(again));
            assertAccounts(failover);

            Report failback = engine.run(plan, new RecoveryRequest(Action.FAILBACK, false, false));

            assertEquals(Report.RunOutcome.SUCCEEDED, failback.outcome(), () -> ReportJson.write(failback));
            assertEquals(1, group(workload).desiredCapacity());
            assertAccounts(failback);
            long sessions = List.of(failover, again, failback).stream().flatMap(r -> calls(r).stream())
                    .filter(c -> c.operation().equals("AssumeRole")).count();
            assertEquals(1, sessions, "one session of the role for every run of these clients, renewed only near its expiry");
        }
    }

    /**
     * evaluate reads each step where failover would act: the fleet and the stopped instance in the workload account through
     * the role's session, the DNS in the runtime's own. The same plan without {@code assumeRole} looks in the runtime's own
     * account, where neither exists, and says so: the contrast shows which account each read went to.
     */
    @Test
    void evaluate_whenStepsAreInAnotherAccount_readsThemThroughTheRoleSession() {
        String role = moto.iam().createRole(workload, "drkit-workload", RuntimePermissions.actions(Set.of("fleet", "instances", "readiness")));
        String fleet = workloadFleet();
        String instance = workloadStoppedInstance();
        String zone = zone();
        String crossAccount = planWithInstances(role, fleet, instance, zone);
        String ownAccount = crossAccount.replace(", \"assumeRole\": {\"roleArn\": \"" + role + "\"}", "");

        try (AwsClients clients = runtimeClients(moto.credentials());
             ReadinessEvaluator evaluator = ReadinessEvaluator.builder(clients).build()) {
            ReadinessReport there = evaluator.evaluate(RecoveryPlan.parse(crossAccount), Objectives.none(), Duration.ofSeconds(60));
            ReadinessReport here = evaluator.evaluate(RecoveryPlan.parse(ownAccount), Objectives.none(), Duration.ofSeconds(60));

            assertEquals(List.of(), critical(there), () -> ReportJson.write(there));
            assertTrue(there.callsByOperation().containsKey("Sts AssumeRole"), () -> String.valueOf(there.callsByOperation()));
            assertEquals(List.of("stages[0].steps[0].autoScalingGroupName", "stages[0].steps[1].instanceIds[0]"),
                    critical(here).stream().map(Finding::path).sorted().toList(), () -> ReportJson.write(here));
        }
    }

    private static List<Finding> critical(ReadinessReport report) {
        return report.findings().stream().filter(f -> f.severity() == Severity.CRITICAL).toList();
    }

    /** A stopped instance in the workload account, launched with its credentials. */
    private String workloadStoppedInstance() {
        try (Ec2Client ec2 = Ec2Client.builder().endpointOverride(moto.endpoint()).region(Region.of(REGION)).credentialsProvider(workload)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            String id = ec2.runInstances(r -> r.imageId(AMI).instanceType("t3.small").minCount(1).maxCount(1)).instances().get(0).instanceId();
            ec2.stopInstances(r -> r.instanceIds(id));
            return id;
        }
    }

    private static String planWithInstances(String roleArn, String fleet, String instance, String zone) {
        return """
                {"version": 2, "application": "web", "strategy": "WARM_STANDBY", "recoveryRegion": "us-west-2",
                 "stages": [
                   {"name": "compute", "steps": [
                     {"kind": "scaleFleet", "autoScalingGroupName": "%s", "standby": {"min": 1, "desired": 1, "max": 2},
                      "recovery": {"min": 2, "desired": 4, "max": 8}, "assumeRole": {"roleArn": "%s"}},
                     {"kind": "startInstances", "instanceIds": ["%s"], "assumeRole": {"roleArn": "%s"}}]},
                   {"name": "traffic", "steps": [
                     {"kind": "changeDns", "hostedZoneId": "%s", "records": [
                       {"routing": "WEIGHTED", "name": "app.example.com", "type": "A", "setIdentifier": "primary", "normalWeight": 100, "failoverWeight": 0},
                       {"routing": "WEIGHTED", "name": "app.example.com", "type": "A", "setIdentifier": "recovery", "normalWeight": 0, "failoverWeight": 100}]}]}]}
                """.formatted(fleet, roleArn, instance, roleArn, zone);
    }

    /** The failover role holds only the table's actions for DNS and cross-account steps; the workload role only the fleet's. */
    @Test
    void failover_underEnforcedRolesInBothAccounts_succeeds() {
        String role = moto.iam().createRole(workload, "drkit-workload", RuntimePermissions.actions(Set.of("fleet")));
        RecoveryPlan plan = RecoveryPlan.parse(plan(role, workloadFleet(), zone()));
        AwsCredentialsProvider failoverRole = emulator.failoverRole("dns", "cross-account");

        try (AwsClients clients = runtimeClients(failoverRole);
             RecoveryEngine engine = RecoveryEngine.builder(clients).pollInterval(Duration.ofMillis(100)).build()) {
            Report report = emulator.enforcing(() -> engine.run(plan, new RecoveryRequest(Action.FAILOVER, false, false)));

            assertEquals(Report.RunOutcome.SUCCEEDED, report.outcome(), () -> ReportJson.write(report));
            assertEquals(4, group(workload).desiredCapacity());
            assertAccounts(report);
        }
    }

    @Test
    void failover_whenFailoverRoleMayNotAssumeTheWorkloadRole_failsBeforeAnyChangeNamingTheCall() {
        String role = moto.iam().createRole(workload, "drkit-workload", RuntimePermissions.actions(Set.of("fleet")));
        RecoveryPlan plan = RecoveryPlan.parse(plan(role, workloadFleet(), zone()));
        AwsCredentialsProvider failoverRole = emulator.failoverRole("dns");

        try (AwsClients clients = runtimeClients(failoverRole);
             RecoveryEngine engine = RecoveryEngine.builder(clients).pollInterval(Duration.ofMillis(100)).build()) {
            Report report = emulator.enforcing(() -> engine.run(plan, new RecoveryRequest(Action.FAILOVER, false, false)));

            assertEquals(Report.RunOutcome.FAILED, report.outcome(), () -> ReportJson.write(report));
            String error = report.steps().get(0).error();
            assertTrue(error.contains("AssumeRole"), error);
            assertTrue(calls(report).stream().noneMatch(AwsCall::mutating), () -> ReportJson.write(report));
            assertEquals(1, group(workload).desiredCapacity(), "nothing changed");
        }
    }

    private static void assertAccounts(Report report) {
        for (AwsCall call : calls(report)) {
            String expected = call.service().equals("AutoScaling") || call.service().equals("ElasticLoadBalancingV2") ? WORKLOAD : OWN;
            assertEquals(expected, call.account(), () -> call + " in " + ReportJson.write(report));
        }
        assertTrue(ReportJson.write(report).contains("\"account\" : \"" + WORKLOAD + "\""), () -> ReportJson.write(report));
    }

    private static List<AwsCall> calls(Report report) {
        return report.steps().stream().map(StepReport::calls).flatMap(List::stream).toList();
    }

    private AwsClients runtimeClients(AwsCredentialsProvider credentials) {
        return AwsClients.builder().region(Region.of(REGION)).endpoint(moto.endpoint()).credentials(credentials).account(OWN)
                .backoff(Duration.ofMillis(10), Duration.ofMillis(50)).maxAttempts(2).build();
    }

    /** Fleet {@code web} at 1/1/2 in the workload account, created with its credentials. */
    private String workloadFleet() {
        try (Ec2Client ec2 = Ec2Client.builder().endpointOverride(moto.endpoint()).region(Region.of(REGION)).credentialsProvider(workload)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            String vpc = ec2.createVpc(v -> v.cidrBlock("10.1.0.0/16")).vpc().vpcId();
            String subnet = ec2.createSubnet(s -> s.vpcId(vpc).cidrBlock("10.1.0.0/18").availabilityZone(REGION + "a")).subnet().subnetId();
            String template = ec2.createLaunchTemplate(t -> t.launchTemplateName("web")
                    .launchTemplateData(d -> d.imageId(AMI).instanceType("t3.small"))).launchTemplate().launchTemplateId();
            autoScaling(workload).createAutoScalingGroup(g -> g.autoScalingGroupName("web").minSize(1).desiredCapacity(1).maxSize(2)
                    .vpcZoneIdentifier(subnet).launchTemplate(t -> t.launchTemplateId(template).version("$Default")));
        }
        return "web";
    }

    /** {@code app.example.com} weighted 100 to the primary and 0 to the recovery record, in the runtime's own account. */
    private String zone() {
        String zone = emulator.zone("example.com");
        emulator.upsert(zone,
                ResourceRecordSet.builder().name("app.example.com").type(RRType.A)
                        .setIdentifier("primary").weight(100L).ttl(60L).resourceRecords(r -> r.value("192.0.2.10")).build(),
                ResourceRecordSet.builder().name("app.example.com").type(RRType.A)
                        .setIdentifier("recovery").weight(0L).ttl(60L).resourceRecords(r -> r.value("198.51.100.10")).build());
        return zone;
    }

    private AutoScalingClient autoScaling(AwsCredentialsProvider credentials) {
        return AutoScalingClient.builder().endpointOverride(moto.endpoint()).region(Region.of(REGION)).credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    private AutoScalingGroup group(AwsCredentialsProvider credentials) {
        try (AutoScalingClient asg = autoScaling(credentials)) {
            return asg.describeAutoScalingGroups(r -> r.autoScalingGroupNames("web")).autoScalingGroups().get(0);
        }
    }

    private static String plan(String roleArn, String fleet, String zone) {
        return """
                {"version": 2, "application": "web", "strategy": "WARM_STANDBY", "recoveryRegion": "us-west-2",
                 "stages": [
                   {"name": "compute", "steps": [
                     {"kind": "scaleFleet", "autoScalingGroupName": "%s", "standby": {"min": 1, "desired": 1, "max": 2},
                      "recovery": {"min": 2, "desired": 4, "max": 8}, "assumeRole": {"roleArn": "%s"}}]},
                   {"name": "traffic", "steps": [
                     {"kind": "changeDns", "hostedZoneId": "%s", "records": [
                       {"routing": "WEIGHTED", "name": "app.example.com", "type": "A", "setIdentifier": "primary", "normalWeight": 100, "failoverWeight": 0},
                       {"routing": "WEIGHTED", "name": "app.example.com", "type": "A", "setIdentifier": "recovery", "normalWeight": 0, "failoverWeight": 100}]}]}]}
                """.formatted(fleet, roleArn, zone);
    }
}
