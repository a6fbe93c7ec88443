package io.github.drkit.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.drkit.runtime.aws.AwsClients;
import io.github.drkit.runtime.engine.ReportJson;
import io.github.drkit.runtime.readiness.Objectives;
import io.github.drkit.runtime.readiness.ReadinessEvaluator;
import io.github.drkit.runtime.readiness.ReadinessReport;
import io.github.drkit.runtime.readiness.Verdict;
import io.github.drkit.runtime.scenario.Emulator;
import io.github.drkit.runtime.scenario.RecordingHook;
import io.github.drkit.testing.MotoServer;
import io.github.drkit.testing.MotoServerExtension;

/**
 * Evaluate on the fan-out case (20 fleets with a target group each, 20 weighted records in 2 zones) makes a bounded
 * number of calls, batched as the preflight batches them: per Region one group listing, one image read, one instance
 * type read and one quota read; one launch template read per fleet and one target health read per target group (those
 * APIs take one name a call); one record listing per zone. The figures are in docs/runtime.md, Benchmarks.
 */
@ExtendWith(MotoServerExtension.class)
class ReadinessFanOutTest {
    @Test
    void evaluate_when20FleetsAnd20Records_makesTheBatchedCallsOnly(MotoServer moto) {
        Emulator emulator = new Emulator(moto);
        FanOutFixture fixture = new FanOutFixture(emulator);
        RecordingHook calls = new RecordingHook();
        ReadinessReport report;
        long millis;
        try (AwsClients clients = emulator.runtimeClients(calls);
             ReadinessEvaluator evaluator = ReadinessEvaluator.builder(clients).build()) {
            long start = System.nanoTime();
            report = evaluator.evaluate(fixture.large(), Objectives.none(), Duration.ofSeconds(60));
            millis = (System.nanoTime() - start) / 1_000_000;
        } finally {
            emulator.close();
        }

        Map<String, Long> byOperation = new TreeMap<>();
        calls.operations().forEach(op -> byOperation.merge(op, 1L, Long::sum));
        System.out.println("evaluate, 20 fleets + 20 records in 2 zones: " + calls.operations().size() + " calls in " + millis + " ms: "
                + byOperation);
        assertEquals(Verdict.READY, report.verdict(), () -> ReportJson.write(report));
        assertEquals(new TreeMap<>(Map.of(
                "DescribeAutoScalingGroups", 1L,
                "DescribeLaunchTemplateVersions", 20L,
                "DescribeImages", 1L,
                "DescribeTargetHealth", 20L,
                "DescribeInstanceTypes", 1L,
                "GetServiceQuota", 1L,
                "ListResourceRecordSets", 2L)), byOperation);
        assertEquals(46, report.calls());
    }
}
