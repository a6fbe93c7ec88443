package io.github.drkit.lambda;

import static io.github.drkit.runtime.scenario.Emulator.RECOVERY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.drkit.runtime.aws.AwsClients;
import io.github.drkit.runtime.engine.InvalidRequestException;
import io.github.drkit.runtime.scenario.Emulator;
import io.github.drkit.runtime.validation.BackupValidations;
import io.github.drkit.testing.LambdaRuntimeApi;
import io.github.drkit.testing.MotoServer;
import io.github.drkit.testing.MotoServerExtension;
import software.amazon.awssdk.regions.Region;

/**
 * The restore validation handler in process and exactly as Lambda runs it (the real Java runtime interface client
 * polling a Runtime API served by the test): it reads the restored volume from the emulator and reports to the
 * PutRestoreValidationResult stand-in, and a bad event fails the invocation naming the field with nothing reported.
 */
@ExtendWith(MotoServerExtension.class)
class RestoreValidationHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PLAN = "arn:aws:backup:us-west-2:123456789012:restore-testing-plan:shop_restore_test-8f0a6b1c";

    @TempDir
    Path dir;
    private Emulator emulator;
    private BackupValidations backup;
    private MotoServer moto;

    @BeforeEach
    void setUp(MotoServer moto) {
        this.moto = moto;
        emulator = new Emulator(moto);
        backup = new BackupValidations();
    }

    @AfterEach
    void tearDown() {
        backup.close();
        emulator.close();
    }

    private Map<String, String> environment() {
        return Map.of("AWS_REGION", RECOVERY, "AWS_ENDPOINT_URL", moto.endpoint().toString(), "AWS_ENDPOINT_URL_BACKUP",
                backup.endpoint().toString(), "AWS_ACCESS_KEY_ID", "testing", "AWS_SECRET_ACCESS_KEY", "testing",
                RestoreValidationHandler.PLAN_ARN, PLAN);
    }

    private String event(String volumeId, String plan) {
        return """
                {"version": "0", "id": "45553104-c15f-39e3-a3ed-0b8c2f58de87", "detail-type": "Restore Job State Change",
                 "source": "aws.backup", "account": "123456789012", "time": "2026-12-04T01:10:58Z", "region": "us-west-2",
                 "resources": ["arn:aws:ec2:us-west-2::snapshot/snap-0123456789abcdef0"],
                 "detail": {"restoreJobId": "D59196C8-8951-4C80-E71E-8F41E6D364E5", "backupSizeInBytes": "8589934592",
                   "creationDate": "2026-12-04T01:02:39.032Z", "iamRoleArn": "arn:aws:iam::123456789012:role/drkit-backup",
                   "percentDone": 0.0, "resourceType": "EBS", "status": "COMPLETED",
                   "createdResourceArn": "arn:aws:ec2:us-west-2:123456789012:volume/%s",
                   "completionDate": "2026-12-04T01:09:55.681Z", "restoreTestingPlanArn": "%s"}}""".formatted(volumeId, plan);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> eventMap(String volumeId, String plan) throws IOException {
        return JSON.readValue(event(volumeId, plan), Map.class);
    }

    @Test
    void handleRequest_whenRestoredVolumeAvailable_reportsSuccessfulAndReturnsIt() throws IOException {
        String volume = emulator.ec2(RECOVERY).createVolume(v -> v.availabilityZone(RECOVERY + "a").size(8)).volumeId();
        Map<String, String> env = environment();
        Map<String, Object> answer;
        try (AwsClients aws = AwsClients.builder().region(Region.of(RECOVERY)).credentials(moto.credentials()).environment(env).build()) {
            answer = new RestoreValidationHandler(env, aws, Duration.ofMillis(50)).handleRequest(eventMap(volume, PLAN), null);
        }

        String message = "checked EBS volume " + volume + " in us-west-2 (Ec2 DescribeVolumes): status available";
        assertEquals("SUCCESSFUL", answer.get("validationStatus"));
        assertEquals(message, answer.get("message"));
        assertEquals(List.of(new BackupValidations.Sent("D59196C8-8951-4C80-E71E-8F41E6D364E5", "SUCCESSFUL", message)), backup.sent());
    }

    @Test
    void handleRequest_whenOtherPlansJob_failsNamingThePlanAndReportsNothing() throws IOException {
        Map<String, String> env = environment();
        Map<String, Object> event = eventMap("vol-0123456789abcdef0", "arn:aws:backup:us-west-2:123456789012:restore-testing-plan:other-1");
        try (AwsClients aws = AwsClients.builder().region(Region.of(RECOVERY)).credentials(moto.credentials()).environment(env).build()) {
            RestoreValidationHandler handler = new RestoreValidationHandler(env, aws, Duration.ofMillis(50));

            InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> handler.handleRequest(event, null));

            assertEquals("detail.restoreTestingPlanArn", e.field());
        }
        assertEquals(List.of(), backup.sent());
    }

    @Test
    void handleRequest_whenRunByRuntimeInterfaceClient_validatesAndRejectsBadEvent() throws Exception {
        String volume = emulator.ec2(RECOVERY).createVolume(v -> v.availabilityZone(RECOVERY + "a").size(8)).volumeId();
        try (LambdaRuntimeApi runtimeApi = LambdaRuntimeApi.start()) {
            runtimeApi.invoke(event(volume, PLAN));
            runtimeApi.invoke(event(volume, PLAN).replace("\"COMPLETED\"", "\"ABORTED\""));

            runtimeApi.startFunction(System.getProperty("java.class.path"), RestoreValidationHandler.class.getName() + "::handleRequest",
                    environment(), dir.resolve("function.log"));

            LambdaRuntimeApi.Answer validated = runtimeApi.next();
            assertEquals("response", validated.kind(), validated.body() + "\n" + runtimeApi.output());
            JsonNode report = JSON.readTree(validated.body());
            assertEquals("SUCCESSFUL", report.get("validationStatus").asText(), validated.body());

            LambdaRuntimeApi.Answer rejected = runtimeApi.next();
            assertEquals("error", rejected.kind(), rejected.body());
            JsonNode error = JSON.readTree(rejected.body());
            assertEquals(InvalidRequestException.class.getName(), error.get("errorType").asText(), rejected.body());
            assertEquals("detail.status: must be COMPLETED: only a completed restore job has a resource to validate (got 'ABORTED')",
                    error.get("errorMessage").asText());
            assertTrue(runtimeApi.output().contains("drkit restore validation SUCCESSFUL for restore job D59196C8-8951-4C80-E71E-8F41E6D364E5"),
                    runtimeApi.output());
        }
        assertEquals(1, backup.sent().size(), backup.sent().toString());
    }
}
