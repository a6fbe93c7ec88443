package io.github.drkit.runtime.extension;

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
import io.github.drkit.plan.RecoveryPlan;
import io.github.drkit.runtime.aws.AwsClients;
import io.github.drkit.runtime.scenario.Emulator;
import io.github.drkit.runtime.scenario.RecordingHook;
import io.github.drkit.testing.MotoServer;
import io.github.drkit.testing.MotoServerExtension;

/**
 * A step kind registered from outside the plan module and the engine ({@link FlagKind}, {@link FlagExecutor}, two
 * services files) is read with its rules, inspected in the preflight, run on failover and failback, and reported in the
 * state like the built-in kinds: the open extension points are enough on their own.
 */
@ExtendWith(MotoServerExtension.class)
class ExtensionKindScenarioTest {
    private static final String PLAN = """
            {"version": 2, "application": "shop", "strategy": "PILOT_LIGHT", "recoveryRegion": "us-west-2",
             "stages": [{"name": "flags", "steps": [{"kind": "setFlag", "namespace": "Shop/Flags", "metricName": "%s"}]}]}
            """;

    private Emulator emulator;
    private AwsClients clients;

    @BeforeEach
    void setUp(MotoServer moto) {
        emulator = new Emulator(moto);
        clients = emulator.runtimeClients(emulator.failoverRole("site-switch"), new RecordingHook());
    }

    @AfterEach
    void tearDown() {
        clients.close();
        emulator.close();
    }

    private FailoverHandler handler(String metricName) {
        return new FailoverHandler(Map.of("DRKIT_PLAN", PLAN.formatted(metricName)), clients, Duration.ofMillis(100));
    }

    // The handler's answer is ReportJson's plain form: every JSON object a Map<String, Object>, every array a List.
    @SuppressWarnings("unchecked")
    private static Map<String, Object> flagState(Map<String, Object> report, String which) {
        Map<String, Object> state = (Map<String, Object>) report.get(which);
        List<Map<String, Object>> steps = (List<Map<String, Object>>) state.get("steps");
        assertEquals(1, steps.size(), String.valueOf(state));
        return steps.get(0);
    }

    // The handler's answer is ReportJson's plain form: every JSON object a Map<String, Object>, every array a List.
    @SuppressWarnings("unchecked")
    private static List<String> stepOutcomes(Map<String, Object> report) {
        return ((List<Map<String, Object>>) report.get("steps")).stream().map(s -> s.get("resource") + " " + s.get("outcome")).toList();
    }

    @Test
    void parse_whenKindIsRegisteredOutsideThePlanModule_readsAndWritesItWithItsRules() {
        RecoveryPlan plan = RecoveryPlan.parse(PLAN.formatted("Failover"));

        assertEquals(List.of(new FlagStep("us-west-2", "Shop/Flags", "Failover", "stages[0].steps[0]")), plan.steps(FlagStep.class));
        PlanValidationException bad = assertThrows(PlanValidationException.class, () -> RecoveryPlan.parse(PLAN.formatted("not a name")));
        assertEquals("stages[0].steps[0].metricName", bad.field());
    }

    @Test
    void statusFailoverFailback_whenPlanHasAnExtensionKind_runsAndReportsIt() {
        FailoverHandler handler = handler("Failover");

        Map<String, Object> status = emulator.enforcing(() -> handler.handleRequest(Map.of("action", "status"), null));
        assertEquals("NORMAL", flagState(status, "stateBefore").get("position"), String.valueOf(status));

        Map<String, Object> dryRun = emulator.enforcing(() -> handler.handleRequest(Map.of("action", "failover", "dryRun", true), null));
        assertEquals(List.of("plan DONE", "stages[0].steps[0] PLANNED"), stepOutcomes(dryRun));

        Map<String, Object> failover = emulator.enforcing(() -> handler.handleRequest(Map.of("action", "failover"), null));
        assertEquals("SUCCEEDED", failover.get("outcome"), String.valueOf(failover));
        Map<String, Object> after = flagState(failover, "stateAfter");
        assertEquals("FAILED_OVER", after.get("position"));
        assertEquals("setFlag", after.get("kind"));
        assertEquals(Map.of("value", 1.0), after.get("details"));
        assertEquals("FAILED_OVER", ((Map<?, ?>) failover.get("stateAfter")).get("state"));

        Map<String, Object> again = emulator.enforcing(() -> handler.handleRequest(Map.of("action", "failover"), null));
        assertEquals("ALREADY_DONE", again.get("outcome"), String.valueOf(again));

        Map<String, Object> failback = emulator.enforcing(() -> handler.handleRequest(Map.of("action", "failback"), null));
        assertEquals("SUCCEEDED", failback.get("outcome"), String.valueOf(failback));
        assertTrue(stepOutcomes(failback).contains("stages[0].steps[0] DONE"), String.valueOf(stepOutcomes(failback)));
    }
}
