package io.github.drkit.runtime.readiness;

import static io.github.drkit.runtime.scenario.Emulator.RECOVERY;
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
import io.github.drkit.runtime.aws.AwsClients;
import io.github.drkit.runtime.engine.ReportJson;
import io.github.drkit.runtime.scenario.Emulator;
import io.github.drkit.runtime.scenario.RecordingHook;
import io.github.drkit.testing.MotoServer;
import io.github.drkit.testing.MotoServerExtension;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.eks.EksClient;

/**
 * Evaluate's container checks against the emulator: an ECS service's cluster, service and task definition, and an EKS
 * node group, each read as failover would need them; what is missing or not ACTIVE is named by its plan field.
 */
@ExtendWith(MotoServerExtension.class)
class ContainerReadinessScenarioTest {
    private static final String SERVICE = """
            {"kind": "scaleService", "cluster": "%s", "service": "%s", "standbyDesiredCount": 0, "recoveryDesiredCount": 2}""";
    private static final String NODEGROUP = """
            {"kind": "scaleNodegroup", "clusterName": "shop", "nodegroupName": "%s",
             "standby": {"min": 0, "desired": 0, "max": 2}, "recovery": {"min": 1, "desired": 3, "max": 4}}""";

    /** An account of its own for the cross-account cases: the emulator keeps its resources apart from the runtime's. */
    private static final String WORKLOAD = "222222222222";

    private MotoServer moto;
    private Emulator emulator;
    private AwsClients clients;
    private ReadinessEvaluator evaluator;
    private EcsClient ecs;
    private EksClient eks;
    private String taskDefinition;

    @BeforeEach
    void setUp(MotoServer moto) {
        this.moto = moto;
        emulator = new Emulator(moto);
        clients = emulator.runtimeClients(new RecordingHook());
        evaluator = ReadinessEvaluator.builder(clients).build();
        ecs = EcsClient.builder().endpointOverride(moto.endpoint()).region(Region.of(RECOVERY)).credentialsProvider(moto.credentials())
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        eks = EksClient.builder().endpointOverride(moto.endpoint()).region(Region.of(RECOVERY)).credentialsProvider(moto.credentials())
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        ecs.createCluster(c -> c.clusterName("shop"));
        taskDefinition = ecs.registerTaskDefinition(t -> t.family("web").requiresCompatibilitiesWithStrings("FARGATE").networkMode("awsvpc")
                .cpu("256").memory("512").containerDefinitions(c -> c.name("web").image("public.ecr.aws/nginx/nginx:stable").essential(true)))
                .taskDefinition().taskDefinitionArn();
        for (String name : List.of("web", "api")) {
            ecs.createService(s -> s.cluster("shop").serviceName(name).taskDefinition("web").desiredCount(0).launchType("FARGATE"));
        }
        String subnet = emulator.subnet(RECOVERY);
        eks.createCluster(c -> c.name("shop").roleArn("arn:aws:iam::123456789012:role/eks").resourcesVpcConfig(v -> v.subnetIds(subnet)));
        eks.createNodegroup(n -> n.clusterName("shop").nodegroupName("workers").nodeRole("arn:aws:iam::123456789012:role/nodes")
                .subnets(subnet).scalingConfig(s -> s.minSize(0).desiredSize(0).maxSize(2)));
    }

    @AfterEach
    void tearDown() {
        moto.iam().relax();
        ecs.close();
        eks.close();
        evaluator.close();
        clients.close();
        emulator.close();
    }

    private ReadinessReport evaluate(ReadinessEvaluator with, String... steps) {
        return with.evaluate(RecoveryPlan.parse("""
                {"version": 2, "application": "shop", "strategy": "PILOT_LIGHT", "primaryRegion": "us-east-1", "recoveryRegion": "us-west-2",
                 "stages": [{"name": "compute", "steps": [%s]}]}
                """.formatted(String.join(", ", steps))), Objectives.none(), Duration.ofSeconds(60));
    }

    private ReadinessReport evaluate(String... steps) {
        return evaluate(evaluator, steps);
    }

