package io.github.drkit.runtime.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.drkit.runtime.aws.api.AutoScalingApi;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** The run's deadline bounds every call: an attempt in flight is cut, no retry starts after it. */
class TransportDeadlineTest {
    private ServerSocket silent;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private AwsClients aws;

    /** A loopback server that accepts every connection and never answers on it. */
    @BeforeEach
    void setUp() throws IOException {
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!silent.isClosed()) {
                try {
                    accepted.add(silent.accept());
                } catch (IOException closed) {
                    return;
                }
            }
        }, "silent-endpoint");
        acceptor.setDaemon(true);
        acceptor.start();
        aws = AwsClients.builder().region(Region.US_WEST_2).endpoint(URI.create("http://127.0.0.1:" + silent.getLocalPort()))
                .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .backoff(Duration.ofMillis(10), Duration.ofMillis(50)).build();
    }

    @AfterEach
    void tearDown() throws IOException {
        aws.close();
        silent.close();
        for (Socket socket : accepted) {
            socket.close();
        }
    }

    @Test
    void send_whenEndpointNeverAnswers_endsAtTheDeadlineAndRecordsTheCall() {
        AutoScalingApi autoScaling = aws.autoScaling();
        CallLog log = new CallLog(Deadline.after(Duration.ofMillis(1500)));
        long started = System.nanoTime();

        DeadlineExceededException error = assertThrows(DeadlineExceededException.class,
                () -> log.bind(() -> autoScaling.describe("us-west-2", List.of("web"))));

        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        // Without the deadline this call waits 6 attempts of 30 s each.
        assertTrue(millis >= 1400 && millis < 3500, "ended after " + millis + " ms");
        assertTrue(error.getMessage().startsWith("deadline of 1 s reached during AutoScaling DescribeAutoScalingGroups (us-west-2) after 1 attempt(s)"),
                error.getMessage());
        AwsCall call = log.calls().get(0);
        assertEquals(List.of("DescribeAutoScalingGroups", 1, "DeadlineExceeded"), List.of(call.operation(), call.attempts(), call.error()));
    }

    @Test
    void send_whenDeadlineAlreadyPassed_sendsNothing() {
        AutoScalingApi autoScaling = aws.autoScaling();
        CallLog log = new CallLog(Deadline.after(Duration.ZERO));

        DeadlineExceededException error = assertThrows(DeadlineExceededException.class,
                () -> log.bind(() -> autoScaling.describe("us-west-2", List.of("web"))));

        assertTrue(error.getMessage().contains("after 0 attempt(s)"), error.getMessage());
        assertEquals(0, accepted.size(), "no connection was opened");
    }

    @Test
    void deadline_whenNone_neverExpires() {
        Deadline none = Deadline.none();

        assertEquals(false, none.expired());
        assertEquals("none", none.describe());
        assertEquals(Duration.ofSeconds(5), none.cap(Duration.ofSeconds(5)));
    }
}
