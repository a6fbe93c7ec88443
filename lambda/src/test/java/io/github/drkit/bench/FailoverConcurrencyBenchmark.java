package io.github.drkit.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.drkit.runtime.aws.AwsClients;
import io.github.drkit.runtime.engine.Action;
import io.github.drkit.runtime.engine.RecoveryEngine;
import io.github.drkit.runtime.engine.RecoveryRequest;
import io.github.drkit.runtime.engine.Report;
import io.github.drkit.plan.RecoveryPlan;
import io.github.drkit.runtime.scenario.Emulator;
import io.github.drkit.runtime.scenario.RecordingHook;
import io.github.drkit.testing.MotoServer;
import io.github.drkit.testing.MotoServerExtension;

/**
 * Failover of 20 fleets (the case of {@link FanOutFixture}) and 20 records in 2 zones against the longest single chain: the same failover for
 * one fleet and one zone. Independent steps run at once, so the large failover should cost little more than
 * the single chain. Not part of the default test run (surefire does not match *Benchmark); run with
 * {@code mvn -o -q -B test -pl lambda -Dtest=FailoverConcurrencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * and read {@code lambda/target/surefire-reports/io.github.drkit.bench.FailoverConcurrencyBenchmark-output.txt}.
 */
@ExtendWith(MotoServerExtension.class)
class FailoverConcurrencyBenchmark {
    private static final int ROUNDS = 5;

    @Test
    void failover_whenTwentyFleetsTwoZones_costsAboutOneChain(MotoServer moto) {
        Emulator emulator = new Emulator(moto);
        FanOutFixture fixture = new FanOutFixture(emulator);
        RecoveryPlan large = fixture.large();
        RecoveryPlan single = fixture.single();
        assertEquals(2, single.dns().get(0).records().size());

        StringBuilder out = new StringBuilder();
        for (long latencyMs : new long[] {0, 50}) {
            RecordingHook calls = new RecordingHook();
            try (AwsClients clients = latencyMs == 0 ? emulator.runtimeClients(calls)
                    : emulator.runtimeClients(calls, new LatencyHook(Duration.ofMillis(latencyMs)));
                 RecoveryEngine engine = RecoveryEngine.builder(clients).pollInterval(Duration.ofMillis(200)).build()) {
                long[] singleMs = measure(engine, single, calls, 1);
                long[] largeMs = measure(engine, large, calls, 2);
                long changesPerFailover = 2;
                double ratio = (double) median(largeMs) / median(singleMs);
                out.append(String.format("added latency %d ms/call: single chain (1 fleet, 2 records, 1 zone) median %d ms %s;"
                                + " 20 fleets + 20 records in 2 zones median %d ms %s; ratio %.2f; Route 53 changes per failover: %d;"
                                + " the 20 scale-out steps started within %d ms of each other%n",
                        latencyMs, median(singleMs), Arrays.toString(singleMs), median(largeMs), Arrays.toString(largeMs), ratio,
                        changesPerFailover, scaleStartSpreadMs(last)));
            }
        }
        emulator.close();
        System.out.println("FailoverConcurrencyBenchmark (" + ROUNDS + " failovers each, failback between)\n" + out);
    }

    /** Failover wall times, with a failback (not timed) before each so every failover does the full work. */
    /** The last failover measured, for its step timeline. */
    private static Report last;

    /** How far apart the scale-out steps of one failover started: near zero when they run at once. */
    private static long scaleStartSpreadMs(Report report) {
        List<java.time.Instant> starts = report.steps().stream().filter(s -> s.name().startsWith("scale out"))
                .map(s -> java.time.Instant.parse(s.startedAt())).sorted().toList();
        return Duration.between(starts.get(0), starts.get(starts.size() - 1)).toMillis();
    }

    private static long[] measure(RecoveryEngine engine, RecoveryPlan plan, RecordingHook calls, int zones) {
        long[] times = new long[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            Report back = engine.run(plan, new RecoveryRequest(Action.FAILBACK, false, false));
            if (back.outcome() == Report.RunOutcome.FAILED) {
                throw new AssertionError(back.message());
            }
            long changes = calls.count("ChangeResourceRecordSets");
            long start = System.nanoTime();
            Report report = engine.run(plan, new RecoveryRequest(Action.FAILOVER, false, false));
            times[i] = (System.nanoTime() - start) / 1_000_000;
            if (report.outcome() != Report.RunOutcome.SUCCEEDED) {
                throw new AssertionError(report.message() + ": " + report.steps().stream().filter(s -> s.error() != null)
                        .map(s -> s.name() + " " + s.error() + " " + s.calls()).toList());
            }
            assertEquals(zones, calls.count("ChangeResourceRecordSets") - changes, "one Route 53 change per zone per failover");
            last = report;
        }
        return times;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
