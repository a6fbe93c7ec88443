package io.github.drkit.runtime.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.drkit.runtime.aws.CloudWatchMetrics.Datapoint;
import io.github.drkit.runtime.aws.CloudWatchMetrics.Metric;
import io.github.drkit.runtime.aws.CloudWatchMetrics.Statistic;
import io.github.drkit.testing.CloudWatchQuery;
import io.github.drkit.testing.MotoServer;
import io.github.drkit.testing.MotoServerExtension;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The JSON 1.0 CloudWatch client against moto_server: values round-trip and are what the emulator holds (read
 * back through the Query protocol), AWS errors keep their code, throttling and 5xx answers are retried (through
 * {@link ScriptedProxy}, a loopback server in front of moto), and every call lands in the {@link CallLog}.
 */
@ExtendWith(MotoServerExtension.class)
class CloudWatchMetricsTest {
    private static final String REGION = "us-west-2";
    private static final Metric PRIMARY = new Metric("drkit", "SiteEnabled", Map.of("Application", "shop", "Site", "primary"));
    private static final Metric RECOVERY = new Metric("drkit", "SiteEnabled", Map.of("Application", "shop", "Site", "recovery"));

    private static CloudWatchMetrics.Builder client(URI endpoint, MotoServer moto) {
        return CloudWatchMetrics.builder().region(Region.of(REGION)).endpoint(endpoint).credentials(moto.credentials())
                .backoff(Duration.ofMillis(1), Duration.ofMillis(5));
    }

    private static Optional<Double> held(MotoServer moto, String region, Metric metric) {
        return CloudWatchQuery.latestMaximum(moto.endpoint(), moto.credentials(), region, metric.namespace(), metric.name(),
                metric.dimensions());
    }

    @Test
    void putMetricData_thenGetMetricStatistics_returnsTheValueTheEmulatorHolds(MotoServer moto) {
        CallLog log = new CallLog();
        try (CloudWatchMetrics metrics = client(moto.endpoint(), moto).build()) {
            List<Datapoint> points = log.bind(() -> {
                metrics.putMetricData(PRIMARY, 0);
                metrics.putMetricData(RECOVERY, 7.5);
                Instant now = Instant.now();
                return metrics.getMetricStatistics(PRIMARY, now.minusSeconds(900), now.plusSeconds(60), Duration.ofMinutes(1),
                        Statistic.MAXIMUM);
            });

            assertEquals(1, points.size(), points::toString);
            assertEquals(0.0, points.get(0).value());
            assertEquals(Optional.of(0.0), held(moto, REGION, PRIMARY));
            assertEquals(Optional.of(7.5), held(moto, REGION, RECOVERY));
            assertEquals(Optional.empty(), held(moto, "us-east-1", PRIMARY), "published in the client's Region only");
            assertEquals(List.of(
                    new AwsCall("CloudWatch", "PutMetricData", REGION, 1, 200, 0, null),
                    new AwsCall("CloudWatch", "PutMetricData", REGION, 1, 200, 0, null),
                    new AwsCall("CloudWatch", "GetMetricStatistics", REGION, 1, 200, 0, null)),
                    log.calls().stream().map(c -> new AwsCall(c.service(), c.operation(), c.region(), c.attempts(), c.httpStatus(), 0,
                            c.error())).toList());
            assertEquals(List.of(true, true, false), log.calls().stream().map(AwsCall::mutating).toList());
        }
    }

    @Test
    void getMetricStatistics_whenNoData_returnsEmpty(MotoServer moto) {
        try (CloudWatchMetrics metrics = client(moto.endpoint(), moto).build()) {
            Instant now = Instant.now();

            assertEquals(List.of(), metrics.getMetricStatistics(PRIMARY, now.minusSeconds(900), now, Duration.ofMinutes(1),
                    Statistic.MAXIMUM));
        }
    }

    @Test
    void getMetricStatistics_whenAwsRejectsTheRequest_throwsItsCodeWithoutRetrying(MotoServer moto) {
        CallLog log = new CallLog();
        Instant now = Instant.now();
        try (CloudWatchMetrics metrics = client(moto.endpoint(), moto).build()) {
            CloudWatchMetricsException e = assertThrows(CloudWatchMetricsException.class, () -> log.bind(() ->
                    metrics.getMetricStatistics(PRIMARY, now, now, Duration.ofMinutes(1), Statistic.MAXIMUM)));

            assertEquals("InvalidParameterValue", e.errorCode());
            assertTrue(e.errorMessage().contains("StartTime must be less than"), e.errorMessage());
            assertEquals(400, e.httpStatus());
            assertEquals(1, e.attempts(), "a client error is not retried");
            assertTrue(e.getMessage().startsWith("CloudWatch GetMetricStatistics failed: InvalidParameterValue: "), e.getMessage());
            AwsCall call = log.calls().get(0);
            assertEquals(List.of("GetMetricStatistics", "InvalidParameterValue", "400", "1"),
                    List.of(call.operation(), call.error(), Integer.toString(call.httpStatus()), Integer.toString(call.attempts())));
        }
    }

