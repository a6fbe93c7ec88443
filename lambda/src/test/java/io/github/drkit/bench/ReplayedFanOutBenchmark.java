package io.github.drkit.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.drkit.plan.RecoveryPlan;
import io.github.drkit.plan.ZonePlan;
import io.github.drkit.runtime.aws.AwsClients;
import io.github.drkit.runtime.engine.Action;
import io.github.drkit.runtime.engine.RecoveryEngine;
import io.github.drkit.runtime.engine.RecoveryRequest;
import io.github.drkit.runtime.engine.Report;
import io.github.drkit.runtime.scenario.Emulator;
import io.github.drkit.testing.MotoServer;
import io.github.drkit.testing.MotoServerExtension;
import software.amazon.awssdk.regions.Region;

/**
 * The fan-out measured with the service's latency and without the emulator's one-request-at-a-time: a failover of
 * 20 fleets and 20 records in 2 zones against the longest single chain (one fleet, one name's two records), each
 * first run against the emulator through a {@link ReplayServer} that records every answer, then replayed with a
 * fixed latency per call, every call answered independently. Not part of the default test run (surefire does not
 * match *Benchmark); run with
 * {@code mvn -B -q test -pl lambda -Dtest=ReplayedFanOutBenchmark -Dsurefire.failIfNoSpecifiedTests=false} and read
 * {@code lambda/target/surefire-reports/io.github.drkit.bench.ReplayedFanOutBenchmark-output.txt}.
 */
@ExtendWith(MotoServerExtension.class)
class ReplayedFanOutBenchmark {
    private static final int ROUNDS = 7;
    /** Untimed replays first, so the JIT's warm-up is not counted against the first latency measured. */
    private static final int WARM_UP = 3;
    private static final long[] LATENCIES_MS = {50, 100, 200};
    private static final Duration POLL = Duration.ofMillis(200);

    @Test
    void failover_whenTwentyFleetsTwoZonesReplayedWithLatency_costsAboutOneChain(MotoServer moto) {
        Emulator emulator = new Emulator(moto);
        FanOutFixture fixture = new FanOutFixture(emulator);
        Recorded single;
        Recorded large;
        try (ReplayServer recorder = ReplayServer.recording(moto.endpoint());
             AwsClients recording = clients(moto, recorder);
             RecoveryEngine engine = RecoveryEngine.builder(recording).pollInterval(POLL).build();
             AwsClients direct = emulator.runtimeClients();
             RecoveryEngine directEngine = RecoveryEngine.builder(direct).pollInterval(POLL).build()) {
            single = Recorded.of(engine.run(fixture.single(), failover()), recorder.take());
            // Back to normal without recording, so the large failover starts from the same state as the single one.
            Report back = directEngine.run(fixture.single(), new RecoveryRequest(Action.FAILBACK, false, false));
            assertEquals(Report.RunOutcome.SUCCEEDED, back.outcome(), back.message());
            large = Recorded.of(engine.run(fixture.large(), failover()), recorder.take());
        }

        warmUp(moto, fixture, single, large);
        StringBuilder out = new StringBuilder(String.format("recorded from the emulator: single chain %d answers, 20 fleets + 20 records"
                + " %d answers; each replayed %d times untimed, then %d times per latency,"
                + " interleaved; median wall time of the failover%n", single.tape().size(), large.tape().size(), WARM_UP, ROUNDS));
        out.append("| latency per call | single chain | 20 fleets + 20 records, 2 zones | ratio | calls per failover (single / large)"
                + " | most calls in flight at once (single / large) | ChangeResourceRecordSets per zone |\n|---|---|---|---|---|---|---|\n");
        StringBuilder timelines = new StringBuilder("steps of the last replayed failover of each kind:\n");
        for (long latencyMs : LATENCIES_MS) {
            Duration latency = Duration.ofMillis(latencyMs);
            try (Replayer singleReplay = new Replayer(moto, single, latency); Replayer largeReplay = new Replayer(moto, large, latency)) {
                long[] singleMs = new long[ROUNDS];
                long[] largeMs = new long[ROUNDS];
                Replayed lastSingle = null;
                Replayed lastLarge = null;
                for (int round = 0; round < ROUNDS; round++) {
                    lastSingle = singleReplay.failover(fixture.single());
                    singleMs[round] = lastSingle.millis();
                    lastLarge = largeReplay.failover(fixture.large());
                    largeMs[round] = lastLarge.millis();
                }
                out.append(String.format("| %d ms | %d ms %s | %d ms %s | %.2f | %d / %d | %d / %d | %s |%n", latencyMs,
                        median(singleMs), Arrays.toString(singleMs), median(largeMs), Arrays.toString(largeMs),
                        (double) median(largeMs) / median(singleMs), lastSingle.calls(), lastLarge.calls(),
                        lastSingle.mostInFlight(), lastLarge.mostInFlight(), lastLarge.changesPerZone()));
                timelines.append(String.format("%d ms per call, single chain:%n%s%d ms per call, 20 fleets + 20 records:%n%s",
                        latencyMs, lastSingle.timeline(), latencyMs, lastLarge.timeline()));
            }
        }
        emulator.close();
        System.out.println("ReplayedFanOutBenchmark\n" + out + "\n" + timelines);
    }

