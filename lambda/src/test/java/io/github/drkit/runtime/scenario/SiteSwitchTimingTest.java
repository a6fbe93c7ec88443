package io.github.drkit.runtime.scenario;

import static io.github.drkit.runtime.scenario.Emulator.PRIMARY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.drkit.runtime.aws.AwsClients;
import io.github.drkit.runtime.aws.CallHook;
import io.github.drkit.runtime.engine.Action;
import io.github.drkit.runtime.engine.Position;
import io.github.drkit.runtime.engine.Progress;
import io.github.drkit.runtime.engine.RecoveryEngine;
import io.github.drkit.runtime.engine.RecoveryRequest;
import io.github.drkit.runtime.engine.Report;
import io.github.drkit.runtime.engine.StateReport;
import io.github.drkit.runtime.engine.StepReport;
import io.github.drkit.runtime.engine.SystemState;
import io.github.drkit.plan.RecoveryPlan;
import io.github.drkit.testing.CloudWatchQuery;
import io.github.drkit.testing.MotoServer;
import io.github.drkit.testing.MotoServerExtension;

/**
 * A site switch failed back within a minute of its failover. The switch alarm reads each minute's minimum, so the
 * failback's value shares a minute with the failover's 0 and the alarm (which Route 53 follows) stays in ALARM until
 * a later minute holds only 1. Failback therefore keeps publishing until the alarm is OK, and status reads the alarm.
 *
 * <p>moto_server stores alarms and their states but does not evaluate them; the test plays CloudWatch's evaluation
 * with SetAlarmState at the point CloudWatch would change the state, and checks what the runtime does around it.
 */
@ExtendWith(MotoServerExtension.class)
class SiteSwitchTimingTest {
    private static final String ALARM = "shop-primary-switch";
    private static final Map<String, String> DIMENSIONS = Map.of("Application", "shop", "Site", "primary");
    private static final String PLAN = """
            {"version": 1, "application": "shop", "strategy": "MULTI_SITE", "primaryRegion": "us-east-1", "recoveryRegion": "us-west-2",
             "siteSwitches": [{"region": "us-east-1", "site": "primary", "namespace": "drkit", "metricName": "SiteEnabled",
                               "dimensions": {"Application": "shop", "Site": "primary"}, "normalValue": 1, "failoverValue": 0}]}
            """;

    private MotoServer moto;
    private Emulator emulator;
    private RecoveryPlan plan;
    private final List<Progress.Event> progress = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp(MotoServer moto) {
        this.moto = moto;
        emulator = new Emulator(moto);
        plan = RecoveryPlan.parse(PLAN);
        CloudWatchQuery.putSwitchAlarm(moto.endpoint(), moto.credentials(), PRIMARY, ALARM, "drkit", "SiteEnabled", DIMENSIONS);
    }

    @AfterEach
    void tearDown() {
        emulator.close();
    }

    private Report run(Action action, Duration deadline, CallHook... hooks) {
        try (AwsClients clients = emulator.runtimeClients(hooks);
             RecoveryEngine engine = RecoveryEngine.builder(clients).pollInterval(Duration.ofMillis(200)).progress(progress::add)
                     .siteSwitchTimeout(Duration.ofSeconds(30)).build()) {
            return engine.run(plan, new RecoveryRequest(action, false, false, deadline));
        }
    }

    private void alarm(String state) {
        CloudWatchQuery.setAlarmState(moto.endpoint(), moto.credentials(), PRIMARY, ALARM, state);
    }

    /** Fails over: the test plays the alarm firing once the failover value is published. */
    private void failedOver() {
        Report failover = run(Action.FAILOVER, Duration.ofSeconds(60), publishes(0.0, 1, () -> alarm("ALARM")));
        assertEquals(Report.RunOutcome.SUCCEEDED, failover.outcome(), failover.message());
        assertEquals("ALARM", failover.stateAfter().siteSwitches().get(0).alarmState());
    }

    /** A hook that runs {@code evaluation} once the n-th PutMetricData has been answered. */
    private static CallHook publishes(double value, int n, Runnable evaluation) {
        AtomicInteger count = new AtomicInteger();
        return new CallHook() {
            @Override
            public void afterAttempt(Attempt attempt) {
                if (attempt.operation().equals("PutMetricData") && count.incrementAndGet() == n) {
                    evaluation.run();
                }
            }
        };
    }

