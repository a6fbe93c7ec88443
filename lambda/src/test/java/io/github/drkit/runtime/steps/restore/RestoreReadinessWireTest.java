package io.github.drkit.runtime.steps.restore;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import io.github.drkit.plan.RecoveryPlan;
import io.github.drkit.runtime.aws.AwsClients;
import io.github.drkit.runtime.engine.ReportJson;
import io.github.drkit.runtime.readiness.Finding;
import io.github.drkit.runtime.readiness.Objectives;
import io.github.drkit.runtime.readiness.ReadinessEvaluator;
import io.github.drkit.runtime.readiness.ReadinessReport;
import io.github.drkit.runtime.readiness.Severity;
import io.github.drkit.runtime.readiness.Verdict;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Evaluate's restore checks on the answers the emulator cannot give, from a recorded HTTP server answering in AWS's wire
 * format (the shapes the conformance suite holds the facades to): AWS Backup recovery points and restore jobs (moto 5.2.1
 * answers 404 for them), and automated backups replicated with a restore window (moto lists none with a window).
 */
class RestoreReadinessWireTest {
    private static final String VOLUME = "arn:aws:ec2:us-east-1:111111111111:volume/vol-0123456789abcdef0";
    private static final String OLDER = "arn:aws:ec2:us-west-2::snapshot/snap-0000000000000000a";
    private static final String LATEST = "arn:aws:ec2:us-west-2::snapshot/snap-0000000000000000b";
    private static final String RESTORED = "arn:aws:ec2:us-west-2:111111111111:volume/vol-0fedcba9876543210";
    private static final String BACKUPS = "arn:aws:rds:us-west-2:111111111111:auto-backup:ab-0123456789abcdefghijklmnopqrstuv";
    private static final String RESTORE_BACKUP = """
            {"kind": "restoreBackup", "backupVaultName": "%s", "resourceType": "EBS", "resourceArn": "%s",
             "restoreRoleArn": "arn:aws:iam::111111111111:role/shop-backup-restore", "restoreMetadata": {"availabilityZone": "us-west-2a"},
             "rpoSeconds": %d}""";
    private static final String POINT_IN_TIME = """
            {"kind": "restoreDatabase", "source": "pointInTime", "sourceDbInstanceIdentifier": "%s", "dbInstanceIdentifier": "%s-restored",
             "rpoSeconds": 900}""";

    private WireMockServer aws;
    private AwsClients clients;
    private ReadinessEvaluator evaluator;
    private Instant latestTime;