    private static void warmUp(MotoServer moto, FanOutFixture fixture, Recorded single, Recorded large) {
        try (Replayer singleReplay = new Replayer(moto, single, Duration.ZERO); Replayer largeReplay = new Replayer(moto, large, Duration.ZERO)) {
            for (int i = 0; i < WARM_UP; i++) {
                singleReplay.failover(fixture.single());
                largeReplay.failover(fixture.large());
            }
        }
    }

    /** One recorded failover, replayed by its own server, clients and engine. */
    private static final class Replayer implements AutoCloseable {
        private final Recorded recorded;
        private final ReplayServer server;
        private final AwsClients clients;
        private final RecoveryEngine engine;

        Replayer(MotoServer moto, Recorded recorded, Duration latency) {
            this.recorded = recorded;
            this.server = ReplayServer.replaying(recorded.tape(), latency);
            this.clients = clients(moto, server);
            this.engine = RecoveryEngine.builder(clients).pollInterval(POLL).build();
        }

        Replayed failover(RecoveryPlan plan) {
            return replay(engine, server, plan, recorded);
        }

        @Override
        public void close() {
            engine.close();
            clients.close();
            server.close();
        }
    }

    private static RecoveryRequest failover() {
        return new RecoveryRequest(Action.FAILOVER, false, false);
    }

    private static AwsClients clients(MotoServer moto, ReplayServer server) {
        return AwsClients.builder().region(Region.of(Emulator.RECOVERY)).endpoint(server.endpoint()).credentials(moto.credentials())
                .backoff(Duration.ofMillis(10), Duration.ofMillis(50)).build();
    }

    /** One failover replayed; fails unless the engine made exactly the recorded calls and came to the recorded state. */
    private static Replayed replay(RecoveryEngine engine, ReplayServer server, RecoveryPlan plan, Recorded recorded) {
        server.rewind();
        long start = System.nanoTime();
        Report report = engine.run(plan, failover());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(Report.RunOutcome.SUCCEEDED, report.outcome(), report.message());
        assertEquals(List.of(), server.misses(), "calls the emulator was not asked during the recording");
        assertEquals(0, server.unplayed(), "recorded answers the replayed failover did not ask for");
        assertEquals(recorded.report().stateAfter(), report.stateAfter(), "the state read after the replayed failover");
        Map<String, Integer> changes = new TreeMap<>();
        for (ZonePlan zone : plan.dns()) {
            changes.put(zone.hostedZoneId(), (int) server.served().stream()
                    .filter(s -> s.method().equals("POST") && s.path().contains("/hostedzone/" + zone.hostedZoneId() + "/rrset")).count());
            assertEquals(1, changes.get(zone.hostedZoneId()), "ChangeResourceRecordSets calls for hosted zone " + zone.hostedZoneId());
        }
        List<ReplayServer.Served> served = server.served();
        return new Replayed(millis, served.size(), mostInFlight(served), changes, timeline(report));
    }

    /** The largest number of requests the server held at the same moment. */
    private static int mostInFlight(List<ReplayServer.Served> served) {
        List<long[]> events = new ArrayList<>();
        for (ReplayServer.Served s : served) {
            events.add(new long[] {s.arrivedNanos(), 1});
            events.add(new long[] {s.answeredNanos(), -1});
        }
        events.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        int now = 0;
        int most = 0;
        for (long[] event : events) {
            now += (int) event[1];
            most = Math.max(most, now);
        }
        return most;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** A failover run against the emulator and what it was answered. */
    private record Recorded(Report report, Tape tape) {
        static Recorded of(Report report, Tape tape) {
            assertEquals(Report.RunOutcome.SUCCEEDED, report.outcome(), report.message());
            return new Recorded(report, tape);
        }
    }

    /** Each step's start and end, in ms from the run's start: where the failover spends its time. */
    private static String timeline(Report report) {
        Instant runStart = Instant.parse(report.startedAt());
        StringBuilder out = new StringBuilder();
        Map<String, long[]> spans = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (var step : report.steps()) {
            // The 20 scale-out steps (and the 2 DNS steps) are one line each kind: the first start and the last end.
            String kind = step.name().startsWith("scale out") ? "scale out" : step.name().startsWith("move DNS") ? "move DNS" : step.name();
            long from = Duration.between(runStart, Instant.parse(step.startedAt())).toMillis();
            long to = Duration.between(runStart, Instant.parse(step.endedAt())).toMillis();
            spans.merge(kind, new long[] {from, to, step.calls().size()},
                    (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1]), a[2] + b[2]});
            counts.merge(kind, 1, Integer::sum);
        }
        spans.forEach((kind, span) -> out.append(String.format("  %s (%d step(s), %d call(s)): %d-%d ms%n", kind, counts.get(kind), span[2],
                span[0], span[1])));
        return out + String.format("  run: %d ms%n", report.millis());
    }

    private record Replayed(long millis, int calls, int mostInFlight, Map<String, Integer> changesPerZone, String timeline) {
    }
}
