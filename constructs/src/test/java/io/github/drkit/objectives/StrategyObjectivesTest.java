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
import io.github.drkit.failover.DatabaseOptions;
import io.github.drkit.failover.DnsSwitchOptions;
import io.github.drkit.failover.Endpoint;
import io.github.drkit.pilotlight.PilotLightCore;
import io.github.drkit.pilotlight.PilotLightCoreProps;
import io.github.drkit.pilotlight.ServerTier;
import io.github.drkit.testsupport.Fixtures;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
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
        return RecoveryObjectives.builder().rto(rto).rpo(rpo).build();
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
}
