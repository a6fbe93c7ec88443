package io.github.drkit.runtime.steps;

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
import io.github.drkit.runtime.scenario.Emulator;
import io.github.drkit.runtime.scenario.RecordingHook;
import io.github.drkit.testing.MotoServer;
import io.github.drkit.testing.MotoServerExtension;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.eks.EksClient;

/**
 * {@code scaleService} and {@code scaleNodegroup} against the emulator, under a role built from the permission table's
 * rows for their kinds with IAM enforced: status, failover, a second failover, failback, and the preflight's refusal of
 * a resource that does not exist. moto reports an ECS service at steady state as soon as its desired count changes
 * (running = desired, one deployment) and an EKS node group update as Successful in the UpdateNodegroupConfig answer;
 * the waits for a service that has not settled and for DescribeUpdate are checked at the wire level.
 */
@ExtendWith(MotoServerExtension.class)
class ContainerStepsScenarioTest {
    private static final String PLAN = """
            {"version": 2, "application": "shop", "strategy": "WARM_STANDBY", "primaryRegion": "us-east-1", "recoveryRegion": "us-west-2",
             "stages": [{"name": "compute", "steps": [%s]}]}""";

    private MotoServer moto;
    private Emulator emulator;
    private AwsClients clients;
    private RecordingHook calls;

    @BeforeEach
    void setUp(MotoServer moto) {
        this.moto = moto;
        emulator = new Emulator(moto);
        calls = new RecordingHook();
        clients = emulator.runtimeClients(emulator.failoverRole("ecs-service", "eks-nodegroup"), calls);
    }

    @AfterEach
    void tearDown() {
        clients.close();
        emulator.close();
    }

