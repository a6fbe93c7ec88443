package io.github.drkit.objectives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.drkit.archive.ArchiveReplication;
import io.github.drkit.archive.GlacierLifecycle;
import io.github.drkit.archive.GlacierLifecycleProps;
import io.github.drkit.archive.RetrievalOption;
import io.github.drkit.archive.StorageTier;
import io.github.drkit.backup.BackupCopy;
import io.github.drkit.backup.BackupVault;
import io.github.drkit.backup.BackupVaultProps;
import io.github.drkit.failover.Capacity;
import io.github.drkit.failover.DatabaseOptions;
import io.github.drkit.failover.DnsSwitchOptions;
import io.github.drkit.failover.Endpoint;
import io.github.drkit.multisite.MultiSiteWeightedDns;
import io.github.drkit.multisite.MultiSiteWeightedDnsProps;
import io.github.drkit.multisite.WeightedSite;
import io.github.drkit.pilotlight.PilotLightCore;
import io.github.drkit.pilotlight.PilotLightCoreProps;
import io.github.drkit.pilotlight.ServerTier;
import io.github.drkit.standby.WarmStandbyFleet;
import io.github.drkit.standby.WarmStandbyFleetProps;
import io.github.drkit.testsupport.Fixtures;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketAttributes;

/**
 * The objectives check over drkit's own strategy constructs: for each strategy, an objective its
 * default configuration meets and one it cannot, with the message the synth fails with.
 */
class StrategyObjectivesTest {

    private static String synthFailure(Stack stack) {
        App app = (App) stack.getNode().getRoot();
        RuntimeException e = assertThrows(RuntimeException.class, app::synth);
        return e.getMessage();
    }

    private static void assertContains(String haystack, String needle) {
        assertTrue(haystack.contains(needle), () -> "expected to find\n  " + needle + "\nin\n" + haystack);
    }

    private static RecoveryObjectives objectives(Duration rto, Duration rpo) {
        return RecoveryObjectives.builder().rto(cdk(rto)).rpo(cdk(rpo)).build();
    }

    private static software.amazon.awscdk.Duration cdk(Duration d) {
        return d == null ? null : software.amazon.awscdk.Duration.seconds(d.toSeconds());
    }

    // ---- backup & restore: GlacierLifecycle ------------------------------------------------------

    private static GlacierLifecycle archive(Stack stack, boolean rtc) {
        return new GlacierLifecycle(stack, "Archive", GlacierLifecycleProps.builder()
                .archiveTier(StorageTier.GLACIER_FLEXIBLE_RETRIEVAL)
                .retrievalOption(RetrievalOption.STANDARD)
                .replication(ArchiveReplication.builder()
                        .destination(Bucket.fromBucketAttributes(stack, "Replica", BucketAttributes.builder()
                                .bucketName("archive-replica").region("us-west-2").account(Fixtures.ACCOUNT).build()))
                        .destinationKeyAlias("alias/archive-replica").replicationTimeControl(rtc).build())
                .build());
    }

    @Test
    void glacierLifecycle_whenObjectiveInHours_passes() {
        Stack stack = Fixtures.stack("us-east-1");
        GlacierLifecycle a = archive(stack, true);
        objectives(Duration.ofHours(6), Duration.ofMinutes(15)).applyTo(stack);

        Template.fromStack(stack);
        assertEquals(DrStrategy.BACKUP_RESTORE, a.recoveryEstimate().strategy());
        assertEquals(AwsFigures.GLACIER_FLEXIBLE_STANDARD, ObjectivesAssessment.of(stack).rto());
        assertEquals(AwsFigures.S3_RTC_REPLICATION, ObjectivesAssessment.of(stack).rpo());
    }

    @Test
    void glacierLifecycle_whenObjectiveOneHourAndNoRtc_failsNamingRetrievalAndRtc() {
        Stack stack = Fixtures.stack("us-east-1");
        archive(stack, false);
        objectives(Duration.ofHours(1), Duration.ofMinutes(15)).applyTo(stack);

        String msg = synthFailure(stack);
        assertContains(msg, "RecoveryObjectives on 'Test': RTO objective 1 h is not met by 'Test/Archive' (BACKUP_RESTORE): "
                + "estimate 5 h =");
        assertContains(msg, "To shorten it, change GlacierLifecycleProps.retrievalOption (read back from "
                + "GLACIER_FLEXIBLE_RETRIEVAL, 5 h).");
        assertContains(msg, "RPO objective 15 min cannot be met by 'Test/Archive' (BACKUP_RESTORE): its RPO has no bound: "
                + "GlacierLifecycle Test/Archive: replication without Replication Time Control has no time bound");
        assertContains(msg, "set ArchiveReplication.replicationTimeControl(true)");
    }

