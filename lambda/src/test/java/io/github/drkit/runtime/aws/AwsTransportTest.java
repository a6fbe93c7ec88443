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
    void endpoint_whenNothingConfigured_isThePublicRegionalEndpoint() {
        AwsTransport aws = transport(null, Map.of(), 1);

        assertEquals(URI.create("https://ec2.us-west-2.amazonaws.com"), aws.endpoint(AwsService.EC2, "us-west-2"));
        assertEquals(URI.create("https://monitoring.eu-central-1.amazonaws.com"), aws.endpoint(AwsService.CLOUDWATCH, "eu-central-1"));
        assertEquals(URI.create("https://autoscaling.cn-north-1.amazonaws.com.cn"), aws.endpoint(AwsService.AUTO_SCALING, "cn-north-1"));
    }

    @Test
    void endpoint_whenRoute53_isTheGlobalEndpointSignedForTheHomeRegion() {
        AwsTransport aws = transport(null, Map.of(), 1);

        assertEquals(URI.create("https://route53.amazonaws.com"), aws.endpoint(AwsService.ROUTE53, "eu-west-1"));
        assertEquals("us-east-1", AwsService.ROUTE53.signingRegion("eu-west-1"));
        assertEquals("cn-northwest-1", AwsService.ROUTE53.signingRegion("cn-north-1"));
        assertEquals("eu-west-1", AwsService.EC2.signingRegion("eu-west-1"));
    }

    @Test
    void endpoint_whenGovCloud_usesThatPartitionsEndpoints() {
        AwsTransport aws = transport(null, Map.of(), 1);

        assertEquals(URI.create("https://route53.us-gov.amazonaws.com"), aws.endpoint(AwsService.ROUTE53, "us-gov-west-1"));
        assertEquals("us-gov-west-1", AwsService.ROUTE53.signingRegion("us-gov-east-1"));
        assertEquals(URI.create("https://ec2.us-gov-east-1.amazonaws.com"), aws.endpoint(AwsService.EC2, "us-gov-east-1"));
    }

    @Test
    void endpoint_whenFipsAskedWithoutAnEndpoint_failsBeforeSending() {
        AwsTransport aws = transport(null, Map.of("AWS_USE_FIPS_ENDPOINT", "true"), 1);

        IllegalStateException error = assertThrows(IllegalStateException.class, () -> aws.endpoint(AwsService.RDS, "us-east-1"));

        assertEquals("AWS_USE_FIPS_ENDPOINT is true, and the runtime does not derive those endpoints; set AWS_ENDPOINT_URL_RDS"
                + " to the Rds endpoint to use in us-east-1", error.getMessage());
        assertEquals(URI.create("https://rds-fips.us-east-1.amazonaws.com"), transport(null, Map.of("AWS_USE_FIPS_ENDPOINT", "true",
                "AWS_ENDPOINT_URL_RDS", "https://rds-fips.us-east-1.amazonaws.com"), 1).endpoint(AwsService.RDS, "us-east-1"));
    }

    @Test
    void endpoint_whenServiceVariableAndGeneralVariableSet_prefersTheServiceOne() {
        AwsTransport aws = transport(null, Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:4566",
                "AWS_ENDPOINT_URL_ROUTE_53", "http://127.0.0.1:5000"), 1);

        assertEquals(URI.create("http://127.0.0.1:5000"), aws.endpoint(AwsService.ROUTE53, "us-east-1"));
        assertEquals(URI.create("http://127.0.0.1:4566"), aws.endpoint(AwsService.EC2, "us-east-1"));
    }

    @Test
    void endpoint_whenOverrideSet_winsOverTheEnvironment() {
        AwsTransport aws = transport(URI.create("http://127.0.0.1:9"), Map.of("AWS_ENDPOINT_URL_EC2", "http://127.0.0.1:5000"), 1);

        assertEquals(URI.create("http://127.0.0.1:9"), aws.endpoint(AwsService.EC2, "us-east-1"));
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
