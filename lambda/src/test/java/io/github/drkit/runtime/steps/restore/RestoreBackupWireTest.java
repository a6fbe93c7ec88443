package io.github.drkit.runtime.steps.restore;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.github.drkit.lambda.FailoverHandler;
import io.github.drkit.plan.InvalidInputException;
import io.github.drkit.plan.PlanValidationException;
import io.github.drkit.plan.RecoveryPlan;
import io.github.drkit.plan.RestoreBackupPlan;
import io.github.drkit.runtime.aws.AwsClients;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * {@code restoreBackup} end to end through the handler, against a recorded HTTP server answering as AWS Backup does
 * (the shapes of the SDK's Backup model, which the conformance suite holds the facade to): the emulator serves no
 * recovery points and no restore jobs. It shows the paths only such answers reach: the choice of the point, one job per
 * point (a job an earlier run started is followed, not doubled), the wait through RUNNING within the deadline, a failed
 * job, the report's ages and restore time, and failback listing the restored resource without deleting it.
 */
class RestoreBackupWireTest {
    private static final String VOLUME = "arn:aws:ec2:us-east-1:111111111111:volume/vol-0123456789abcdef0";
    private static final String OLDER = "arn:aws:ec2:us-west-2::snapshot/snap-0000000000000000a";
    private static final String LATEST = "arn:aws:ec2:us-west-2::snapshot/snap-0000000000000000b";
    private static final String RESTORED = "arn:aws:ec2:us-west-2:111111111111:volume/vol-0fedcba9876543210";
    private static final String ROLE = "arn:aws:iam::111111111111:role/shop-backup-restore";
    private static final String PLAN = """
            {"version": 2, "application": "shop", "strategy": "BACKUP_RESTORE", "primaryRegion": "us-east-1", "recoveryRegion": "us-west-2",
             "stages": [{"name": "data", "steps": [
               {"kind": "restoreBackup", "backupVaultName": "shop-recovery", "resourceType": "EBS", "resourceArn": "%s",
                "restoreRoleArn": "%s", "restoreMetadata": {"availabilityZone": "us-west-2a", "volumeType": "gp3"}, "rpoSeconds": 86400}]}]}
            """.formatted(VOLUME, ROLE);
    private static final String JOBS_PATH = "/restore-jobs/";

    private WireMockServer backup;
    private AwsClients clients;
    private Instant olderTime;
    private Instant latestTime;

    @BeforeEach
    void setUp() {
        backup = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        backup.start();
        clients = AwsClients.builder().region(Region.of("us-west-2")).endpoint(java.net.URI.create(backup.baseUrl()))
                .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret"))).maxAttempts(1).build();
        latestTime = Instant.now().minus(Duration.ofHours(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        olderTime = latestTime.minus(Duration.ofDays(1));
        backup.stubFor(get(urlPathEqualTo("/backup-vaults/shop-recovery/recovery-points/")).withQueryParam("resourceArn", equalTo(VOLUME))
                .willReturn(json("""
                        {"RecoveryPoints": [%s, %s,
                          {"RecoveryPointArn": "arn:aws:ec2:us-west-2::snapshot/snap-0000000000000000c", "ResourceArn": "%s",
                           "ResourceType": "EBS", "Status": "CREATING", "CreationDate": %d}]}""".formatted(point(OLDER, olderTime),
                        point(LATEST, latestTime), VOLUME, Instant.now().getEpochSecond()))));
        backup.stubFor(put(urlPathEqualTo("/restore-jobs")).willReturn(json("{\"RestoreJobId\": \"job-1\"}")));
    }

    @AfterEach
    void tearDown() {
        clients.close();
        backup.stop();
    }

    private static String point(String arn, Instant time) {
        return """
                {"RecoveryPointArn": "%s", "BackupVaultName": "shop-recovery", "ResourceArn": "%s", "ResourceType": "EBS",
                 "Status": "COMPLETED", "CreationDate": %d.5, "CompletionDate": %d}""".formatted(arn, VOLUME, time.getEpochSecond(),
                time.getEpochSecond() + 600);
    }

    private static String job(String id, String point, String status, String testingPlan) {
        long created = Instant.now().minus(Duration.ofMinutes(20)).getEpochSecond();
        return """
                {"RestoreJobId": "%s", "RecoveryPointArn": "%s", "Status": "%s", "StatusMessage": "%s", "ResourceType": "EBS",
                 "CreationDate": %d, %s "CreatedBy": {"RestoreTestingPlanArn": "%s"}}""".formatted(id, point, status,
                status.equals("FAILED") ? "Insufficient capacity in us-west-2a" : "", created,
                status.equals("COMPLETED") ? "\"CompletionDate\": " + (created + 754) + ", \"CreatedResourceArn\": \"" + RESTORED + "\"," : "",
                testingPlan);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withHeader("x-amzn-RequestId", "wire-1").withBody(body);
    }

    private void jobsListed(String... jobs) {
        backup.stubFor(get(urlPathEqualTo(JOBS_PATH)).willReturn(json("{\"RestoreJobs\": [" + String.join(", ", jobs) + "]}")));
    }

    /** DescribeRestoreJob answers each status in turn, then the last one for good. */
    private void jobGoesThrough(String id, String point, String... statuses) {
        String state = Scenario.STARTED;
        for (int i = 0; i < statuses.length; i++) {
            String next = i == statuses.length - 1 ? state : "answer " + (i + 1);
            backup.stubFor(get(urlPathEqualTo("/restore-jobs/" + id)).inScenario(id).whenScenarioStateIs(state)
                    .willReturn(json(job(id, point, statuses[i], ""))).willSetStateTo(next));
            state = next;
        }
    }

    private Map<String, Object> run(Map<String, Object> event) {
        return new FailoverHandler(Map.of("DRKIT_PLAN", PLAN), clients, Duration.ofMillis(20)).handleRequest(event, null);
    }

    private List<LoggedRequest> starts() {
        return backup.findAll(putRequestedFor(urlPathEqualTo("/restore-jobs")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> details(Map<String, Object> report, String which) {
        List<Map<String, Object>> steps = (List<Map<String, Object>>) ((Map<String, Object>) report.get(which)).get("steps");
        return (Map<String, Object>) steps.get(0).get("details");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> step(Map<String, Object> report) {
        return ((List<Map<String, Object>>) report.get("steps")).stream().filter(s -> "stages[0].steps[0]".equals(s.get("resource")))
                .findFirst().orElseThrow(() -> new AssertionError(String.valueOf(report)));
    }

    @Test
    void restore_whenDryRun_listsTheLatestCompletedPointAndStartsNothing() {
        jobsListed();

        Map<String, Object> report = run(Map.of("action", "restore", "dryRun", true));

        assertEquals("DRY_RUN", report.get("outcome"), String.valueOf(report));
        String changes = String.valueOf(step(report).get("changes"));
        assertTrue(changes.contains("from recovery point " + LATEST + " of " + latestTime.plusMillis(500)), changes);
        assertTrue(changes.contains("(RPO 24 h: met)"), changes);
        assertEquals(LATEST, details(report, "stateBefore").get("recoveryPoint"));
        assertEquals(List.of(), starts());
    }

    @Test
    void restore_whenNoJobYet_startsOneJobWithTheMetadataAndWaitsUntilItCompletes() {
        jobsListed();
        jobGoesThrough("job-1", LATEST, "PENDING", "RUNNING", "COMPLETED");

        Map<String, Object> report = run(Map.of("action", "restore"));

        assertEquals("SUCCEEDED", report.get("outcome"), String.valueOf(report));
        assertEquals(1, starts().size());
        RestoreBackupPlan step = RecoveryPlan.parse(PLAN).steps(RestoreBackupPlan.class).get(0);
        String token = RestoreBackupExecutor.idempotencyToken(step, new RecoveryPoint(LATEST, latestTime), 0);
        backup.verify(putRequestedFor(urlPathEqualTo("/restore-jobs")).withRequestBody(equalToJson("""
                {"RecoveryPointArn": "%s", "IamRoleArn": "%s", "ResourceType": "EBS", "IdempotencyToken": "%s",
                 "Metadata": {"availabilityZone": "us-west-2a", "volumeType": "gp3"}}""".formatted(LATEST, ROLE, token))));
        String detail = String.valueOf(step(report).get("detail"));
        assertTrue(detail.contains("restore job job-1 started from " + LATEST + "; completed in 754 s, restored resource " + RESTORED), detail);
        assertTrue(backup.findAll(getRequestedFor(urlPathEqualTo("/restore-jobs/job-1"))).size() >= 3, "waited through PENDING and RUNNING");
    }

    @Test
    void restore_whenAnEarlierRunsJobIsRunning_followsItAndStartsNoSecond() {
        jobsListed(job("job-0", LATEST, "RUNNING", ""));
        jobGoesThrough("job-0", LATEST, "RUNNING", "COMPLETED");

        Map<String, Object> report = run(Map.of("action", "restore"));

        // The run changed nothing itself: it waited for the job it found.
        assertEquals("ALREADY_DONE", report.get("outcome"), String.valueOf(report));
        assertEquals("DONE", step(report).get("outcome"));
        assertEquals(List.of(), starts());
        assertTrue(String.valueOf(step(report).get("detail")).contains("restore job job-0 under way; completed in 754 s"), String.valueOf(report));
    }

    @Test
    void restore_whenTheJobOfThePointCompleted_isAlreadyDoneAndReportsRestoreTime() {
        jobsListed(job("job-0", LATEST, "COMPLETED", ""), job("job-9", OLDER, "COMPLETED", ""));

        Map<String, Object> report = run(Map.of("action", "restore"));

        assertEquals("ALREADY_DONE", report.get("outcome"), String.valueOf(report));
        assertEquals(List.of(), starts());
        Map<String, Object> details = details(report, "stateAfter");
        assertEquals("job-0", details.get("restoreJobId"));
        assertEquals(RESTORED, details.get("restoredResourceArn"));
        assertEquals(754L, ((Number) details.get("restoreSeconds")).longValue());
        assertEquals(true, details.get("rpoMet"));
    }

    @Test
    void restore_whenOnlyARestoreTestRestoredThePoint_startsItsOwnJob() {
        jobsListed(job("test-1", LATEST, "COMPLETED", "arn:aws:backup:us-west-2:111111111111:restore-testing-plan:weekly-1a2b"));
        jobGoesThrough("job-1", LATEST, "COMPLETED");

        Map<String, Object> report = run(Map.of("action", "restore"));

        assertEquals("SUCCEEDED", report.get("outcome"), String.valueOf(report));
        assertEquals(1, starts().size());
    }

    @Test
    void restore_whenBeforeIsGiven_restoresTheLatestPointAtOrBeforeIt() {
        jobsListed();
        jobGoesThrough("job-1", OLDER, "COMPLETED");

        Map<String, Object> report = run(Map.of("action", "restore", "before", olderTime.plus(Duration.ofHours(1)).toString()));

        assertEquals("SUCCEEDED", report.get("outcome"), String.valueOf(report));
        assertTrue(starts().get(0).getBodyAsString().contains(OLDER), starts().get(0).getBodyAsString());
    }

    @Test
    void restore_whenNoPointIsAtOrBeforeTheTime_refusesNamingBeforeAndStartsNothing() {
        jobsListed();

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> run(Map.of("action", "restore", "before", olderTime.minus(Duration.ofDays(1)).toString())));

        assertEquals("before", e.field());
        assertTrue(e.getMessage().contains("no completed AWS Backup recovery point of " + VOLUME + " in vault 'shop-recovery' (us-west-2) was taken"
                + " at or before"), e.getMessage());
        assertEquals(List.of(), starts());
    }

    @Test
    void restore_whenTheJobFails_failsTheStepWithAwsBackupsMessage() {
        jobsListed();
        jobGoesThrough("job-1", LATEST, "RUNNING", "FAILED");

        Map<String, Object> report = run(Map.of("action", "restore"));

        assertEquals("FAILED", report.get("outcome"), String.valueOf(report));
        String detail = String.valueOf(step(report).get("detail"));
        assertTrue(detail.contains("the job ended FAILED: Insufficient capacity in us-west-2a"), detail);
    }

    @Test
    void restore_afterAFailedJob_startsANewJobWithAnotherToken() {
        jobsListed(job("job-0", LATEST, "FAILED", ""));
        jobGoesThrough("job-1", LATEST, "COMPLETED");

        Map<String, Object> report = run(Map.of("action", "restore"));

        assertEquals("SUCCEEDED", report.get("outcome"), String.valueOf(report));
        RestoreBackupPlan step = RecoveryPlan.parse(PLAN).steps(RestoreBackupPlan.class).get(0);
        RecoveryPoint point = new RecoveryPoint(LATEST, latestTime);
        String body = starts().get(0).getBodyAsString();
        assertTrue(body.contains(RestoreBackupExecutor.idempotencyToken(step, point, 1)), body);
        assertTrue(!body.contains(RestoreBackupExecutor.idempotencyToken(step, point, 0)), "not the failed job's token: " + body);
    }

    @Test
    void restore_whenTheDeadlineComesFirst_saysWhatItWaitsForAndStopsAtTheDeadline() {
        jobsListed();
        jobGoesThrough("job-1", LATEST, "RUNNING");
        java.io.ByteArrayOutputStream progress = new java.io.ByteArrayOutputStream();
        FailoverHandler handler = new FailoverHandler(Map.of("DRKIT_PLAN", PLAN), clients, Duration.ofMillis(20),
                io.github.drkit.runtime.engine.Progress.jsonLines(new java.io.PrintStream(progress, true, java.nio.charset.StandardCharsets.UTF_8)));

        Map<String, Object> report = handler.handleRequest(Map.of("action", "restore", "deadlineSeconds", 2), null);

        assertEquals("FAILED", report.get("outcome"), String.valueOf(report));
        assertTrue(String.valueOf(report.get("message")).contains("failed at the deadline of 2 s"), String.valueOf(report.get("message")));
        String lines = progress.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(lines.contains("waiting for AWS Backup restore job job-1 to complete (now RUNNING)"), lines);
        assertEquals(1, starts().size());
    }

    @Test
    void failback_afterRestore_listsTheRestoredResourceAndDeletesNothing() {
        jobsListed(job("job-0", LATEST, "COMPLETED", ""));

        Map<String, Object> report = run(Map.of("action", "failback"));

        @SuppressWarnings("unchecked")
        List<String> left = (List<String>) report.get("leftForOperator");
        assertEquals(List.of("stages[0].steps[0]: EBS resource " + RESTORED + " in us-west-2 was restored by AWS Backup restore job job-0 from"
                + " recovery point " + LATEST + " and is left as it is; drkit never deletes it. Delete it when the primary serves again and its"
                + " data is no longer needed."), left);
        assertTrue(backup.getAllServeEvents().stream().allMatch(e -> e.getRequest().getMethod().getName().equals("GET")),
                "failback only reads");
    }

    @Test
    void restore_whenAJobRestoredAnOlderPoint_isAlreadyDoneAndStartsNoSecondJob() {
        // An earlier `restore --before` restored OLDER; LATEST arrived since: restoring it too would be a second resource.
        jobsListed(job("job-0", OLDER, "COMPLETED", ""));

        Map<String, Object> report = run(Map.of("action", "restore"));

        assertEquals("ALREADY_DONE", report.get("outcome"), String.valueOf(report));
        assertEquals(List.of(), starts());
        Map<String, Object> details = details(report, "stateAfter");
        assertEquals("job-0", details.get("restoreJobId"));
        assertEquals(OLDER, details.get("recoveryPoint"));
        assertEquals(olderTime.plusMillis(500).toString(), details.get("recoveryPointTime"));
        assertEquals(List.of(olderTime.plusMillis(500).toString()), backup.findAll(getRequestedFor(urlPathEqualTo(JOBS_PATH))).stream()
                .map(r -> r.queryParameter("createdAfter").firstValue()).distinct().toList(), "one listing from the earliest point covers all");
    }

    @Test
    void failback_afterARestoreOfAnOlderPoint_listsThatJobsResource() {
        jobsListed(job("job-0", OLDER, "COMPLETED", ""), job("job-8", LATEST, "FAILED", ""));

        Map<String, Object> report = run(Map.of("action", "failback"));

        @SuppressWarnings("unchecked")
        List<String> left = (List<String>) report.get("leftForOperator");
        assertEquals(1, left.size(), String.valueOf(report));
        assertTrue(left.get(0).startsWith("stages[0].steps[0]: EBS resource " + RESTORED + " in us-west-2 was restored by AWS Backup restore job"
                + " job-0 from recovery point " + OLDER + " "), left.get(0));
    }

    @Test
    void failback_whileTheJobRuns_saysAResourceWillAppearFromThatJob() {
        jobsListed(job("job-0", OLDER, "RUNNING", ""));

        Map<String, Object> report = run(Map.of("action", "failback"));

        @SuppressWarnings("unchecked")
        List<String> left = (List<String>) report.get("leftForOperator");
        assertEquals(1, left.size(), String.valueOf(report));
        assertTrue(left.get(0).startsWith("stages[0].steps[0]: restore job job-0 (now RUNNING) is restoring EBS " + VOLUME + " in us-west-2"
                + " from recovery point " + OLDER + "; a resource will appear from job job-0 and is left as it is"), left.get(0));
        assertTrue(backup.getAllServeEvents().stream().allMatch(e -> e.getRequest().getMethod().getName().equals("GET")),
                "failback only reads");
    }

    @Test
    void status_whenTheVaultHoldsNoRecoveryPoint_reportsItMissingInsteadOfRefusing() {
        backup.stubFor(get(urlPathEqualTo("/backup-vaults/shop-recovery/recovery-points/")).withQueryParam("resourceArn", equalTo(VOLUME))
                .willReturn(json("{\"RecoveryPoints\": []}")));

        Map<String, Object> report = run(Map.of("action", "status"));

        assertEquals("SUCCEEDED", report.get("outcome"), String.valueOf(report));
        assertEquals("no recovery point yet: no available completed AWS Backup recovery point of " + VOLUME + " in vault 'shop-recovery'"
                + " (us-west-2); restore would refuse until one exists", details(report, "stateBefore").get("recoveryPointMissing"));
        assertEquals(List.of(), backup.findAll(getRequestedFor(urlPathEqualTo(JOBS_PATH))), "no point, no job to look for");
    }

    @Test
    void failback_whenTheVaultHoldsNoRecoveryPoint_listsNothingAndSucceeds() {
        backup.stubFor(get(urlPathEqualTo("/backup-vaults/shop-recovery/recovery-points/")).withQueryParam("resourceArn", equalTo(VOLUME))
                .willReturn(json("{\"RecoveryPoints\": []}")));

        Map<String, Object> report = run(Map.of("action", "failback"));

        assertTrue(!"FAILED".equals(report.get("outcome")), String.valueOf(report));
        assertEquals(List.of(), report.get("leftForOperator"));
    }

    @Test
    void restoreJobs_whenEveryPageHasANextToken_stopsAfterTheCapNamingTheListing() {
        backup.stubFor(get(urlPathEqualTo(JOBS_PATH)).willReturn(json("{\"RestoreJobs\": [], \"NextToken\": \"more\"}")));
        Instant since = Instant.parse("2026-12-01T00:00:00Z");

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> clients.backup().restoreJobs("us-west-2", "EBS", since));

        assertEquals("ListRestoreJobs of EBS in us-west-2 created after 2026-12-01T00:00:00Z returned more than 100 pages; stopped listing:"
                + " the step cannot tell whether a job of its own exists, so it starts none", e.getMessage());
        assertEquals(io.github.drkit.runtime.aws.api.BackupApi.MAX_PAGES, backup.findAll(getRequestedFor(urlPathEqualTo(JOBS_PATH))).size());
    }

    @Test
    void recoveryPoints_whenEveryPageHasANextToken_stopsAfterTheCapNamingTheListing() {
        backup.stubFor(get(urlPathEqualTo("/backup-vaults/shop-recovery/recovery-points/")).withQueryParam("resourceArn", equalTo(VOLUME))
                .willReturn(json("{\"RecoveryPoints\": [], \"NextToken\": \"more\"}")));

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> clients.backup().recoveryPoints("us-west-2", "shop-recovery", VOLUME));

        assertEquals("ListRecoveryPointsByBackupVault of " + VOLUME + " in vault 'shop-recovery' (us-west-2) returned more than 100 pages;"
                + " stopped listing, nothing restored", e.getMessage());
        assertEquals(io.github.drkit.runtime.aws.api.BackupApi.MAX_PAGES,
                backup.findAll(getRequestedFor(urlPathEqualTo("/backup-vaults/shop-recovery/recovery-points/"))).size());
    }

    @Test
    void restore_whenTheVaultDoesNotExist_refusesNamingTheVaultField() {
        backup.stubFor(get(urlPathMatching("/backup-vaults/gone/.*")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withHeader("x-amzn-ErrorType", "ResourceNotFoundException")
                .withBody("{\"Code\": \"ResourceNotFoundException\", \"Message\": \"Backup vault gone does not exist\"}")));
        FailoverHandler handler = new FailoverHandler(Map.of("DRKIT_PLAN", PLAN.replace("shop-recovery", "gone")), clients, Duration.ofMillis(20));

        PlanValidationException e = assertThrows(PlanValidationException.class, () -> handler.handleRequest(Map.of("action", "restore"), null));

        assertEquals("stages[0].steps[0].backupVaultName", e.field());
        assertTrue(e.getMessage().contains("AWS Backup vault 'gone' not found in us-west-2; nothing restored"), e.getMessage());
        assertEquals(List.of(), starts());
    }
}
