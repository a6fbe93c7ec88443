package io.github.drkit.runtime.scenario;

import static io.github.drkit.runtime.scenario.Emulator.RECOVERY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.drkit.runtime.aws.AwsCall;
import io.github.drkit.runtime.aws.AwsClients;
import io.github.drkit.runtime.engine.Action;
import io.github.drkit.runtime.engine.RecoveryEngine;
import io.github.drkit.runtime.engine.RecoveryRequest;
import io.github.drkit.runtime.engine.Report;
import io.github.drkit.runtime.engine.StepReport;
import io.github.drkit.runtime.engine.SystemState;
import io.github.drkit.plan.PlanValidationException;
import io.github.drkit.plan.RecordPlan;
import io.github.drkit.plan.RecoveryPlan;
import io.github.drkit.plan.ZonePlan;
import io.github.drkit.testing.MotoServer;
import io.github.drkit.testing.MotoServerExtension;
import io.github.drkit.runtime.aws.CallHook;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/** Dry run, idempotence under concurrency, the health gate and force, retries, and a step that keeps failing. */
@ExtendWith(MotoServerExtension.class)
class RecoveryGuaranteesTest {
    private Emulator emulator;
    private RecordingHook calls;
    private String zone;
    private Emulator.PilotLightSite site;
    private Emulator.Fleet fleet;

    @BeforeEach
    void setUp(MotoServer moto) {
        emulator = new Emulator(moto);
        calls = new RecordingHook();
        site = emulator.pilotLightSite();
        fleet = site.fleet();
        zone = site.zone();
    }

    @AfterEach
    void tearDown() {
        emulator.close();
    }

    private RecoveryPlan plan(String targetGroupArn, int healthTimeout) {
        return RecoveryPlan.parse(site.plan(targetGroupArn, healthTimeout));
    }

    private Report run(RecoveryPlan plan, RecoveryRequest request, CallHook... extra) {
        CallHook[] all = new CallHook[extra.length + 1];
        all[0] = calls;
        System.arraycopy(extra, 0, all, 1, extra.length);
        try (AwsClients clients = emulator.runtimeClients(all);
             RecoveryEngine engine = RecoveryEngine.builder(clients).pollInterval(Duration.ofMillis(100)).build()) {
            return engine.run(plan, request);
        }
    }

    private List<Integer> capacity() {
        AutoScalingGroup group = emulator.group(RECOVERY, "web");
        return List.of(group.minSize(), group.desiredCapacity(), group.maxSize());
    }

    private long weight(String setIdentifier) {
        return emulator.record(zone, "app.example.com.", setIdentifier).weight();
    }

    @Test
    void run_whenDryRun_listsExactChangesAndMakesNone() {
        Report report = run(plan(fleet.targetGroupArn(), 30), new RecoveryRequest(Action.FAILOVER, true, false));

        assertEquals(Report.RunOutcome.DRY_RUN, report.outcome(), report.message());
        List<String> changes = report.steps().stream().flatMap(s -> s.changes().stream()).toList();
        assertTrue(changes.contains("UpdateAutoScalingGroup web: min 0 -> 2, desired 0 -> 4, max 2 -> 8"), changes.toString());
        assertTrue(changes.contains("UPSERT app.example.com. A [primary]: weight 100 -> 0"), changes.toString());
        assertTrue(changes.contains("UPSERT app.example.com. A [recovery]: weight 0 -> 100"), changes.toString());
        assertTrue(report.steps().stream().allMatch(s -> s.outcome() != StepReport.Outcome.DONE || s.name().startsWith("read state")));
        assertEquals(List.of(), calls.mutating());
        assertEquals(List.of(0, 0, 2), capacity());
        assertEquals(100L, weight("primary"));
        assertEquals(SystemState.NORMAL, report.stateBefore().state());
    }