    // ---- pilot light: PilotLightCore -------------------------------------------------------------

    private static PilotLightCore pilotLight(Stack stack) {
        return new PilotLightCore(stack, "Shop", PilotLightCoreProps.builder()
                .applicationName("shop")
                .primaryRegion("us-east-1")
                .vpc(Fixtures.vpc(stack))
                .database(DatabaseOptions.crossRegionReplica("arn:aws:rds:us-east-1:111111111111:db:shop-primary")
                        .replicaIdentifier("shop-replica").build())
                .tiers(List.of(ServerTier.builder().name("app").port(8080).build()))
                .dns(DnsSwitchOptions.builder().hostedZone(Fixtures.zone(stack)).recordName("shop")
                        .primary(Endpoint.zoneRecord("primary.shop")).build())
                .build());
    }

    @Test
    void pilotLightCore_whenObjectiveAnHour_passes() {
        Stack stack = Fixtures.recoveryStack();
        PilotLightCore core = pilotLight(stack);
        RecoveryEstimate e = core.recoveryEstimate();
        objectives(Duration.ofHours(1), e.rpo()).applyTo(stack);

        Template.fromStack(stack);
        assertEquals(DrStrategy.PILOT_LIGHT, e.strategy());
        assertTrue(e.rto().compareTo(Duration.ofMinutes(10)) > 0, "pilot light takes tens of minutes: " + e.rto());
        assertEquals(Boolean.TRUE, ObjectivesAssessment.of(stack).rtoMet());
    }

    @Test
    void pilotLightCore_whenObjectiveFiveMinutes_failsListingItsTerms() {
        Stack stack = Fixtures.recoveryStack();
        PilotLightCore core = pilotLight(stack);
        RecoveryEstimate e = core.recoveryEstimate();
        objectives(Duration.ofMinutes(5), null).applyTo(stack);

        String msg = synthFailure(stack);
        assertContains(msg, "RecoveryObjectives on 'Test': RTO objective 5 min is not met by 'Test/Shop' (PILOT_LIGHT): "
                + "estimate " + Format.duration(e.rto()) + " =");
        for (EstimateTerm t : e.rtoTerms()) {
            assertContains(msg, t.name() + ": " + t.basis());
        }
        assertContains(msg, "To shorten it, change PilotLightCore.");
        assertContains(msg, "PilotLightCore.database.promotionTime (data promotion, ");
        assertFalse(msg.contains("RPO objective"), msg);
    }

    @Test
    void pilotLightCore_standbyCost_keepsComputeAtZeroAndPaysForTheReplica() {
        Stack stack = Fixtures.recoveryStack();
        pilotLight(stack);

        StandbyCost cost = StandbyCost.of(stack);

        assertTrue(cost.lines().stream().anyMatch(l -> l.resourceType().equals("AWS::AutoScaling::AutoScalingGroup")
                && l.description().startsWith("0 x ") && l.monthlyUsd() == 0), cost.lines().toString());
        assertTrue(cost.lines().stream().anyMatch(l -> l.resourceType().equals("AWS::RDS::DBInstance")
                && l.description().contains("read replica (engine of its source; priced as MySQL) Multi-AZ (2 instances)")
                && l.monthlyUsd() > 0), cost.lines().toString());
        assertTrue(cost.unpriced().stream().anyMatch(u -> u.endsWith("(AWS::RDS::DBInstance): AllocatedStorage is not a literal")),
                cost.unpriced().toString());
    }

    // ---- backup & restore: BackupVault ----------------------------------------------------------

    private static BackupVault vault(Stack stack) {
        return new BackupVault(stack, "Vault", BackupVaultProps.builder()
                .backupVaultName("primary-vault")
                .rpo(software.amazon.awscdk.Duration.hours(1))
                .backupTags(Map.of("backup", "hourly"))
                .copyTo(List.of(BackupCopy.toVault("recovery-vault", "us-west-2", Fixtures.ACCOUNT).build()))
                .build());
    }