    @BeforeEach
    void setUp() {
        aws = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        aws.start();
        clients = AwsClients.builder().region(Region.of("us-west-2")).endpoint(URI.create(aws.baseUrl()))
                .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret"))).maxAttempts(1).build();
        evaluator = ReadinessEvaluator.builder(clients).build();
        latestTime = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
        aws.stubFor(get(urlPathEqualTo("/backup-vaults/shop-recovery/recovery-points/")).withQueryParam("resourceArn", equalTo(VOLUME))
                .willReturn(json("""
                        {"RecoveryPoints": [%s, %s,
                          {"RecoveryPointArn": "arn:aws:ec2:us-west-2::snapshot/snap-0000000000000000c", "ResourceArn": "%s",
                           "ResourceType": "EBS", "Status": "CREATING", "CreationDate": %d}]}""".formatted(point(OLDER, latestTime.minus(Duration.ofDays(1))),
                        point(LATEST, latestTime), VOLUME, Instant.now().getEpochSecond()))));
        aws.stubFor(get(urlPathMatching("/backup-vaults/gone/.*")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withHeader("x-amzn-ErrorType", "ResourceNotFoundException")
                .withBody("{\"Code\": \"ResourceNotFoundException\", \"Message\": \"Backup vault gone does not exist\"}")));
        jobsListed("");
        // RDS: no restored instance yet, and the automated backups of 'orders' replicated with a window ending 5 minutes ago.
        aws.stubFor(post(urlPathEqualTo("/")).withRequestBody(containing("Action=DescribeDBInstances")).willReturn(aResponse()
                .withStatus(404).withHeader("Content-Type", "text/xml").withBody("""
                        <ErrorResponse xmlns="http://rds.amazonaws.com/doc/2014-10-31/"><Error><Type>Sender</Type>
                        <Code>DBInstanceNotFound</Code><Message>DBInstance not found.</Message></Error><RequestId>wire-rds</RequestId>
                        </ErrorResponse>""")));
        aws.stubFor(post(urlPathEqualTo("/")).withRequestBody(containing("Action=DescribeDBInstanceAutomatedBackups")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "text/xml").withBody("""
                        <DescribeDBInstanceAutomatedBackupsResponse xmlns="http://rds.amazonaws.com/doc/2014-10-31/">
                          <DescribeDBInstanceAutomatedBackupsResult><DBInstanceAutomatedBackups>
                            <DBInstanceAutomatedBackup>
                              <DBInstanceIdentifier>orders</DBInstanceIdentifier><Region>us-east-1</Region><Status>replicating</Status>
                              <RestoreWindow><EarliestTime>%s</EarliestTime><LatestTime>%s</LatestTime></RestoreWindow>
                              <DBInstanceAutomatedBackupsArn>%s</DBInstanceAutomatedBackupsArn>
                            </DBInstanceAutomatedBackup>
                            <DBInstanceAutomatedBackup>
                              <DBInstanceIdentifier>invoices</DBInstanceIdentifier><Region>us-east-1</Region><Status>replicating</Status>
                              <RestoreWindow><EarliestTime>%s</EarliestTime><LatestTime>%s</LatestTime></RestoreWindow>
                              <DBInstanceAutomatedBackupsArn>%s-invoices</DBInstanceAutomatedBackupsArn>
                            </DBInstanceAutomatedBackup>
                          </DBInstanceAutomatedBackups></DescribeDBInstanceAutomatedBackupsResult>
                          <ResponseMetadata><RequestId>wire-auto-backups</RequestId></ResponseMetadata>
                        </DescribeDBInstanceAutomatedBackupsResponse>""".formatted(latestTime.minus(Duration.ofDays(7)),
                        Instant.now().minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.SECONDS), BACKUPS,
                        latestTime.minus(Duration.ofDays(7)), latestTime, BACKUPS))));
    }

    @AfterEach
    void tearDown() {
        evaluator.close();
        clients.close();
        aws.stop();
    }

    private static String point(String arn, Instant time) {
        return """
                {"RecoveryPointArn": "%s", "BackupVaultName": "shop-recovery", "ResourceArn": "%s", "ResourceType": "EBS",
                 "Status": "COMPLETED", "CreationDate": %d, "CompletionDate": %d}""".formatted(arn, VOLUME, time.getEpochSecond(),
                time.getEpochSecond() + 600);
    }

    private void jobsListed(String jobs) {
        aws.stubFor(get(urlPathEqualTo("/restore-jobs/")).willReturn(json("{\"RestoreJobs\": [" + jobs + "]}")));
    }

    /** Restore job job-7, created 20 minutes ago from {@code point}, completed 754 s later having restored {@code RESTORED}. */
    private void completedJobListed(String point) {
        long created = Instant.now().minus(Duration.ofMinutes(20)).getEpochSecond();
        jobsListed("""
                {"RestoreJobId": "job-7", "RecoveryPointArn": "%s", "Status": "COMPLETED", "ResourceType": "EBS", "CreationDate": %d,
                 "CompletionDate": %d, "CreatedResourceArn": "%s"}""".formatted(point, created, created + 754, RESTORED));
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withHeader("x-amzn-RequestId", "wire-1").withBody(body);
    }

    private ReadinessReport evaluate(String... steps) {
        return evaluator.evaluate(RecoveryPlan.parse("""
                {"version": 2, "application": "shop", "strategy": "BACKUP_RESTORE", "primaryRegion": "us-east-1", "recoveryRegion": "us-west-2",
                 "stages": [{"name": "data", "steps": [%s]}]}
                """.formatted(String.join(", ", steps))), Objectives.none(), Duration.ofSeconds(30));
    }

    private static Finding at(ReadinessReport report, String path) {
        return report.findings().stream().filter(f -> f.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding at " + path + ": " + ReportJson.write(report)));
    }

    @Test
    void evaluate_whenTheVaultHoldsARecentCompletedPoint_isReadyNamingTheLatestAndItsAge() {
        ReadinessReport report = evaluate(RESTORE_BACKUP.formatted("shop-recovery", VOLUME, 86400));

        assertEquals(Verdict.READY, report.verdict(), () -> ReportJson.write(report));
        Finding finding = at(report, "stages[0].steps[0]");
        assertEquals(Severity.INFO, finding.severity());
        // The CREATING point is newer but not restorable: the latest completed one is weighed.
        assertEquals("the newest completed AWS Backup recovery point of " + VOLUME + " in vault 'shop-recovery' (us-west-2) is " + LATEST
                + " of " + latestTime + ", 3 h old (RPO 24 h: met)", finding.problem());
        assertTrue(finding.impliedRpoSeconds() >= 3 * 3600 && finding.impliedRpoSeconds() < 3 * 3600 + 60, () -> ReportJson.write(report));
    }

    @Test
    void evaluate_whenTheLatestPointIsOlderThanTheRpo_warnsWithItsIdTimeAndAge() {
        ReadinessReport report = evaluate(RESTORE_BACKUP.formatted("shop-recovery", VOLUME, 3600));

        assertEquals(Verdict.DEGRADED, report.verdict(), () -> ReportJson.write(report));
        Finding finding = at(report, "stages[0].steps[0]");
        assertEquals(Severity.WARNING, finding.severity());
        assertTrue(finding.problem().startsWith("the newest completed AWS Backup recovery point of " + VOLUME + " in vault 'shop-recovery'"
                + " (us-west-2) is " + LATEST + " of " + latestTime + ", 3 h old, older than the RPO of 1 h (3600 s): a restore now would lose "),
                finding.problem());
    }

    @Test
    void evaluate_whenTheVaultHoldsNoPointOfTheResource_isNotReadyNamingResourceArn() {
        String other = "arn:aws:ec2:us-east-1:111111111111:volume/vol-0000000000000000f";
        aws.stubFor(get(urlPathEqualTo("/backup-vaults/shop-recovery/recovery-points/")).withQueryParam("resourceArn", equalTo(other))
                .willReturn(json("{\"RecoveryPoints\": []}")));

        ReadinessReport report = evaluate(RESTORE_BACKUP.formatted("shop-recovery", other, 86400));

        assertEquals(Verdict.NOT_READY, report.verdict(), () -> ReportJson.write(report));
        Finding missing = at(report, "stages[0].steps[0].resourceArn");
        assertEquals(Severity.CRITICAL, missing.severity());
        assertTrue(missing.problem().startsWith("no available completed AWS Backup recovery point of " + other), missing.problem());
        // Without points there is no job to look for.
        assertEquals(0, aws.findAll(getRequestedFor(urlPathEqualTo("/restore-jobs/"))).size());
    }

    @Test
    void evaluate_whenTheVaultDoesNotExist_isNotReadyNamingTheVaultField() {
        ReadinessReport report = evaluate(RESTORE_BACKUP.formatted("gone", VOLUME, 86400));

        assertEquals(Verdict.NOT_READY, report.verdict(), () -> ReportJson.write(report));
        Finding missing = at(report, "stages[0].steps[0].backupVaultName");
        assertEquals(Severity.CRITICAL, missing.severity());
        assertEquals(Finding.Category.EXISTENCE, missing.category());
        assertTrue(missing.problem().startsWith("AWS Backup vault 'gone' not found in us-west-2"), missing.problem());
    }

    @Test
    void evaluate_whenAnEarlierRestoreJobCompletedFromAPointOlderThanTheRpo_warnsNamingWhatToDelete() {
        completedJobListed(OLDER);

        // An RPO the restored point misses: a restore now reuses what job-7 restored, so recovery serves data that old.
        ReadinessReport report = evaluate(RESTORE_BACKUP.formatted("shop-recovery", VOLUME, 60));

        assertEquals(Verdict.DEGRADED, report.verdict(), () -> ReportJson.write(report));
        Finding finding = at(report, "stages[0].steps[0]");
        assertEquals(Severity.WARNING, finding.severity());
        assertEquals(Finding.Category.DATA, finding.category());
        assertTrue(finding.problem().startsWith("already restored: restore job job-7 is COMPLETED (restored " + RESTORED + ") from " + OLDER),
                finding.problem());
        assertTrue(finding.problem().endsWith("older than the RPO of 1 min (60 s)"), finding.problem());
        assertTrue(finding.fix().contains("delete the restored resource " + RESTORED), finding.fix());
    }

    @Test
    void evaluate_whenAnEarlierRestoreJobCompletedWithinTheRpo_isInfoNamingTheJobAndWhatItRestored() {
        completedJobListed(LATEST);

        ReadinessReport report = evaluate(RESTORE_BACKUP.formatted("shop-recovery", VOLUME, 86400));

        assertEquals(Verdict.READY, report.verdict(), () -> ReportJson.write(report));
        Finding finding = at(report, "stages[0].steps[0]");
        assertEquals(Severity.INFO, finding.severity());
        assertTrue(finding.problem().startsWith("already restored: restore job job-7 is COMPLETED (restored " + RESTORED + ") from " + LATEST),
                finding.problem());
    }

    /** RDS leaves a restore that cannot complete in a final status; the executor stops on it, and so does evaluate's verdict. */
    @Test
    void evaluate_whenTheRestoredInstanceEndedIncompatible_isNotReadySayingHowToRestoreAgain() {
        aws.stubFor(post(urlPathEqualTo("/")).withRequestBody(containing("Action=DescribeDBInstances")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "text/xml").withBody("""
                        <DescribeDBInstancesResponse xmlns="http://rds.amazonaws.com/doc/2014-10-31/"><DescribeDBInstancesResult><DBInstances>
                          <DBInstance><DBInstanceIdentifier>orders-restored</DBInstanceIdentifier>
                            <DBInstanceStatus>incompatible-restore</DBInstanceStatus><TagList/></DBInstance>
                        </DBInstances></DescribeDBInstancesResult><ResponseMetadata><RequestId>wire-rds</RequestId></ResponseMetadata>
                        </DescribeDBInstancesResponse>""")));

        ReadinessReport report = evaluate(POINT_IN_TIME.formatted("orders", "orders"));

        assertEquals(Verdict.NOT_READY, report.verdict(), () -> ReportJson.write(report));
        Finding finding = at(report, "stages[0].steps[0]");
        assertEquals(Severity.CRITICAL, finding.severity());
        assertEquals("RDS instance orders-restored is incompatible-restore and will not become available: a restore now would stop at"
                + " this step on it", finding.problem());
        assertTrue(finding.fix().contains("delete the instance (aws rds delete-db-instance --region us-west-2 --db-instance-identifier"
                + " orders-restored --skip-final-snapshot) and run restore again"), finding.fix());
    }

    @Test
    void evaluate_whenAnEarlierRestoreJobIsRunning_warnsSayingTheRestoreIsUnderWay() {
        long created = Instant.now().minus(Duration.ofMinutes(5)).getEpochSecond();
        jobsListed("""
                {"RestoreJobId": "job-8", "RecoveryPointArn": "%s", "Status": "RUNNING", "ResourceType": "EBS", "CreationDate": %d}"""
                .formatted(LATEST, created));

        ReadinessReport report = evaluate(RESTORE_BACKUP.formatted("shop-recovery", VOLUME, 86400));

        // Nothing to recover onto until the job ends: a restore now waits for it.
        assertEquals(Verdict.DEGRADED, report.verdict(), () -> ReportJson.write(report));
        assertTrue(at(report, "stages[0].steps[0]").problem().startsWith("restore under way: restore job job-8 is RUNNING from " + LATEST),
                () -> ReportJson.write(report));
    }

    @Test
    void evaluate_whenPointInTimeBackupsAreReplicated_weighsTheLatestRestorableTimeOncePerRegion() {
        ReadinessReport report = evaluate(POINT_IN_TIME.formatted("orders", "orders"), POINT_IN_TIME.formatted("invoices", "invoices"));

        assertEquals(Verdict.DEGRADED, report.verdict(), () -> ReportJson.write(report));
        Finding orders = at(report, "stages[0].steps[0]");
        assertEquals(Severity.INFO, orders.severity());
        assertTrue(orders.problem().startsWith("the latest restorable time of the automated backups " + BACKUPS + " (replicated from"
                + " us-east-1) is "), orders.problem());
        assertTrue(orders.problem().endsWith(", 5 min ago (RPO 15 min: met)"), orders.problem());
        Finding invoices = at(report, "stages[0].steps[1]");
        assertEquals(Severity.WARNING, invoices.severity());
        assertTrue(invoices.problem().contains(" is " + latestTime + ", 3 h ago, more than the RPO of 15 min (900 s): a restore now would lose "),
                invoices.problem());
        assertTrue(invoices.impliedRpoSeconds() >= 3 * 3600, () -> ReportJson.write(report));
        // Both steps are answered from one listing of the Region's automated backups.
        assertEquals(1, report.callsByOperation().get("Rds DescribeDBInstanceAutomatedBackups"), () -> ReportJson.write(report));
    }
}