    @Test
    void failover_whenGroupGrowsAfterTheRunsRead_keepsTheLargerSize() {
        // The group grows (its own scaling as load arrives) between the run's read and the scale-out step's re-read.
        CallHook growsBeforeReread = new CallHook() {
            private final java.util.concurrent.atomic.AtomicInteger describes = new java.util.concurrent.atomic.AtomicInteger();

            @Override
            public void beforeAttempt(Attempt attempt) {
                if (attempt.operation().equals("DescribeAutoScalingGroups") && attempt.number() == 1 && describes.incrementAndGet() == 2) {
                    emulator.autoScaling(RECOVERY).updateAutoScalingGroup(r -> r.autoScalingGroupName("web")
                            .minSize(0).desiredCapacity(6).maxSize(10));
                }
            }
        };

        Report report = run(plan(fleet.targetGroupArn(), 30), new RecoveryRequest(Action.FAILOVER, false, false), growsBeforeReread);

        assertEquals(Report.RunOutcome.SUCCEEDED, report.outcome(), report.message());
        assertEquals(List.of(2, 6, 10), capacity(), "failover raised min to recovery and kept the grown desired and max");
    }

    @Test
    void failover_whenTwoRunsAtOnce_endInOneStateWithoutError() throws Exception {
        RecoveryPlan plan = plan(fleet.targetGroupArn(), 30);
        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<Report> first = CompletableFuture.supplyAsync(() -> { await(start); return run(plan, new RecoveryRequest(Action.FAILOVER, false, false)); });
        CompletableFuture<Report> second = CompletableFuture.supplyAsync(() -> { await(start); return run(plan, new RecoveryRequest(Action.FAILOVER, false, false)); });
        start.countDown();

        Set<Report.RunOutcome> fine = Set.of(Report.RunOutcome.SUCCEEDED, Report.RunOutcome.ALREADY_DONE);
        Report a = first.get(2, TimeUnit.MINUTES);
        Report b = second.get(2, TimeUnit.MINUTES);
        assertTrue(fine.contains(a.outcome()), a.message());
        assertTrue(fine.contains(b.outcome()), b.message());
        assertEquals(List.of(2, 4, 8), capacity());
        assertEquals(0L, weight("primary"));
        assertEquals(100L, weight("recovery"));
        Report status = run(plan, new RecoveryRequest(Action.STATUS, false, false));
        assertEquals(SystemState.FAILED_OVER, status.stateBefore().state());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void failover_whenFleetNeverHealthy_stopsBeforeDnsAndSaysWhatWasNotDone() {
        // A target group the fleet is not attached to: no target ever becomes healthy in it.
        String detached = emulator.createTargetGroup(RECOVERY, "detached");

        Report report = run(plan(detached, 1), new RecoveryRequest(Action.FAILOVER, false, false));

        assertEquals(Report.RunOutcome.FAILED, report.outcome(), report.message());
        StepReport gate = report.steps().stream().filter(s -> s.name().startsWith("wait for health")).findFirst().orElseThrow();
        assertEquals(StepReport.Outcome.FAILED, gate.outcome());
        assertTrue(gate.detail().contains("0 healthy in targetgroup/detached"), gate.detail());
        assertTrue(gate.detail().contains("traffic was not moved (use force to move it anyway)"), gate.detail());
        assertTrue(report.notDone().stream().anyMatch(s -> s.startsWith("move DNS in hosted zone " + zone)), report.notDone().toString());
        assertEquals(0, calls.count("ChangeResourceRecordSets"));
        assertEquals(100L, weight("primary"));
        assertEquals(List.of(2, 4, 8), capacity(), "the fleet was scaled before the gate");
    }

    @Test
    void failover_whenFleetNeverHealthyAndForce_movesDnsAnyway() {
        String detached = emulator.createTargetGroup(RECOVERY, "detached");

        Report report = run(plan(detached, 1), new RecoveryRequest(Action.FAILOVER, false, true));

        assertEquals(Report.RunOutcome.SUCCEEDED, report.outcome(), report.message());
        assertTrue(report.steps().stream().anyMatch(s -> s.outcome() == StepReport.Outcome.FORCED));
        assertEquals(0L, weight("primary"));
        assertEquals(100L, weight("recovery"));
    }

    @Test
    void failover_whenThrottledAndServerErrors_retriesWithBackoffAndSucceeds() {
        FaultInjector throttling = FaultInjector.throttling("UpdateAutoScalingGroup", 2);
        FaultInjector serverError = FaultInjector.serverError("ChangeResourceRecordSets", 2);

        Report report = run(plan(fleet.targetGroupArn(), 30), new RecoveryRequest(Action.FAILOVER, false, false), throttling, serverError);

        assertEquals(Report.RunOutcome.SUCCEEDED, report.outcome(), report.message());
        assertEquals(2, throttling.injected());
        assertEquals(2, serverError.injected());
        assertEquals(3, attempts(report, "UpdateAutoScalingGroup"));
        assertEquals(3, attempts(report, "ChangeResourceRecordSets"));
        assertEquals(List.of(2, 4, 8), capacity());
        assertEquals(100L, weight("recovery"));
    }

    private static int attempts(Report report, String operation) {
        return report.steps().stream().flatMap(s -> s.calls().stream()).filter(c -> c.operation().equals(operation))
                .mapToInt(AwsCall::attempts).findFirst().orElseThrow();
    }

    @Test
    void failover_whenStepKeepsFailing_stopsAndReportsDoneAndNotDone() {
        FaultInjector broken = FaultInjector.throttling("UpdateAutoScalingGroup", Integer.MAX_VALUE);

        Report report = run(plan(fleet.targetGroupArn(), 30), new RecoveryRequest(Action.FAILOVER, false, false), broken);

        assertEquals(Report.RunOutcome.FAILED, report.outcome(), report.message());
        StepReport scale = report.steps().stream().filter(s -> s.name().startsWith("scale out web")).findFirst().orElseThrow();
        assertEquals(StepReport.Outcome.FAILED, scale.outcome());
        assertTrue(scale.error().contains("Rate exceeded"), scale.error());
        assertEquals(6, attempts(report, "UpdateAutoScalingGroup"), "1 attempt and 5 retries");
        assertTrue(report.message().startsWith("failover stopped: 'scale out web (us-west-2)' failed"), report.message());
        assertTrue(report.notDone().stream().anyMatch(s -> s.contains("UPSERT app.example.com. A [primary]: weight 100 -> 0")),
                report.notDone().toString());
        assertEquals(0, calls.count("ChangeResourceRecordSets"));
        assertEquals(100L, weight("primary"));
        assertTrue(report.stateAfter() != null, "the report still reads the state after");
    }

    @Test
    void failover_whenChangeWouldZeroEveryWeight_refusesBeforeAnyChange() {
        RecoveryPlan valid = plan(fleet.targetGroupArn(), 30);
        ZonePlan zonePlan = valid.dns().get(0);
        RecordPlan primary = zonePlan.records().get(0);
        // Only a hand-built plan can get here: the parser refuses all-zero weights. The runtime checks again
        // against the live zone, records outside the plan included.
        RecoveryPlan zeroing = new RecoveryPlan(1, "web", valid.strategy(), null, RECOVERY, List.of(), List.of(), valid.fleets(),
                List.of(new ZonePlan(zonePlan.hostedZoneId(), List.of(primary), "dns[0]")), List.of(), 30, null);
        emulator.upsert(zone, ResourceRecordSet.builder().name("app.example.com").type(RRType.A).setIdentifier("recovery")
                .weight(0L).ttl(60L).resourceRecords(r -> r.value("198.51.100.10")).build());

        PlanValidationException e = assertThrows(PlanValidationException.class,
                () -> run(zeroing, new RecoveryRequest(Action.FAILOVER, false, true)));

        assertTrue(e.getMessage().startsWith("dns[0].records[0]: the change would leave every weighted record of app.example.com. A"
                + " in hosted zone " + zone + " at weight 0"), e.getMessage());
        assertEquals(List.of(), calls.mutating());
        assertEquals(List.of(0, 0, 2), capacity());
    }
}