    @Test
    void failback_whenAlarmStillInAlarmFromTheFailoverMinute_keepsPublishingUntilItIsOk() {
        failedOver();
        progress.clear();

        // CloudWatch turns the alarm OK only once a whole minute holds 1s: here, after the third publication.
        Report failback = run(Action.FAILBACK, Duration.ofSeconds(60), publishes(1.0, 3, () -> alarm("OK")));

        assertEquals(Report.RunOutcome.SUCCEEDED, failback.outcome(), failback.message());
        StepReport step = step(failback, "switch site primary (us-east-1)");
        assertEquals(StepReport.Outcome.DONE, step.outcome(), step.toString());
        assertTrue(step.detail().startsWith("published 1.0 3 time(s); " + ALARM + " OK after "), step.detail());
        assertEquals(3, step.calls().stream().filter(c -> c.operation().equals("PutMetricData")).count());
        assertEquals(List.of("PutMetricData drkit/SiteEnabled {Application=shop, Site=primary} = 1.0 (was 0.0), again every 200 ms"
                + " until alarm " + ALARM + " is OK"), step.changes());
        assertEquals(new StateReport.SiteSwitchStatus("siteSwitches[0]", PRIMARY, "primary", 1.0, "OK", Position.NORMAL),
                failback.stateAfter().siteSwitches().get(0));
        assertTrue(progress.stream().anyMatch(e -> e.kind() == Progress.Kind.WAIT
                && e.message().startsWith("waiting for alarm " + ALARM + " is OK (now " + ALARM + " ALARM), publishing 1.0 again")),
                progress.toString());
    }

    @Test
    void failback_whenAlarmNeverFollows_failsAtTheDeadlineSayingTheSiteIsNotSwitched() {
        failedOver();

        // Long enough that reading the state and the first publications fit on a loaded machine.
        Report failback = run(Action.FAILBACK, Duration.ofSeconds(10));

        assertEquals(Report.RunOutcome.FAILED, failback.outcome(), failback.message());
        StepReport step = step(failback, "switch site primary (us-east-1)");
        assertEquals(StepReport.Outcome.FAILED, step.outcome());
        assertTrue(step.error().contains("(the run's deadline of 10 s came), and " + ALARM + " ALARM did not follow: Route 53 follows"
                + " the alarm, so the site is not switched yet"), step.error());
        assertTrue(step.calls().stream().filter(c -> c.operation().equals("PutMetricData")).count() >= 2, step.calls().toString());
    }

    @Test
    void status_whenMetricIsNormalButAlarmStillInAlarm_isNotNormal() {
        failedOver();
        // One publication of 1 in the failover's minute, as a failback made before this change: newest value 1, alarm ALARM.
        try (AwsClients clients = emulator.runtimeClients()) {
            clients.cloudWatch().putMetric(PRIMARY, "drkit", "SiteEnabled", DIMENSIONS, 1.0);
        }
        assertEquals(Optional.of(1.0), CloudWatchQuery.latestMaximum(moto.endpoint(), moto.credentials(), PRIMARY, "drkit",
                "SiteEnabled", DIMENSIONS));

        Report status = run(Action.STATUS, Duration.ofSeconds(60));

        assertEquals(new StateReport.SiteSwitchStatus("siteSwitches[0]", PRIMARY, "primary", 1.0, "ALARM", Position.FAILED_OVER),
                status.stateBefore().siteSwitches().get(0));
        assertEquals(SystemState.FAILED_OVER, status.stateBefore().state());
    }

    @Test
    void failback_whenAlarmAlreadyOkAndValueNormal_makesNoCall() {
        failedOver();
        Report failback = run(Action.FAILBACK, Duration.ofSeconds(60), publishes(1.0, 1, () -> alarm("OK")));
        assertEquals(Report.RunOutcome.SUCCEEDED, failback.outcome(), failback.message());

        Report again = run(Action.FAILBACK, Duration.ofSeconds(60));

        assertEquals(Report.RunOutcome.ALREADY_DONE, again.outcome(), again.message());
        StepReport step = step(again, "switch site primary (us-east-1)");
        assertEquals(StepReport.Outcome.NO_CHANGE, step.outcome());
        assertEquals("already 1.0; alarm " + ALARM + " is OK", step.detail());
    }

    private static StepReport step(Report report, String name) {
        return report.steps().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no step '" + name + "' in " + report.steps()));
    }
}