    @Test
    void backupVault_whenObjectiveInHours_passes() {
        Stack stack = Fixtures.stack("us-east-1");
        RecoveryEstimate e = vault(stack).recoveryEstimate();
        objectives(Duration.ofHours(6), Duration.ofHours(4)).applyTo(stack);

        Template.fromStack(stack);
        assertEquals(DrStrategy.BACKUP_RESTORE, e.strategy());
        assertEquals(Boolean.TRUE, ObjectivesAssessment.of(stack).rtoMet());
        assertEquals(Boolean.TRUE, ObjectivesAssessment.of(stack).rpoMet());
    }

    @Test
    void backupVault_whenHourlyBackupsMeetAnHourRpo_failsShowingStartWindowAndCopy() {
        Stack stack = Fixtures.stack("us-east-1");
        RecoveryEstimate e = vault(stack).recoveryEstimate();
        objectives(Duration.ofHours(1), Duration.ofHours(1)).applyTo(stack);

        String msg = synthFailure(stack);
        assertContains(msg, "RTO objective 1 h is not met by 'Test/Vault' (BACKUP_RESTORE): estimate "
                + Format.duration(e.rto()) + " =");
        assertContains(msg, "BackupVaultProps.expectedRestoreDuration (restore job, ");
        // An hourly schedule alone does not give a one-hour RPO: the start window and the copy add to it.
        assertContains(msg, "RPO objective 1 h is not met by 'Test/Vault' (BACKUP_RESTORE): estimate "
                + Format.duration(e.rpo()) + " =");
        assertContains(msg, "BackupVaultProps.rpo (backup interval, 1 h)");
        assertContains(msg, "BackupVaultProps.startWindow (backup start window, ");
        assertContains(msg, "BackupVaultProps.expectedCopyDuration (copy to us-west-2, ");
    }

    // ---- warm standby: WarmStandbyFleet ----------------------------------------------------------

    private static WarmStandbyFleet warmStandby(Stack stack) {
        return new WarmStandbyFleet(stack, "Shop", WarmStandbyFleetProps.builder()
                .applicationName("shop")
                .primaryRegion("us-east-1")
                .vpc(Fixtures.vpc(stack))
                .recoveryCapacity(Capacity.of(2, 4, 8))
                .dns(DnsSwitchOptions.builder().hostedZone(Fixtures.zone(stack)).recordName("shop")
                        .primary(Endpoint.zoneRecord("primary.shop")).build())
                .build());
    }

    @Test
    void warmStandbyFleet_whenObjectiveHalfAnHour_passes() {
        Stack stack = Fixtures.recoveryStack();
        RecoveryEstimate e = warmStandby(stack).recoveryEstimate();
        objectives(Duration.ofMinutes(30), Duration.ofMinutes(1)).applyTo(stack);

        Template.fromStack(stack);
        assertEquals(DrStrategy.WARM_STANDBY, e.strategy());
        assertTrue(e.rto().compareTo(core(Fixtures.recoveryStack()).recoveryEstimate().rto()) < 0,
                "warm standby recovers faster than pilot light");
    }

    @Test
    void warmStandbyFleet_whenObjectiveTwoMinutes_failsSayingChooseMultiSite() {
        Stack stack = Fixtures.recoveryStack();
        RecoveryEstimate e = warmStandby(stack).recoveryEstimate();
        objectives(Duration.ofMinutes(2), null).applyTo(stack);

        String msg = synthFailure(stack);
        assertContains(msg, "RTO objective 2 min is not met by 'Test/Shop' (WARM_STANDBY): estimate "
                + Format.duration(e.rto()) + " =");
        assertContains(msg, "WarmStandbyFleet.timings.appWarmUpTime (application warm-up, ");
        assertContains(msg, "so no setting of this construct meets 2 min: choose a faster strategy (MULTI_SITE, RTO near "
                + "zero) or relax the objective.");
    }

    private static PilotLightCore core(Stack stack) {
        return pilotLight(stack);
    }

    // ---- multi-site: MultiSiteWeightedDns --------------------------------------------------------

    private static MultiSiteWeightedDns multiSite(Stack stack) {
        return new MultiSiteWeightedDns(stack, "Shop", MultiSiteWeightedDnsProps.builder()
                .applicationName("shop").hostedZone(Fixtures.zone(stack)).recordName("shop")
                .dataReplicationLag(software.amazon.awscdk.Duration.seconds(5))
                .sites(List.of(
                        WeightedSite.builder().name("east").endpoint(Endpoint.ipAddress("203.0.113.10"))
                                .normalWeight(50).failoverWeight(0).build(),
                        WeightedSite.builder().name("west").endpoint(Endpoint.zoneRecord("west.shop"))
                                .normalWeight(50).failoverWeight(100).build()))
                .build());
    }

