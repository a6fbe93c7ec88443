package io.github.drkit.runtime.scenario;

import static io.github.drkit.runtime.scenario.Emulator.RECOVERY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

import io.github.drkit.lambda.FailoverHandler;
import io.github.drkit.plan.RuntimePermissions;
import io.github.drkit.runtime.audit.AuditTrail;
import io.github.drkit.runtime.aws.AwsClients;
import io.github.drkit.testing.MotoServer;
import io.github.drkit.testing.MotoServerExtension;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The audit trail: every run's report (status, evaluate, failover, failback) kept in the bucket under
 * {@code <application>/<action>/<yyyy>/<mm>/<dd>/}, read back with the SDK's S3 client; a bucket that cannot be written
 * is said in the answer and the run stands; and the put is signed and allowed as the failover role makes it, IAM enforced.
 */
@ExtendWith(MotoServerExtension.class)
class AuditTrailScenarioTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BUCKET = "drkit-audit-test";

    private MotoServer moto;
    private Emulator emulator;
    private S3Client s3;
    private Emulator.PilotLightSite site;

    @BeforeEach
    void setUp(MotoServer moto) {
        this.moto = moto;
        emulator = new Emulator(moto);
        s3 = S3Client.builder().endpointOverride(moto.endpoint()).region(Region.of(RECOVERY)).credentialsProvider(moto.credentials())
                .forcePathStyle(true).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        s3.createBucket(b -> b.bucket(BUCKET).createBucketConfiguration(c -> c.locationConstraint(RECOVERY)));
        site = emulator.pilotLightSite();
    }

    @AfterEach
    void tearDown() {
        moto.iam().relax();
        s3.close();
        emulator.close();
    }

    private List<S3Object> kept() {
        return s3.listObjectsV2(r -> r.bucket(BUCKET)).contents();
    }

    @Test
    void handler_whenAuditBucketSet_keepsEachReportUnderApplicationActionAndDay() throws Exception {
        try (AwsClients clients = emulator.runtimeClients()) {
            FailoverHandler handler = new FailoverHandler(Map.of("DRKIT_PLAN", site.plan(10), "DRKIT_AUDIT_BUCKET", BUCKET), clients,
                    Duration.ofMillis(100));

            Map<String, Object> status = handler.handleRequest(Map.of("action", "status"), null);
            Map<String, Object> evaluate = handler.handleRequest(Map.of("action", "evaluate"), null);

            String statusAt = (String) status.get("auditTrail");
            String evaluateAt = (String) evaluate.get("auditTrail");
            assertTrue(statusAt.matches("s3://" + BUCKET + "/web/status/\\d{4}/\\d{2}/\\d{2}/\\d{8}T\\d{6}\\.\\d{3}Z-[0-9a-f-]+\\.json"), statusAt);
            assertTrue(evaluateAt.matches("s3://" + BUCKET + "/web/evaluate/\\d{4}/\\d{2}/\\d{2}/\\d{8}T\\d{6}\\.\\d{3}Z-[0-9a-f-]+\\.json"), evaluateAt);
            assertEquals(2, kept().size(), kept().toString());
            String key = evaluateAt.substring(("s3://" + BUCKET + "/").length());
            JsonNode body = JSON.readTree(s3.getObjectAsBytes(r -> r.bucket(BUCKET).key(key)).asUtf8String());
            assertEquals(evaluate.get("verdict"), body.get("verdict").asText());
            assertEquals(((Number) evaluate.get("calls")).intValue(), body.get("calls").asInt());
        }
    }

    @Test
    void handler_whenAuditBucketMissing_saysSoAndTheRunStands() {
        try (AwsClients clients = emulator.runtimeClients()) {
            FailoverHandler handler = new FailoverHandler(Map.of("DRKIT_PLAN", site.plan(10), "DRKIT_AUDIT_BUCKET", "drkit-audit-gone"),
                    clients, Duration.ofMillis(100));

            Map<String, Object> status = handler.handleRequest(Map.of("action", "status"), null);

            assertEquals("SUCCEEDED", status.get("outcome"));
            String said = (String) status.get("auditTrail");
            assertTrue(said.startsWith("not kept in s3://drkit-audit-gone/web/status/") && said.contains("NoSuchBucket")
                    && said.endsWith("(the run itself is unaffected)"), said);
        }
    }

    @Test
    void handler_underRoleFromTheTable_keepsTheFailoverReport() {
        Set<String> kinds = new TreeSet<>(List.of("fleet", "dns", "notifications", "audit"));
        AwsCredentialsProvider session = moto.iam().assume(moto.credentials(),
                moto.iam().createRole(moto.credentials(), "drkit-failover", RuntimePermissions.actions(kinds)), "failover");
        try (AwsClients clients = emulator.runtimeClients(session)) {
            FailoverHandler handler = new FailoverHandler(Map.of("DRKIT_PLAN", site.plan(10), "DRKIT_AUDIT_BUCKET", BUCKET), clients,
                    Duration.ofMillis(100));

            // With an invocation, so the put signs its request id metadata header as the role's session.
            Map<String, Object> failover = moto.iam().enforcing(() -> handler.handleRequest(Map.of("action", "failover"),
                    new Invocation("request-under-role")));

            assertEquals("SUCCEEDED", failover.get("outcome"), String.valueOf(failover));
            assertTrue(((String) failover.get("auditTrail")).startsWith("s3://" + BUCKET + "/web/failover/"), (String) failover.get("auditTrail"));
        }
        assertEquals(1, kept().size());
        assertEquals("request-under-role", s3.headObject(r -> r.bucket(BUCKET).key(kept().get(0).key())).metadata().get(AuditTrail.REQUEST_ID));
    }

    /** The invocation context Lambda passes: only the request id matters here. */
    private record Invocation(String requestId) implements Context {
        public String getAwsRequestId() { return requestId; }
        public String getLogGroupName() { return "/aws/lambda/drkit-failover"; }
        public String getLogStreamName() { return "stream"; }
        public String getFunctionName() { return "drkit-failover"; }
        public String getFunctionVersion() { return "1"; }
        public String getInvokedFunctionArn() { return "arn:aws:lambda:us-west-2:123456789012:function:drkit-failover"; }
        public CognitoIdentity getIdentity() { return null; }
        public ClientContext getClientContext() { return null; }
        public int getRemainingTimeInMillis() { return 0; }
        public int getMemoryLimitInMB() { return 1024; }
        public LambdaLogger getLogger() { return null; }
    }

    @Test
    void handler_whenRunsShareARunId_keysTheirReportsByItAndKeepsEachRequestIdAsMetadata() throws Exception {
        try (AwsClients clients = emulator.runtimeClients()) {
            FailoverHandler handler = new FailoverHandler(Map.of("DRKIT_PLAN", site.plan(10), "DRKIT_AUDIT_BUCKET", BUCKET), clients,
                    Duration.ofMillis(100));

            Map<String, Object> dryRun = handler.handleRequest(Map.of("action", "failover", "dryRun", true, "runId", "recovery-42"),
                    new Invocation("request-1"));
            Map<String, Object> failover = handler.handleRequest(Map.of("action", "failover", "runId", "recovery-42"),
                    new Invocation("request-2"));
            Map<String, Object> status = handler.handleRequest(Map.of("action", "status"), new Invocation("request-3"));

            assertEquals("recovery-42", dryRun.get("runId"));
            assertEquals("recovery-42", failover.get("runId"));
            Map<String, String> requestIds = new java.util.TreeMap<>();
            for (Map<String, Object> answer : List.of(dryRun, failover, status)) {
                String at = (String) answer.get("auditTrail");
                assertTrue(at.endsWith("-" + answer.get("runId") + ".json"), at);
                String key = at.substring(("s3://" + BUCKET + "/").length());
                JsonNode body = JSON.readTree(s3.getObjectAsBytes(r -> r.bucket(BUCKET).key(key)).asUtf8String());
                assertEquals(answer.get("runId"), body.get("runId").asText());
                requestIds.put(key, s3.headObject(r -> r.bucket(BUCKET).key(key)).metadata().get(AuditTrail.REQUEST_ID));
            }
            // A status run continues no recovery: it gets an id of its own.
            assertTrue(((String) status.get("runId")).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), (String) status.get("runId"));
            assertEquals(List.of("request-1", "request-2", "request-3"), requestIds.values().stream().sorted().toList());
            assertEquals(2, kept().stream().filter(o -> o.key().endsWith("-recovery-42.json")).count(), kept().toString());
        }
    }

    @Test
    void key_whenPartsHoldOtherCharacters_replacesThemSoTheKeyNeedsNoEncoding() {
        String key = AuditTrail.key("shop eu", "failover", java.time.Instant.parse("2026-12-04T07:58:09Z"), "id:1/2");

        assertEquals("shop-eu/failover/2026/12/04/20261204T075809.000Z-id-1-2.json", key);
    }
}