    @Test
    void putMetricData_whenServiceUnavailableTwice_retriesAndPublishes(MotoServer moto) {
        CallLog log = new CallLog();
        try (ScriptedProxy proxy = ScriptedProxy.start(moto.endpoint(),
                ScriptedProxy.Answer.json(503, "ServiceUnavailable", "Service is unavailable"),
                ScriptedProxy.Answer.json(503, "ServiceUnavailable", "Service is unavailable"));
             CloudWatchMetrics metrics = client(proxy.endpoint(), moto).build()) {
            log.bind(() -> {
                metrics.putMetricData(PRIMARY, 0);
                return null;
            });

            assertEquals(3, proxy.requests().size());
            assertEquals(Optional.of(0.0), held(moto, REGION, PRIMARY));
            AwsCall call = log.calls().get(0);
            assertEquals(List.of(3, 200), List.of(call.attempts(), call.httpStatus()));
            assertEquals(null, call.error());
        }
    }

    @Test
    void putMetricData_whenThrottled_retriesAndPublishes(MotoServer moto) {
        CallLog log = new CallLog();
        try (ScriptedProxy proxy = ScriptedProxy.start(moto.endpoint(), ScriptedProxy.Answer.throttling());
             CloudWatchMetrics metrics = client(proxy.endpoint(), moto).build()) {
            log.bind(() -> {
                metrics.putMetricData(PRIMARY, 1);
                return null;
            });

            assertEquals(2, proxy.requests().size());
            assertEquals(Optional.of(1.0), held(moto, REGION, PRIMARY));
            assertEquals(2, log.calls().get(0).attempts());
        }
    }

    @Test
    void getMetricStatistics_whenServerErrorOutlastsTheAttempts_throwsTheLastCode(MotoServer moto) {
        CallLog log = new CallLog();
        ScriptedProxy.Answer failure = ScriptedProxy.Answer.json(500, "InternalFailure", "We encountered an internal error");
        Instant now = Instant.now();
        try (ScriptedProxy proxy = ScriptedProxy.start(moto.endpoint(), failure, failure, failure, failure);
             CloudWatchMetrics metrics = client(proxy.endpoint(), moto).maxAttempts(3).build()) {
            CloudWatchMetricsException e = assertThrows(CloudWatchMetricsException.class, () -> log.bind(() ->
                    metrics.getMetricStatistics(PRIMARY, now.minusSeconds(60), now, Duration.ofMinutes(1), Statistic.MAXIMUM)));

            assertEquals(List.of("InternalFailure", "We encountered an internal error"), List.of(e.errorCode(), e.errorMessage()));
            assertEquals(List.of(500, 3), List.of(e.httpStatus(), e.attempts()));
            assertEquals(3, proxy.requests().size(), "maxAttempts bounds the attempts");
            assertEquals("InternalFailure", log.calls().get(0).error());
        }
    }

    @Test
    void putMetricData_whenAnswerIsNotAwsJson_throwsUnknownWithStatusAndBody(MotoServer moto) {
        ScriptedProxy.Answer page = new ScriptedProxy.Answer(404, Map.of("Content-Type", "text/html"),
                "<!doctype html>\n<title>404 Not Found</title>");
        try (ScriptedProxy proxy = ScriptedProxy.start(moto.endpoint(), page);
             CloudWatchMetrics metrics = client(proxy.endpoint(), moto).build()) {
            CloudWatchMetricsException e = assertThrows(CloudWatchMetricsException.class, () -> metrics.putMetricData(PRIMARY, 0));

            assertEquals(List.of("Unknown", "HTTP 404: <!doctype html> <title>404 Not Found</title>"), List.of(e.errorCode(), e.errorMessage()));
            assertEquals(1, proxy.requests().size(), "a 404 is not retried");
        }
    }