    @Test
    void multiSiteWeightedDns_whenObjectiveFiveMinutes_passes() {
        Stack stack = Fixtures.stack("us-east-1");
        RecoveryEstimate e = multiSite(stack).recoveryEstimate();
        objectives(Duration.ofMinutes(5), Duration.ofMinutes(1)).applyTo(stack);

        Template.fromStack(stack);
        assertEquals(DrStrategy.MULTI_SITE, e.strategy());
        assertEquals(Duration.ofSeconds(5), e.rpo());
    }

    @Test
    void multiSiteWeightedDns_whenObjectiveThirtySeconds_failsSayingRelaxIt() {
        Stack stack = Fixtures.stack("us-east-1");
        RecoveryEstimate e = multiSite(stack).recoveryEstimate();
        objectives(Duration.ofSeconds(30), Duration.ofSeconds(1)).applyTo(stack);

        String msg = synthFailure(stack);
        assertContains(msg, "RTO objective 30 s is not met by 'Test/Shop' (MULTI_SITE): estimate "
                + Format.duration(e.rto()) + " =");
        assertContains(msg, "so no setting of this construct meets 30 s: relax the objective.");
        assertContains(msg, "RPO objective 1 s is not met by 'Test/Shop' (MULTI_SITE): estimate 5 s =");
        assertContains(msg, "To shorten it, change MultiSiteWeightedDns.dataReplicationLag (replication lag, 5 s).");
    }

    // ---- the four strategies side by side ----------------------------------------------------------

    private static Stack stackIn(App app, String id, String region) {
        return new Stack(app, id, StackProps.builder()
                .env(Environment.builder().account(Fixtures.ACCOUNT).region(region).build()).build());
    }

    private static double asgCost(StackSummary s) {
        return s.standbyCost().lines().stream().filter(l -> l.resourceType().equals("AWS::AutoScaling::AutoScalingGroup"))
                .mapToDouble(CostLine::monthlyUsd).sum();
    }

    @Test
    void drSummary_whenFourStrategies_ordersRecoveryTimeAgainstStandbyCompute(@org.junit.jupiter.api.io.TempDir java.nio.file.Path out) {
        App app = App.Builder.create().outdir(out.toString()).build();
        Stack backup = stackIn(app, "BackupRestore", "us-east-1");
        StandbyCost.storageEstimate(vault(backup), 500);
        objectives(Duration.ofHours(6), Duration.ofHours(4)).applyTo(backup);
        Stack pilot = stackIn(app, "PilotLight", "us-west-2");
        pilotLight(pilot);
        objectives(Duration.ofHours(1), Duration.ofMinutes(10)).applyTo(pilot);
        Stack warm = stackIn(app, "WarmStandby", "us-west-2");
        warmStandby(warm);
        objectives(Duration.ofMinutes(30), Duration.ofMinutes(1)).applyTo(warm);
        Stack multi = stackIn(app, "MultiSite", "us-east-1");
        multiSite(multi);
        objectives(Duration.ofMinutes(5), Duration.ofMinutes(1)).applyTo(multi);

        DrSummary summary = DrSummary.write(app);
        System.out.print(summary.toTable());

        assertTrue(java.nio.file.Files.exists(out.resolve(DrSummary.FILE_NAME)));
        List<StackSummary> rows = summary.stacks();
        assertEquals(List.of(DrStrategy.BACKUP_RESTORE, DrStrategy.PILOT_LIGHT, DrStrategy.WARM_STANDBY, DrStrategy.MULTI_SITE),
                rows.stream().map(StackSummary::strategy).collect(java.util.stream.Collectors.toList()));
        for (int i = 1; i < rows.size(); i++) {
            assertTrue(rows.get(i).rtoEstimate().compareTo(rows.get(i - 1).rtoEstimate()) < 0,
                    rows.get(i).stackName() + " recovers faster than " + rows.get(i - 1).stackName());
        }
        assertTrue(rows.get(0).standbyCost().lines().stream().anyMatch(l -> l.resourceType().equals("AWS::Backup::BackupVault")
                && Math.abs(l.monthlyUsd() - 500 * 0.05) < 1e-9), rows.get(0).standbyCost().lines().toString());
        assertEquals(0, asgCost(rows.get(1)), 1e-9);
        assertTrue(asgCost(rows.get(2)) > 0, "warm standby keeps a fleet running");
        rows.forEach(r -> assertTrue(r.assessment().violations().isEmpty(), r.assessment().violations().toString()));
    }
}
