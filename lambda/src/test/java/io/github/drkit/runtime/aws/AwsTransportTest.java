package io.github.drkit.runtime.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.drkit.runtime.aws.api.Ec2Api;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

class AwsTransportTest {
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret"));

    private static AwsTransport transport(URI override, Map<String, String> env, int attempts) {
        return new AwsTransport(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(1)).build(), CREDENTIALS,
                override, env, List.of(), attempts, Duration.ofMillis(1), Duration.ofMillis(5));
    }

    @Test
    void send_whenNothingAnswers_retriesEveryAttemptAndRecordsTheCall() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Ec2Api ec2 = new Ec2Api(new QueryProtocol(transport(URI.create("http://127.0.0.1:" + closedPort), Map.of(), 3),
                AwsService.EC2, "2016-11-15"));
        CallLog log = new CallLog();

        AwsServiceError error = assertThrows(AwsServiceError.class,
                () -> log.bind(() -> ec2.instanceStates("us-west-2", List.of("i-0123456789abcdef0"))));

        assertEquals(0, error.statusCode(), error.getMessage());
        assertTrue(error.getMessage().startsWith("Ec2 DescribeInstances failed: "), error.getMessage());
        AwsCall call = log.calls().get(0);
        assertEquals(List.of("Ec2", "DescribeInstances", "us-west-2", 3), List.of(call.service(), call.operation(), call.region(), call.attempts()));
        assertEquals(error.errorCode(), call.error());
    }
}