    private EcsClient ecs(String region) {
        return EcsClient.builder().endpointOverride(moto.endpoint()).region(Region.of(region)).credentialsProvider(moto.credentials())
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    private EksClient eks() {
        return EksClient.builder().endpointOverride(moto.endpoint()).region(Region.of(Emulator.RECOVERY)).credentialsProvider(moto.credentials())
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    private void service(String region, String cluster, String name, int desired) {
        try (EcsClient ecs = ecs(region)) {
            ecs.createCluster(c -> c.clusterName(cluster));
            ecs.registerTaskDefinition(t -> t.family(name).requiresCompatibilitiesWithStrings("FARGATE").networkMode("awsvpc").cpu("256").memory("512")
                    .containerDefinitions(c -> c.name("web").image("public.ecr.aws/nginx/nginx:stable").essential(true)));
            ecs.createService(s -> s.cluster(cluster).serviceName(name).taskDefinition(name).desiredCount(desired).launchType("FARGATE"));
        }
    }

    private int desired(String region, String cluster, String name) {
        try (EcsClient ecs = ecs(region)) {
            return ecs.describeServices(d -> d.cluster(cluster).services(name)).services().get(0).desiredCount();
        }
    }

    private void nodegroup() {
        try (EksClient eks = eks()) {
            eks.createCluster(c -> c.name("shop").roleArn("arn:aws:iam::123456789012:role/eks").resourcesVpcConfig(v -> v.subnetIds(emulator.subnet(Emulator.RECOVERY))));
            eks.createNodegroup(n -> n.clusterName("shop").nodegroupName("workers").nodeRole("arn:aws:iam::123456789012:role/nodes")
                    .subnets(emulator.subnet(Emulator.RECOVERY)).scalingConfig(s -> s.minSize(0).desiredSize(0).maxSize(2)));
        }
    }

    private List<Integer> scaling() {
        try (EksClient eks = eks()) {
            var config = eks.describeNodegroup(d -> d.clusterName("shop").nodegroupName("workers")).nodegroup().scalingConfig();
            return List.of(config.minSize(), config.desiredSize(), config.maxSize());
        }
    }

    private Map<String, Object> run(String steps, String action) {
        FailoverHandler handler = new FailoverHandler(Map.of("DRKIT_PLAN", PLAN.formatted(steps)), clients, Duration.ofMillis(100));
        return emulator.enforcing(() -> handler.handleRequest(Map.of("action", action), null));
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
    private static String detail(Map<String, Object> report) {
        return ((List<Map<String, Object>>) report.get("steps")).stream().filter(s -> "stages[0].steps[0]".equals(s.get("resource")))
                .map(s -> s.get("outcome") + " " + s.get("changes") + " " + s.get("detail")).findFirst().orElseThrow();
    }

    @Test
    void failoverFailback_whenServiceScales_reachesSteadyStateAndReturnsToStandby() {
        service(Emulator.RECOVERY, "shop", "web", 0);
        String step = """
                {"kind": "scaleService", "cluster": "shop", "service": "web", "standbyDesiredCount": 0, "recoveryDesiredCount": 3}""";

        Map<String, Object> status = run(step, "status");
        assertEquals("NORMAL", stepState(status, "stateBefore").get("position"), String.valueOf(status));

        Map<String, Object> failover = run(step, "failover");
        assertEquals("SUCCEEDED", failover.get("outcome"), String.valueOf(failover));
        assertEquals(3, desired(Emulator.RECOVERY, "shop", "web"));
        assertTrue(detail(failover).startsWith("DONE [desiredCount 0 -> 3 (the plan's recoveryDesiredCount)] desiredCount set to 3"),
                detail(failover));
        assertTrue(detail(failover).contains("steady state: 3 of 3 tasks running, one deployment"), detail(failover));
        Map<String, Object> after = stepState(failover, "stateAfter");
        assertEquals("FAILED_OVER", after.get("position"));
        assertEquals(3, ((Map<?, ?>) after.get("details")).get("runningCount"));

        Map<String, Object> again = run(step, "failover");
        assertEquals("ALREADY_DONE", again.get("outcome"), String.valueOf(again));

        Map<String, Object> failback = run(step, "failback");
        assertEquals("SUCCEEDED", failback.get("outcome"), String.valueOf(failback));
        assertEquals(0, desired(Emulator.RECOVERY, "shop", "web"));
        assertEquals("NORMAL", stepState(failback, "stateAfter").get("position"));
    }

    @Test
    void failover_whenServiceFollowsThePrimary_takesItsShareOfThePrimarysDesiredCount() {
        service(Emulator.PRIMARY, "shop", "web", 9);
        service(Emulator.RECOVERY, "shop", "web", 1);
        String step = """
                {"kind": "scaleService", "cluster": "shop", "service": "web", "standbyDesiredCount": 1, "recoveryDesiredCount": 2,
                 "recoveryPercentOfPrimary": 50, "primaryRegion": "us-east-1"}""";

        Map<String, Object> failover = run(step, "failover");

        assertEquals("SUCCEEDED", failover.get("outcome"), String.valueOf(failover));
        assertEquals(5, desired(Emulator.RECOVERY, "shop", "web"), "half of 9, rounded up");
        assertTrue(detail(failover).contains("desiredCount 1 -> 5 (50% of the primary service's desired count 9, shop/web in us-east-1)"),
                detail(failover));
    }

    @Test
    void failover_whenThePrimaryCannotBeRead_takesThePlansCountAndSaysWhy() {
        service(Emulator.RECOVERY, "shop", "web", 0);
        String step = """
                {"kind": "scaleService", "cluster": "shop", "service": "web", "standbyDesiredCount": 0, "recoveryDesiredCount": 2,
                 "recoveryPercentOfPrimary": 100, "primaryRegion": "us-east-1", "primaryCluster": "gone"}""";

        Map<String, Object> failover = run(step, "failover");

        assertEquals("SUCCEEDED", failover.get("outcome"), String.valueOf(failover));
        assertEquals(2, desired(Emulator.RECOVERY, "shop", "web"));
        assertTrue(detail(failover).contains("(the plan's recoveryDesiredCount: the primary service gone/web in us-east-1 could not be read (AwsServiceError"),
                detail(failover));
    }

    @Test
    void failover_whenServiceOrClusterIsUnknown_refusesNamingTheFieldBeforeAnyChange() {
        service(Emulator.RECOVERY, "shop", "web", 0);

        PlanValidationException service = assertThrows(PlanValidationException.class, () -> run("""
                {"kind": "scaleService", "cluster": "shop", "service": "api", "standbyDesiredCount": 0, "recoveryDesiredCount": 2}""", "failover"));
        assertEquals("stages[0].steps[0].service: ECS service 'api' not found in cluster 'shop' in us-west-2", service.getMessage());

        PlanValidationException cluster = assertThrows(PlanValidationException.class, () -> run("""
                {"kind": "scaleService", "cluster": "other", "service": "web", "standbyDesiredCount": 0, "recoveryDesiredCount": 2}""", "failover"));
        assertEquals("stages[0].steps[0].cluster: ECS cluster 'other' not found in us-west-2", cluster.getMessage());
        assertEquals(List.of(), calls.mutating());
        assertEquals(0, desired(Emulator.RECOVERY, "shop", "web"));
    }

    @Test
    void failoverFailback_whenNodegroupScales_setsRecoveryScalingAndBack() {
        nodegroup();
        String step = """
                {"kind": "scaleNodegroup", "clusterName": "shop", "nodegroupName": "workers",
                 "standby": {"min": 0, "desired": 0, "max": 2}, "recovery": {"min": 2, "desired": 3, "max": 6}}""";

        assertEquals("NORMAL", stepState(run(step, "status"), "stateBefore").get("position"));

        Map<String, Object> failover = run(step, "failover");
        assertEquals("SUCCEEDED", failover.get("outcome"), String.valueOf(failover));
        assertEquals(List.of(2, 3, 6), scaling());
        assertTrue(detail(failover).contains("scaling min/desired/max 0/0/2 -> 2/3/6 (recovery)"), detail(failover));
        assertTrue(detail(failover).contains("Successful); node group ACTIVE"), detail(failover));
        assertEquals("FAILED_OVER", stepState(failover, "stateAfter").get("position"));

        assertEquals("ALREADY_DONE", run(step, "failover").get("outcome"));

        Map<String, Object> failback = run(step, "failback");
        assertEquals("SUCCEEDED", failback.get("outcome"), String.valueOf(failback));
        assertEquals(List.of(0, 0, 2), scaling());
    }

    @Test
    void failover_whenNodegroupIsUnknown_refusesNamingTheFieldBeforeAnyChange() {
        nodegroup();

        PlanValidationException e = assertThrows(PlanValidationException.class, () -> run("""
                {"kind": "scaleNodegroup", "clusterName": "shop", "nodegroupName": "gone",
                 "standby": {"min": 0, "desired": 0, "max": 2}, "recovery": {"min": 2, "desired": 3, "max": 6}}""", "failover"));

        assertEquals("stages[0].steps[0].nodegroupName", e.field());
        assertTrue(e.getMessage().contains("EKS node group 'gone' not found in cluster 'shop' in us-west-2"), e.getMessage());
        assertEquals(List.of(), calls.mutating());
    }
}
