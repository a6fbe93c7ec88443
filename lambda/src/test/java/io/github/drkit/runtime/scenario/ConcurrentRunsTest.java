package io.github.drkit.runtime.scenario;

import static io.github.drkit.runtime.scenario.Emulator.RECOVERY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.drkit.runtime.aws.AwsClients;
import io.github.drkit.runtime.aws.CallHook;
import io.github.drkit.runtime.engine.Action;
import io.github.drkit.runtime.engine.RecoveryEngine;
import io.github.drkit.runtime.engine.RecoveryRequest;
import io.github.drkit.runtime.engine.Report;
import io.github.drkit.runtime.engine.StepReport;
import io.github.drkit.plan.RecoveryPlan;
import io.github.drkit.testing.MotoServer;
import io.github.drkit.testing.MotoServerExtension;

/**
 * Two runs at once, interleaved on purpose: the second run reads the state, then the first run fails over completely,
 * then the second goes on. The second must send nothing and say that another run made the changes.
 */
@ExtendWith(MotoServerExtension.class)
class ConcurrentRunsTest {
    private Emulator emulator;
    private Emulator.PilotLightSite site;
    private RecoveryPlan plan;

    @BeforeEach
    void setUp(MotoServer moto) {
        emulator = new Emulator(moto);
        site = emulator.pilotLightSite();
        plan = RecoveryPlan.parse(site.plan(30));
    }

    @AfterEach
    void tearDown() {
        emulator.close();
    }

    private Report run(RecordingHook calls, CallHook... more) {
        CallHook[] hooks = new CallHook[more.length + 1];
        hooks[0] = calls;
        System.arraycopy(more, 0, hooks, 1, more.length);
        try (AwsClients clients = emulator.runtimeClients(hooks);
             RecoveryEngine engine = RecoveryEngine.builder(clients).pollInterval(Duration.ofMillis(100)).build()) {
            return engine.run(plan, new RecoveryRequest(Action.FAILOVER, false, false));
        }
    }

    @Test
    void failover_whenAnotherRunActsBetweenReadAndAct_reportsTheChangesAsTheOtherRuns() {
        RecordingHook firstCalls = new RecordingHook();
        RecordingHook secondCalls = new RecordingHook();
        AtomicReference<Report> first = new AtomicReference<>();
        AtomicInteger groupReads = new AtomicInteger();
        // The second run's first read of the group is its preflight; the next is its step's re-read before acting.
        CallHook otherRunInBetween = new CallHook() {
            @Override
            public void beforeAttempt(Attempt attempt) {
                if (attempt.operation().equals("DescribeAutoScalingGroups") && groupReads.incrementAndGet() == 2) {
                    first.set(run(firstCalls));
                }
            }
        };

        Report second = run(secondCalls, otherRunInBetween);

        assertEquals(Report.RunOutcome.SUCCEEDED, first.get().outcome(), first.get().message());
        assertEquals(List.of("UpdateAutoScalingGroup", "ChangeResourceRecordSets"), firstCalls.mutating());
        assertEquals(List.of(), secondCalls.mutating(), "the second run sent no change");
        assertEquals(Report.RunOutcome.ALREADY_DONE, second.outcome(), second.message());
        assertTrue(second.message().startsWith("already failed over by another run: no change made; 2 step(s) found their change"
                + " made by another run while this one ran; state FAILED_OVER"), second.message());
        StepReport fleet = step(second, "scale out web (us-west-2)");
        assertEquals(StepReport.Outcome.NO_CHANGE, fleet.outcome());
        assertEquals("made by another run since this run read the state: capacity already min 2, desired 4, max 8", fleet.detail());
        // The change list still says what this run found to do when it read the state.
        assertEquals(1, fleet.changes().size());
        StepReport dns = step(second, "move DNS in hosted zone " + site.zone());
        assertEquals(StepReport.Outcome.NO_CHANGE, dns.outcome());
        assertEquals("made by another run since this run read the state: 2 record(s) already failed over", dns.detail());
        assertEquals(4, emulator.group(RECOVERY, "web").desiredCapacity());
    }

    private static StepReport step(Report report, String name) {
        return report.steps().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no step '" + name + "' in " + report.steps()));
    }
}
