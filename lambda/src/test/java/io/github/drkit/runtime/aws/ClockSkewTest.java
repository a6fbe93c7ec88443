package io.github.drkit.runtime.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * A signing clock far from the service's: a loopback server whose clock runs {@code ahead} of this machine's refuses
 * signatures dated more than 5 minutes from its own time, as AWS does, and answers with its {@code Date}.
 */
class ClockSkewTest {
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private ServerSocket server;
    private final List<Instant> signedAt = Collections.synchronizedList(new ArrayList<>());

    /**
     * A raw HTTP/1.1 server: the JDK's HttpServer writes its own {@code Date} header, and the date is the point here.
     */
    private AwsClients clients(Duration ahead, boolean sendDate) throws IOException {
        server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    answer(socket, ahead, sendDate);
                } catch (IOException closed) {
                    return;
                }
            }
        }, "skewed-server");
        accept.setDaemon(true);
        accept.start();
        return AwsClients.builder().region(Region.US_WEST_2).endpoint(URI.create("http://127.0.0.1:" + server.getLocalPort()))
                .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret"))).maxAttempts(1).build();
    }

    private void answer(Socket socket, Duration ahead, boolean sendDate) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
        Map<String, String> headers = new HashMap<>();
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        in.skip(Long.parseLong(headers.getOrDefault("content-length", "0")));
        Instant serverNow = Instant.now().plus(ahead);
        Instant signed = ZonedDateTime.parse(headers.get("x-amz-date"), AMZ_DATE).toInstant();
        signedAt.add(signed);
        boolean inTime = Duration.between(signed, serverNow).abs().compareTo(Duration.ofMinutes(5)) <= 0;
        String body = inTime ? "{\"Parameter\":{\"Name\":\"/drkit/plan\",\"Value\":\"{}\"}}"
                : "{\"__type\":\"InvalidSignatureException\",\"message\":\"Signature expired: " + AMZ_DATE.format(signed)
                + " is now earlier than " + AMZ_DATE.format(serverNow.minus(Duration.ofMinutes(5))) + "\"}";
        byte[] payload = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + (inTime ? "200 OK" : "400 Bad Request") + "\r\n"
                + "Content-Type: application/x-amz-json-1.1\r\nContent-Length: " + payload.length + "\r\nConnection: close\r\n"
                + (sendDate ? "Date: " + DateTimeFormatter.RFC_1123_DATE_TIME.format(serverNow.atZone(ZoneOffset.UTC)) + "\r\n" : "")
                + "\r\n";
        OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(payload);
        out.flush();
    }

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void send_whenSignatureRefusedAsSkewed_correctsTheClockFromTheDateAndRetriesOnce() throws IOException {
        try (AwsClients aws = clients(Duration.ofMinutes(42), true)) {
            CallLog log = new CallLog();

            String value = log.bind(() -> aws.ssm().parameter("us-west-2", "/drkit/plan"));
            String again = aws.ssm().parameter("us-west-2", "/drkit/plan");

            assertEquals("{}", value);
            assertEquals("{}", again);
            assertEquals(3, signedAt.size(), "refused, retried, then right the first time");
            Duration corrected = Duration.between(Instant.now(), signedAt.get(1));
            assertTrue(corrected.compareTo(Duration.ofMinutes(41)) > 0 && corrected.compareTo(Duration.ofMinutes(43)) < 0,
                    "the retry is signed on the service's time: " + corrected);
            assertEquals(2, log.calls().get(0).attempts());
        }
    }

    @Test
    void send_whenSkewErrorHasNoDate_failsWithoutRetrying() throws IOException {
        try (AwsClients aws = clients(Duration.ofMinutes(42), false)) {
            AwsServiceError error = assertThrows(AwsServiceError.class, () -> aws.ssm().parameter("us-west-2", "/drkit/plan"));

            assertEquals("InvalidSignatureException", error.errorCode());
            assertTrue(error.getMessage().contains("Signature expired"), error.getMessage());
            assertEquals(1, signedAt.size());
        }
    }

    @Test
    void correct_whenRefusedButClocksAgree_isNotASkewAndChangesNothing() {
        ClockSkew skew = new ClockSkew(java.time.Clock.systemUTC());
        AwsServiceError refused = new AwsServiceError("Ssm", "GetParameter", 400, "InvalidSignatureException", "bad signature", null);
        String now = DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.now().atZone(ZoneOffset.UTC));

        boolean corrected = skew.correct(refused, java.util.Map.of("Date", List.of(now)));

        assertEquals(false, corrected);
        assertEquals(Duration.ZERO, skew.offset());
    }

    @Test
    void correct_whenSkewedAnswerOfAnotherKind_isNotTakenForASkew() {
        ClockSkew skew = new ClockSkew(java.time.Clock.systemUTC());
        AwsServiceError denied = new AwsServiceError("Rds", "AddTagsToResource", 403, "AccessDenied", null, null);
        String later = DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.now().plus(Duration.ofHours(2)).atZone(ZoneOffset.UTC));

        assertEquals(false, skew.correct(denied, java.util.Map.of("Date", List.of(later))));
        assertEquals(Duration.ZERO, skew.offset());
    }
}