    @Test
    void putMetricData_whenNothingAnswers_throwsAfterEveryAttempt(MotoServer moto) throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        CallLog log = new CallLog();
        try (CloudWatchMetrics metrics = client(URI.create("http://127.0.0.1:" + closedPort), moto).maxAttempts(2).build()) {
            CloudWatchMetricsException e = assertThrows(CloudWatchMetricsException.class, () -> log.bind(() -> {
                metrics.putMetricData(PRIMARY, 0);
                return null;
            }));

            assertEquals(List.of("ConnectException", "0", "2"),
                    List.of(e.errorCode(), Integer.toString(e.httpStatus()), Integer.toString(e.attempts())));
            assertTrue(e.errorMessage().startsWith("no answer from http://127.0.0.1:" + closedPort + "/"), e.errorMessage());
            assertEquals("ConnectException", log.calls().get(0).error());
        }
    }

    @Test
    void requests_whenSent_areJson10SignedForMonitoringInTheClientRegion(MotoServer moto) {
        StaticCredentialsProvider session = StaticCredentialsProvider.create(AwsSessionCredentials.create("testing", "testing", "session-token"));
        try (ScriptedProxy proxy = ScriptedProxy.start(moto.endpoint());
             CloudWatchMetrics metrics = client(proxy.endpoint(), moto).region(Region.EU_WEST_1).credentials(session).build()) {
            metrics.putMetricData(PRIMARY, 0);

            ScriptedProxy.Request request = proxy.requests().get(0);
            assertEquals("POST /", request.method() + " " + request.path());
            assertEquals("application/x-amz-json-1.0", request.header("Content-Type"));
            assertEquals("GraniteServiceVersion20100801.PutMetricData", request.header("X-Amz-Target"));
            assertEquals("session-token", request.header("X-Amz-Security-Token"));
            Matcher auth = Pattern.compile("AWS4-HMAC-SHA256 Credential=testing/[0-9]{8}/eu-west-1/monitoring/aws4_request, "
                    + "SignedHeaders=([a-z0-9;-]+), Signature=[0-9a-f]{64}").matcher(request.header("Authorization"));
            assertTrue(auth.matches(), request.header("Authorization"));
            assertTrue(List.of(auth.group(1).split(";")).containsAll(List.of("content-type", "host", "x-amz-date",
                    "x-amz-security-token", "x-amz-target")), auth.group(1));
            assertEquals(Optional.of(0.0), held(moto, "eu-west-1", PRIMARY));
        }
    }

    @Test
    void putMetricData_whenValueIsNotFinite_throwsNamingTheValueAndCallsNothing(MotoServer moto) {
        CallLog log = new CallLog();
        try (CloudWatchMetrics metrics = client(moto.endpoint(), moto).build()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> log.bind(() -> {
                metrics.putMetricData(PRIMARY, Double.NaN);
                return null;
            }));

            assertEquals("CloudWatchMetrics: value of drkit/SiteEnabled {Application=shop, Site=primary} must be a finite number (got NaN)",
                    e.getMessage());
            assertEquals(List.of(), log.calls());
        }
    }

    @Test
    void metric_whenNamespaceBlank_throwsNamingTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Metric(" ", "SiteEnabled", Map.of()));

        assertEquals("Metric: namespace must not be blank (got ' ')", e.getMessage());
    }

    @Test
    void endpoint_whenExplicit_winsOverTheEnvironment() {
        URI explicit = URI.create("http://127.0.0.1:4566");

        assertSame(explicit, CloudWatchMetrics.endpoint(explicit, Region.US_WEST_2, Map.of("AWS_ENDPOINT_URL", "http://other:1")::get));
    }

    @Test
    void endpoint_whenServiceVariableSet_winsOverTheGeneralOne() {
        Map<String, String> env = Map.of("AWS_ENDPOINT_URL_CLOUDWATCH", "http://127.0.0.1:5000", "AWS_ENDPOINT_URL", "http://127.0.0.1:4566");

        assertEquals(URI.create("http://127.0.0.1:5000"), CloudWatchMetrics.endpoint(null, Region.US_WEST_2, env::get));
        assertEquals(URI.create("http://127.0.0.1:4566"), CloudWatchMetrics.endpoint(null, Region.US_WEST_2,
                Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:4566")::get));
    }

    @Test
    void endpoint_whenNothingConfigured_isTheRegionsInItsPartition() {
        assertEquals(URI.create("https://monitoring.us-west-2.amazonaws.com"), CloudWatchMetrics.endpoint(null, Region.US_WEST_2, name -> null));
        assertEquals(URI.create("https://monitoring.cn-north-1.amazonaws.com.cn"), CloudWatchMetrics.endpoint(null, Region.CN_NORTH_1, name -> null));
    }

    @Test
    void endpoint_whenVariableIsNotAUrl_throwsNamingTheVariableAndValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CloudWatchMetrics.endpoint(null, Region.US_WEST_2, Map.of("AWS_ENDPOINT_URL", "localhost:4566")::get));

        assertEquals("AWS_ENDPOINT_URL must be an http or https URL (got 'localhost:4566')", e.getMessage());
    }

    @Test
    void metrics_whenAskedTwiceForARegion_sharesOneClientOnTheRuntimeEndpoint(MotoServer moto) {
        try (AwsClients clients = AwsClients.builder().region(Region.US_EAST_1).endpoint(moto.endpoint())
                .credentials(moto.credentials()).build()) {
            CloudWatchMetrics metrics = clients.metrics(REGION);

            assertSame(metrics, clients.metrics(REGION));
            assertEquals(Region.of(REGION), metrics.region());
            assertEquals(moto.endpoint().resolve("/"), metrics.endpoint());
            assertEquals(Region.US_EAST_1, clients.metrics(null).region(), "no Region: the clients' default");
        }
    }
}
