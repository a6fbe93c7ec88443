package io.github.drkit.runtime.aws;

import static io.github.drkit.runtime.scenario.Emulator.PRIMARY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.drkit.testing.MotoServer;
import io.github.drkit.testing.MotoServerExtension;
import software.amazon.awssdk.regions.Region;

/** Bad answers on the wire, from a loopback proxy in front of the emulator that answers the first requests itself. */
@ExtendWith(MotoServerExtension.class)
class WireRetriesTest {
    private static final Map<String, String> SITE = Map.of("Site", "on-premises");

    private static AwsClients through(ScriptedProxy proxy, MotoServer moto, int attempts) {
        return AwsClients.builder().region(Region.of(PRIMARY)).endpoint(proxy.endpoint()).credentials(moto.credentials())
                .maxAttempts(attempts).backoff(Duration.ofMillis(1), Duration.ofMillis(5)).build();
    }

    @Test
    void send_when503And500ThenAnswer_retriesAndTheCallLands(MotoServer moto) {
        CallLog log = new CallLog();
        try (ScriptedProxy proxy = ScriptedProxy.start(moto.endpoint(),
                new ScriptedProxy.Answer(503, Map.of(), "Service Unavailable"),
                ScriptedProxy.Answer.json(500, "InternalFailure", "internal error"));
             AwsClients aws = through(proxy, moto, 6)) {

            log.bind(() -> { aws.cloudWatch().putMetric(PRIMARY, "drkit/switch", "SiteUp", SITE, 0.0); return null; });

            AwsCall call = log.calls().get(0);
            assertEquals(List.of("CloudWatch", "PutMetricData", 3, 200), List.of(call.service(), call.operation(), call.attempts(),
                    call.httpStatus()));
            ScriptedProxy.Request first = proxy.requests().get(0);
            assertEquals("GraniteServiceVersion20100801.PutMetricData", first.header("X-Amz-Target"));
            assertEquals("application/x-amz-json-1.0", first.header("Content-Type"));
            assertEquals("true", first.header("x-amzn-query-mode"));
            assertTrue(first.header("Authorization").matches("AWS4-HMAC-SHA256 Credential=\\w+/\\d{8}/us-east-1/monitoring/aws4_request, "
                    + "SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}"), first.header("Authorization"));
            assertEquals(Optional.of(0.0), aws.cloudWatch().latestMaximum(PRIMARY, "drkit/switch", "SiteUp", SITE, Duration.ofMinutes(15)));
        }
    }

    @Test
    void send_whenThrottledOnEveryAttempt_failsWithTheCodeAfterTheLastAttempt(MotoServer moto) {
        try (ScriptedProxy proxy = ScriptedProxy.start(moto.endpoint(),
                ScriptedProxy.Answer.throttling(), ScriptedProxy.Answer.throttling(), ScriptedProxy.Answer.throttling());
             AwsClients aws = through(proxy, moto, 3)) {

            AwsServiceError error = assertThrows(AwsServiceError.class,
                    () -> aws.cloudWatch().putMetric(PRIMARY, "drkit/switch", "SiteUp", SITE, 1.0));

            assertEquals(400, error.statusCode());
            assertTrue(error.is("Throttling"), error.getMessage());
            assertEquals(3, proxy.requests().size());
        }
    }

    @Test
    void send_whenServiceRefuses_doesNotRetry(MotoServer moto) {
        try (ScriptedProxy proxy = ScriptedProxy.start(moto.endpoint(),
                ScriptedProxy.Answer.json(400, "InvalidParameterValue", "The value -1 for parameter Value is invalid."));
             AwsClients aws = through(proxy, moto, 6)) {

            AwsServiceError error = assertThrows(AwsServiceError.class,
                    () -> aws.cloudWatch().putMetric(PRIMARY, "drkit/switch", "SiteUp", SITE, -1.0));

            assertEquals("CloudWatch PutMetricData failed: InvalidParameterValue (HTTP 400): The value -1 for parameter Value is invalid.",
                    error.getMessage());
            assertEquals(1, proxy.requests().size());
        }
    }
}
