package io.github.drkit.lambda;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.github.drkit.runtime.aws.AwsClients;
import io.github.drkit.runtime.engine.Action;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * {@code restore} of a plan with a {@code restoreBackup} step: a resource type it cannot restore, restore metadata AWS
 * Backup does not document, a time in the future or one before every recovery point exits 2 naming the field, and no
 * restore job is started. The recovery points come from a recorded AWS Backup: the emulator serves none.
 */
class CliRestoreBackupBadInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VOLUME = "arn:aws:ec2:us-east-1:111111111111:volume/vol-0123456789abcdef0";
    private static final String STEP = """
            {"kind": "restoreBackup", "backupVaultName": "shop-recovery", "resourceType": "%s", "resourceArn": "%s",
             "restoreRoleArn": "arn:aws:iam::111111111111:role/shop-backup-restore", "restoreMetadata": %s}""";
    private static final String PLAN = """
            {"version": 2, "application": "shop", "strategy": "BACKUP_RESTORE", "primaryRegion": "us-east-1", "recoveryRegion": "us-west-2",
             "stages": [{"name": "data", "steps": [%s]}]}""";

    @TempDir
    Path dir;
    private WireMockServer backup;
    private Instant pointTime;

    @BeforeEach
    void setUp() {
        backup = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        backup.start();
        pointTime = Instant.now().minus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        backup.stubFor(get(urlPathEqualTo("/backup-vaults/shop-recovery/recovery-points/")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"RecoveryPoints": [{"RecoveryPointArn": "arn:aws:ec2:us-west-2::snapshot/snap-0000000000000000b", "ResourceArn": "%s",
                          "ResourceType": "EBS", "Status": "COMPLETED", "CreationDate": %d}]}""".formatted(VOLUME, pointTime.getEpochSecond()))));
        backup.stubFor(get(urlPathEqualTo("/restore-jobs/")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"RestoreJobs\": []}")));
    }

    @AfterEach
    void tearDown() {
        backup.stop();
    }

    private Path plan(String type, String arn, String metadata) throws IOException {
        Path file = dir.resolve("plan.json");
        Files.writeString(file, PLAN.formatted(STEP.formatted(type, arn, metadata)));
        return file;
    }

    private AwsClients clients() {
        return AwsClients.builder().region(Region.of("us-west-2")).endpoint(URI.create(backup.baseUrl()))
                .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret"))).maxAttempts(1).build();
    }

    private void assertInvalid(String field, String text, String... args) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        RecoveryCommand command = new RecoveryCommand(Action.RESTORE, plan -> clients(), Duration.ofMillis(50),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        int code = command.run(args);

        assertEquals(2, code, err.toString(StandardCharsets.UTF_8) + out.toString(StandardCharsets.UTF_8));
        JsonNode json = JSON.readTree(out.toString(StandardCharsets.UTF_8));
        assertEquals("INVALID_INPUT", json.get("outcome").asText());
        assertEquals(field, json.get("field").asText(), json.toString());
        assertTrue(json.get("message").asText().contains(text), json.get("message").asText());
        assertTrue(backup.getAllServeEvents().stream().allMatch(e -> e.getRequest().getMethod().getName().equals("GET")),
                "no restore job started");
    }

    @Test
    void restore_whenResourceTypeCannotBeRestored_namesIt() throws IOException {
        assertInvalid("stages[0].steps[0].resourceType", "must be a resource type the restore can start through AWS Backup, one of EBS, EC2, RDS,"
                + " Aurora, DynamoDB, EFS (got 'FSx')", "--plan", plan("FSx", VOLUME, "{}").toString());
    }

    @Test
    void restore_whenRequiredMetadataIsMissing_namesTheKey() throws IOException {
        assertInvalid("stages[0].steps[0].restoreMetadata.availabilityZone", "is required to restore an EBS volume through AWS Backup",
                "--plan", plan("EBS", VOLUME, "{}").toString());
    }

    @Test
    void restore_whenMetadataKeyIsNotAwsBackups_namesTheKey() throws IOException {
        assertInvalid("stages[0].steps[0].restoreMetadata.zone", "is not restore metadata AWS Backup documents for EBS (got key 'zone'",
                "--plan", plan("EBS", VOLUME, "{\"availabilityZone\": \"us-west-2a\", \"zone\": \"b\"}").toString());
    }

    @Test
    void restore_whenBeforeIsInTheFuture_namesIt() throws IOException {
        String later = Instant.now().plus(Duration.ofDays(1)).toString();

        assertInvalid("--before", "must not be in the future (got " + later, "--plan",
                plan("EBS", VOLUME, "{\"availabilityZone\": \"us-west-2a\"}").toString(), "--before", later);
    }

    @Test
    void restore_whenNoRecoveryPointIsAtOrBeforeTheTime_namesBeforeAndStartsNothing() throws IOException {
        String earlier = pointTime.minus(Duration.ofDays(3)).toString();

        // Found while choosing the point, after the options were read: the engine names the request's field, as for restoreDatabase.
        assertInvalid("before", "no completed AWS Backup recovery point of " + VOLUME + " in vault 'shop-recovery' (us-west-2) was taken at or"
                + " before " + earlier, "--plan", plan("EBS", VOLUME, "{\"availabilityZone\": \"us-west-2a\"}").toString(), "--before", earlier);
        assertTrue(!backup.getAllServeEvents().isEmpty(), "the recovery points were read");
        assertEquals(List.of(), backup.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().equals("/restore-jobs")).toList());
    }
}
