package io.github.drkit.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.drkit.runtime.aws.AwsClients;
import io.github.drkit.runtime.aws.api.AutoScalingGroup;
import io.github.drkit.runtime.aws.api.UpdateAutoScalingGroupRequest;
import io.github.drkit.runtime.scenario.Emulator;
import io.github.drkit.testing.MotoServer;
import io.github.drkit.testing.MotoServerExtension;
import software.amazon.awssdk.regions.Region;

/** The replay server the fan-out benchmark runs against: it must give the recorded answers, in order, all at once. */
@ExtendWith(MotoServerExtension.class)
class ReplayServerTest {
    private static final String REGION = Emulator.RECOVERY;
    private static final int CALLS = 8;
    private static final Duration LATENCY = Duration.ofMillis(250);

    @Test
    void replay_whenCallsInFlightTogether_answersThemTogetherWithTheRecordedAnswers(MotoServer moto) throws Exception {
        String group = new Emulator(moto).fleet(REGION, "replay-parallel", 0, 0, 2, "t3.small", false).name();
        List<List<AutoScalingGroup>> recorded = new ArrayList<>();
        Tape tape;
        try (ReplayServer recorder = ReplayServer.recording(moto.endpoint()); AwsClients aws = clients(moto, recorder.endpoint(), 6)) {
            for (int i = 0; i < CALLS; i++) {
                recorded.add(aws.autoScaling().describe(REGION, List.of(group, "absent-" + i)));
            }
            tape = recorder.take();
        }
        assertEquals(CALLS, tape.size());

        ExecutorService callers = Executors.newFixedThreadPool(CALLS);
        try (ReplayServer replay = ReplayServer.replaying(tape, LATENCY); AwsClients aws = clients(moto, replay.endpoint(), 1)) {
            long start = System.nanoTime();
            List<Future<List<AutoScalingGroup>>> answers = new ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                int call = i;
                answers.add(callers.submit(() -> aws.autoScaling().describe(REGION, List.of(group, "absent-" + call))));
            }
            for (int i = 0; i < CALLS; i++) {
                assertEquals(recorded.get(i), answers.get(i).get(30, TimeUnit.SECONDS));
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            // One at a time, 8 calls would take 8 latencies; served together, about one.
            assertTrue(elapsed.compareTo(LATENCY.multipliedBy(4)) < 0, "8 calls of " + LATENCY.toMillis() + " ms took " + elapsed.toMillis() + " ms");
            // Most of them at once: on a loaded machine the last caller thread may start after the first answer, so
            // "all 8" would test the scheduler; the elapsed bound above is what proves they were not served in turn.
            int together = mostInFlight(replay.served());
            assertTrue(together >= CALLS / 2, "at most " + together + " of " + CALLS + " calls were in flight together");
            assertEquals(0, replay.unplayed());
            assertEquals(List.of(), replay.misses());
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void replay_whenSameCallRecordedTwice_answersInRecordedOrderThenRepeatsTheLast(MotoServer moto) {
        String group = new Emulator(moto).fleet(REGION, "replay-order", 0, 0, 2, "t3.small", false).name();
        Tape tape;
        try (ReplayServer recorder = ReplayServer.recording(moto.endpoint()); AwsClients aws = clients(moto, recorder.endpoint(), 6)) {
            aws.autoScaling().describe(REGION, List.of(group));
            aws.autoScaling().update(UpdateAutoScalingGroupRequest.builder().region(REGION).groupName(group).minSize(0).desiredCapacity(0)
                    .maxSize(3).build());
            aws.autoScaling().describe(REGION, List.of(group));
            tape = recorder.take();
        }
        try (ReplayServer replay = ReplayServer.replaying(tape, Duration.ZERO); AwsClients aws = clients(moto, replay.endpoint(), 1)) {
            assertEquals(2, maxSize(aws, group));
            assertEquals(3, maxSize(aws, group));
            assertEquals(3, maxSize(aws, group));
            replay.rewind();
            assertEquals(2, maxSize(aws, group));
            assertEquals(2, replay.unplayed(), "the update and the second read are left after the rewind and one read");
        }
    }

    @Test
    void replay_whenCallNotRecorded_failsItAndListsIt(MotoServer moto) {
        Tape tape;
        try (ReplayServer recorder = ReplayServer.recording(moto.endpoint())) {
            tape = recorder.take();
        }
        try (ReplayServer replay = ReplayServer.replaying(tape, Duration.ZERO); AwsClients aws = clients(moto, replay.endpoint(), 1)) {
            assertThrows(RuntimeException.class, () -> aws.autoScaling().describe(REGION, List.of("never-recorded")));
            assertEquals(1, replay.misses().size());
            assertTrue(replay.misses().get(0).startsWith("POST / autoscaling@" + REGION), replay.misses().get(0));
        }
    }

    @Test
    void recording_whenUpstreamNotLoopback_isRefused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ReplayServer.recording(URI.create("http://192.0.2.10:5000")));
        assertEquals("upstream must be a loopback address (got http://192.0.2.10:5000)", error.getMessage());
    }

    @Test
    void endpoint_whenStarted_isLoopback() throws Exception {
        try (ReplayServer replay = ReplayServer.replaying(emptyTape(), Duration.ZERO)) {
            assertTrue(InetAddress.getByName(replay.endpoint().getHost()).isLoopbackAddress(), replay.endpoint().toString());
        }
    }

    private static Tape emptyTape() {
        return new Tape.Recorder().take();
    }

    private static int maxSize(AwsClients aws, String group) {
        return aws.autoScaling().describe(REGION, List.of(group)).get(0).maxSize();
    }

    private static AwsClients clients(MotoServer moto, URI endpoint, int maxAttempts) {
        return AwsClients.builder().region(Region.of(REGION)).endpoint(endpoint).credentials(moto.credentials()).maxAttempts(maxAttempts)
                .backoff(Duration.ofMillis(10), Duration.ofMillis(50)).build();
    }

    private static int mostInFlight(List<ReplayServer.Served> served) {
        int most = 0;
        for (ReplayServer.Served one : served) {
            int together = (int) served.stream()
                    .filter(other -> other.arrivedNanos() <= one.arrivedNanos() && other.answeredNanos() > one.arrivedNanos()).count();
            most = Math.max(most, together);
        }
        return most;
    }
}
