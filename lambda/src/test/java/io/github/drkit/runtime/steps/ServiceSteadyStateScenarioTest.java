package io.github.drkit.runtime.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.drkit.lambda.FailoverHandler;
import io.github.drkit.runtime.aws.AwsClients;
import io.github.drkit.runtime.scenario.Emulator;
import io.github.drkit.runtime.scenario.RecordingHook;
import io.github.drkit.testing.MotoServer;
import io.github.drkit.testing.MotoServerExtension;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * {@code scaleService}'s wait for steady state against the emulator, on the one path where moto 5.2.1 reports a service
 * that has not settled: a service created with a desired count above 0 starts with no running task and all of them
 * pending (moto's {@code MOTO_ECS_SERVICE_RUNNING}, 0 unless set), and stays so until an {@code UpdateService} that sets
 * its desired count (moto then runs them all at once). A failover whose recovery count is the service's count finds
 * the count right but the service unsettled, and waits. Only that {@code UpdateService} settles a service in moto, so
 * the settling is done here by a second session of the failover role while the step waits, as a concurrent run would;
 * the rollout of real tasks over minutes is not emulated.
 */
@ExtendWith(MotoServerExtension.class)
class ServiceSteadyStateScenarioTest {
    private static final String PLAN = """
            {"version": 2, "application": "shop", "strategy": "PILOT_LIGHT", "primaryRegion": "us-east-1", "recoveryRegion": "us-west-2",
             "stages": [{"name": "compute", "steps": [{"kind": "scaleService", "cluster": "shop", "service": "web",
              "standbyDesiredCount": 0, "recoveryDesiredCount": 2, "steadyStateTimeoutSeconds": %d}]}]}""";

    private MotoServer moto;
    private Emulator emulator;
    private AwsClients clients;
    private RecordingHook calls;
    private AwsCredentialsProvider failoverRole;

    @BeforeEach
    void setUp(MotoServer moto) {
        this.moto = moto;
        emulator = new Emulator(moto);
        calls = new RecordingHook();
        failoverRole = emulator.failoverRole("ecs-service");
        clients = emulator.runtimeClients(failoverRole, calls);
        try (EcsClient ecs = ecs(moto.credentials())) {
            ecs.createCluster(c -> c.clusterName("shop"));
            ecs.registerTaskDefinition(t -> t.family("web").requiresCompatibilitiesWithStrings("FARGATE").networkMode("awsvpc").cpu("256")
                    .memory("512").containerDefinitions(c -> c.name("web").image("public.ecr.aws/nginx/nginx:stable").essential(true)));
            // Created at the recovery count: moto reports 0 running, 2 pending until an UpdateService sets the count.
            ecs.createService(s -> s.cluster("shop").serviceName("web").taskDefinition("web").desiredCount(2).launchType("FARGATE"));
        }
    }

    @AfterEach
    void tearDown() {
        clients.close();
        emulator.close();
    }

    private EcsClient ecs(AwsCredentialsProvider credentials) {
        return EcsClient.builder().endpointOverride(moto.endpoint()).region(Region.of(Emulator.RECOVERY)).credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    private Map<String, Object> failover(int timeoutSeconds) {
        FailoverHandler handler = new FailoverHandler(Map.of("DRKIT_PLAN", PLAN.formatted(timeoutSeconds)), clients, Duration.ofMillis(100));
        return emulator.enforcing(() -> handler.handleRequest(Map.of("action", "failover"), null));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> step(Map<String, Object> report) {
        List<Map<String, Object>> steps = (List<Map<String, Object>>) report.get("steps");
        return steps.stream().filter(s -> "stages[0].steps[0]".equals(s.get("resource"))).findFirst()
                .orElseThrow(() -> new AssertionError("no step in " + report));
    }

    @Test
    void failover_whenTheServiceNeverSettles_waitsItsTimeoutAndFailsSayingWhatItWaitedOn() {
        long start = System.nanoTime();
        Map<String, Object> report = failover(2);
        long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertEquals("FAILED", report.get("outcome"), String.valueOf(report));
        Map<String, Object> step = step(report);
        assertEquals("FAILED", step.get("outcome"), String.valueOf(step));
        assertEquals("desired count already 2; steady state not reached within 2 s (or the run's deadline): service web: 0 of 2 tasks"
                + " running, 2 pending", step.get("detail"));
        assertTrue(waitedMillis >= 2000, "waited " + waitedMillis + " ms");
        assertTrue(calls.count("DescribeServices") >= 5, calls.operations().toString());
        assertEquals(List.of(), calls.mutating(), "the count was right: nothing to change, only to wait");
    }

    @Test
    void failover_whenTheServiceSettlesWhileTheStepWaits_reportsSteadyState() throws Exception {
        // Once the step has polled a few times, a concurrent run (another session of the failover role, IAM enforced) sets the
        // desired count, which moto settles at once.
        CompletableFuture<Void> settle = CompletableFuture.runAsync(() -> {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (calls.count("DescribeServices") < 4 && System.nanoTime() < deadline) {
                sleep(20);
            }
            try (EcsClient ecs = ecs(failoverRole)) {
                ecs.updateService(u -> u.cluster("shop").service("web").desiredCount(2));
            }
        });

        Map<String, Object> report = failover(30);
        settle.get(30, TimeUnit.SECONDS);

        // The run changed nothing itself (the count was already the recovery count): the run is ALREADY_DONE, its wait DONE.
        assertEquals("ALREADY_DONE", report.get("outcome"), String.valueOf(report));
        Map<String, Object> step = step(report);
        assertEquals("wait for service shop/web", step.get("name"));
        assertEquals("DONE", step.get("outcome"), String.valueOf(step));
        assertEquals("desired count already 2; steady state: 2 of 2 tasks running, one deployment", step.get("detail"), String.valueOf(step));
        assertTrue(calls.count("DescribeServices") >= 4, calls.operations().toString());
        assertEquals(List.of(), calls.mutating());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
