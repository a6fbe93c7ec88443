package io.github.drkit.runtime.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.drkit.plan.RecoveryPlan;
import io.github.drkit.runtime.aws.AwsClients;
import io.github.drkit.runtime.engine.ReportJson;
import io.github.drkit.runtime.readiness.Finding;
import io.github.drkit.runtime.readiness.Objectives;
import io.github.drkit.runtime.readiness.ReadinessEvaluator;
import io.github.drkit.runtime.readiness.ReadinessReport;
import io.github.drkit.runtime.readiness.Severity;
import io.github.drkit.runtime.readiness.Verdict;
import io.github.drkit.runtime.scenario.Emulator;
import io.github.drkit.runtime.scenario.RecordingHook;
import io.github.drkit.testing.MotoServer;
import io.github.drkit.testing.MotoServerExtension;

/**
 * Steps of a kind without a readiness check of its own are checked by the failover preflight (each kind's own
 * {@code inspect}): evaluate says they exist, or names the missing resource by its plan field.
 */
@ExtendWith(MotoServerExtension.class)
class PreflightReadinessScenarioTest {
    private Emulator emulator;
    private AwsClients clients;
    private ReadinessEvaluator evaluator;

    @BeforeEach
    void setUp(MotoServer moto) {
        emulator = new Emulator(moto);
        clients = emulator.runtimeClients(new RecordingHook());
        evaluator = ReadinessEvaluator.builder(clients).build();
    }

    @AfterEach
    void tearDown() {
        evaluator.close();
        clients.close();
        emulator.close();
    }

    private ReadinessReport evaluate(String steps) {
        return evaluator.evaluate(RecoveryPlan.parse("""
                {"version": 2, "application": "shop", "strategy": "PILOT_LIGHT", "recoveryRegion": "us-west-2",
                 "stages": [{"name": "compute", "steps": [%s]}]}
                """.formatted(steps)), Objectives.none(), Duration.ofSeconds(60));
    }

    @Test
    void evaluate_whenKindHasNoCheckOfItsOwn_saysThePreflightReadIt() {
        ReadinessReport report = evaluate("""
                {"kind": "setFlag", "namespace": "Shop/Flags", "metricName": "Failover"}""");

        assertEquals(Verdict.READY, report.verdict(), () -> ReportJson.write(report));
        Finding finding = report.findings().get(0);
        assertEquals(Severity.INFO, finding.severity());
        assertEquals("stages[0].steps[0]", finding.path());
        assertTrue(finding.problem().startsWith("setFlag: exists (the failover preflight read it; position NORMAL"), finding.problem());
    }

    @Test
    void evaluate_whenResourceOfSuchAKindIsMissing_isNotReadyNamingItsField() {
        ReadinessReport report = evaluate("""
                {"kind": "invokeFunction", "functionArn": "arn:aws:lambda:us-west-2:123456789012:function:gone"}""");

        assertEquals(Verdict.NOT_READY, report.verdict(), () -> ReportJson.write(report));
        List<Finding> critical = report.findings().stream().filter(f -> f.severity() == Severity.CRITICAL).toList();
        assertEquals(1, critical.size(), () -> ReportJson.write(report));
        assertEquals("stages[0].steps[0].functionArn", critical.get(0).path());
        assertEquals(Finding.Category.EXISTENCE, critical.get(0).category());
    }
}