    private static Finding at(ReadinessReport report, String path) {
        return report.findings().stream().filter(f -> f.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding at " + path + ": " + ReportJson.write(report)));
    }

    @Test
    void evaluate_whenClusterServiceAndTaskDefinitionAreActive_isReadyReadingEachOnce() {
        ReadinessReport report = evaluate(SERVICE.formatted("shop", "web"), SERVICE.formatted("shop", "api"));

        assertEquals(Verdict.READY, report.verdict(), () -> ReportJson.write(report));
        Finding web = at(report, "stages[0].steps[0]");
        assertEquals(Severity.INFO, web.severity());
        assertEquals("ACTIVE in an ACTIVE cluster, task definition " + taskDefinition + " ACTIVE (desired 0, running 0; failover sets 2)",
                web.problem());
        // Both services share their cluster and task definition: one read of each, batched.
        assertEquals(1, report.callsByOperation().get("Ecs DescribeClusters"), () -> ReportJson.write(report));
        assertEquals(1, report.callsByOperation().get("Ecs DescribeServices"), () -> ReportJson.write(report));
        assertEquals(1, report.callsByOperation().get("Ecs DescribeTaskDefinition"), () -> ReportJson.write(report));
    }

    @Test
    void evaluate_whenTheClusterIsMissing_isNotReadyNamingTheClusterField() {
        ReadinessReport report = evaluate(SERVICE.formatted("gone", "web"));

        assertEquals(Verdict.NOT_READY, report.verdict(), () -> ReportJson.write(report));
        Finding missing = at(report, "stages[0].steps[0].cluster");
        assertEquals(Severity.CRITICAL, missing.severity());
        assertEquals(Finding.Category.EXISTENCE, missing.category());
        assertEquals("ECS cluster 'gone' not found in us-west-2: failover cannot scale its service", missing.problem());
    }

    @Test
    void evaluate_whenTheClusterWasDeleted_isNotReadyNamingItsStatus() {
        ecs.deleteCluster(c -> c.cluster("shop"));

        ReadinessReport report = evaluate(SERVICE.formatted("shop", "web"));

        assertEquals(Verdict.NOT_READY, report.verdict(), () -> ReportJson.write(report));
        assertEquals("ECS cluster 'shop' is INACTIVE, not ACTIVE: its services cannot be scaled",
                at(report, "stages[0].steps[0].cluster").problem());
        assertEquals(null, report.callsByOperation().get("Ecs DescribeServices"), "no service is read in a cluster that is not ACTIVE");
    }

    @Test
    void evaluate_whenTheServiceIsMissingOrDeleted_isNotReadyNamingTheServiceField() {
        ecs.deleteService(s -> s.cluster("shop").service("api").force(true));

        ReadinessReport report = evaluate(SERVICE.formatted("shop", "gone"), SERVICE.formatted("shop", "api"));

        assertEquals(Verdict.NOT_READY, report.verdict(), () -> ReportJson.write(report));
        assertEquals("ECS service 'gone' not found in cluster 'shop' in us-west-2: failover cannot scale it",
                at(report, "stages[0].steps[0].service").problem());
        Finding deleted = at(report, "stages[0].steps[1].service");
        assertEquals(Severity.CRITICAL, deleted.severity());
        assertEquals("ECS service 'api' not found in cluster 'shop' in us-west-2: failover cannot scale it", deleted.problem());
    }

    @Test
    void evaluate_whenTheTaskDefinitionWasDeregistered_warnsNamingIt() {
        ecs.deregisterTaskDefinition(t -> t.taskDefinition(taskDefinition));

        ReadinessReport report = evaluate(SERVICE.formatted("shop", "web"));

        assertEquals(Verdict.DEGRADED, report.verdict(), () -> ReportJson.write(report));
        Finding warning = at(report, "stages[0].steps[0].service");
        assertEquals(Severity.WARNING, warning.severity());
        assertTrue(warning.problem().startsWith("the service runs task definition " + taskDefinition + ", which is INACTIVE, not ACTIVE"
                + " (deregistered): ECS still scales the service on it for now"), warning.problem());
    }

    @Test
    void evaluate_whenTheNodegroupIsActive_isReadySayingWhatFailoverSets() {
        ReadinessReport report = evaluate(NODEGROUP.formatted("workers"));

        assertEquals(Verdict.READY, report.verdict(), () -> ReportJson.write(report));
        Finding finding = at(report, "stages[0].steps[0]");
        assertEquals(Severity.INFO, finding.severity());
        // maxSize 2 is below the recovery desired size 3: failover raises max with the other counts, so the step does not fail.
        assertEquals("ACTIVE at min/desired/max 0/0/2; failover sets 1/3/4; its maxSize 2 is below the recovery desired size 3, and"
                + " failover raises it to 4 with the other counts", finding.problem());
    }

    @Test
    void evaluate_whenTheNodegroupIsMissing_isNotReadyNamingTheNodegroupField() {
        ReadinessReport report = evaluate(NODEGROUP.formatted("gone"));

        assertEquals(Verdict.NOT_READY, report.verdict(), () -> ReportJson.write(report));
        Finding missing = at(report, "stages[0].steps[0].nodegroupName");
        assertEquals(Severity.CRITICAL, missing.severity());
        assertTrue(missing.problem().startsWith("EKS node group 'gone' not found in cluster 'shop' in us-west-2"), missing.problem());
    }

    @Test
    void evaluate_underRoleFromTheTable_isReadyCallingOnlyListedOperations() {
        Set<String> kinds = Set.of("ecs-service", "eks-nodegroup", "readiness");
        AwsCredentialsProvider session = moto.iam().assume(moto.credentials(),
                moto.iam().createRole(moto.credentials(), "drkit-failover", RuntimePermissions.actions(kinds)), "evaluate");
        RecordingHook calls = new RecordingHook();
        try (AwsClients role = emulator.runtimeClients(session, calls);
             ReadinessEvaluator underRole = ReadinessEvaluator.builder(role).build()) {
            ReadinessReport report = moto.iam().enforcing(() -> evaluate(underRole, SERVICE.formatted("shop", "web"),
                    NODEGROUP.formatted("workers")));

            assertEquals(Verdict.READY, report.verdict(), () -> ReportJson.write(report));
            List<String> unlisted = report.callsByOperation().keySet().stream()
                    .filter(c -> RuntimePermissions.rowsFor(kinds, c.split(" ")[0], c.split(" ")[1]).isEmpty()).toList();
            assertEquals(List.of(), unlisted, "calls the permission table does not list for " + kinds);
        }
    }

    /**
     * A service in another account is read through the workload role, which holds the step kind's rows only (as
     * WorkloadAccountRole builds it): DescribeClusters and DescribeTaskDefinition are denied there, DescribeServices is not.
     * The service is still read, and the finding names the workload role, not the function's.
     */
    @Test
    void evaluate_whenTheServiceIsInAnotherAccountAndTheClusterReadIsDenied_readsTheServiceNamingTheWorkloadRole() {
        AwsCredentialsProvider setup = moto.iam().assume(moto.credentials(), "arn:aws:iam::" + WORKLOAD + ":role/setup", "setup");
        try (EcsClient workloadEcs = EcsClient.builder().endpointOverride(moto.endpoint()).region(Region.of(RECOVERY))
                .credentialsProvider(setup).httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            workloadEcs.createCluster(c -> c.clusterName("orders"));
            workloadEcs.registerTaskDefinition(t -> t.family("orders").requiresCompatibilitiesWithStrings("FARGATE").networkMode("awsvpc")
                    .cpu("256").memory("512").containerDefinitions(c -> c.name("orders").image("public.ecr.aws/nginx/nginx:stable").essential(true)));
            workloadEcs.createService(s -> s.cluster("orders").serviceName("orders").taskDefinition("orders").desiredCount(0).launchType("FARGATE"));
        }
        String role = moto.iam().createRole(setup, "drkit-workload", RuntimePermissions.actions(Set.of("ecs-service")));
        String step = SERVICE.formatted("orders", "orders").replace("}", ", \"assumeRole\": {\"roleArn\": \"" + role + "\"}}");
        try (AwsClients failover = emulator.runtimeClients(emulator.failoverRole("cross-account", "readiness"));
             ReadinessEvaluator underRole = ReadinessEvaluator.builder(failover).build()) {
            ReadinessReport report = emulator.enforcing(() -> evaluate(underRole, step));

            assertEquals(Verdict.DEGRADED, report.verdict(), () -> ReportJson.write(report));
            assertEquals(1, report.callsByOperation().get("Ecs DescribeServices"), () -> ReportJson.write(report));
            Finding unchecked = at(report, "stages[0].steps[0].cluster");
            assertEquals(Severity.WARNING, unchecked.severity());
            assertEquals(Finding.Category.UNCHECKED, unchecked.category());
            assertTrue(unchecked.problem().startsWith("the ECS cluster's status could not be checked with role " + role + ": "), unchecked.problem());
            assertTrue(unchecked.problem().contains("; the service itself: "), unchecked.problem());
            assertTrue(unchecked.fix().startsWith("give role " + role + " the read"), unchecked.fix());
        }
    }

    @Test
    void evaluate_whenTheServiceIsInAnotherAccountAndMissing_isNotReadyThoughTheClusterReadIsDenied() {
        AwsCredentialsProvider setup = moto.iam().assume(moto.credentials(), "arn:aws:iam::" + WORKLOAD + ":role/setup", "setup");
        try (EcsClient workloadEcs = EcsClient.builder().endpointOverride(moto.endpoint()).region(Region.of(RECOVERY))
                .credentialsProvider(setup).httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            workloadEcs.createCluster(c -> c.clusterName("orders"));
        }
        String role = moto.iam().createRole(setup, "drkit-workload", RuntimePermissions.actions(Set.of("ecs-service")));
        String step = SERVICE.formatted("orders", "gone").replace("}", ", \"assumeRole\": {\"roleArn\": \"" + role + "\"}}");
        try (AwsClients failover = emulator.runtimeClients(emulator.failoverRole("cross-account", "readiness"));
             ReadinessEvaluator underRole = ReadinessEvaluator.builder(failover).build()) {
            ReadinessReport report = emulator.enforcing(() -> evaluate(underRole, step));

            assertEquals(Verdict.NOT_READY, report.verdict(), () -> ReportJson.write(report));
            assertEquals("ECS service 'gone' not found in cluster 'orders' in us-west-2: failover cannot scale it",
                    at(report, "stages[0].steps[0].service").problem());
        }
    }
}
