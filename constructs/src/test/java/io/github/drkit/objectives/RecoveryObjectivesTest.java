package io.github.drkit.objectives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;
import software.constructs.Construct;

class RecoveryObjectivesTest {
    private App app;

    private Stack newStack() {
        app = new App();
        return new Stack(app, "Dr", StackProps.builder()
                .env(Environment.builder().account("111111111111").region("us-west-2").build()).build());
    }

    private static RecoveryObjectives objectives(Duration rto, Duration rpo) {
        return RecoveryObjectives.builder().rto(cdk(rto)).rpo(cdk(rpo)).build();
    }

    private static software.amazon.awscdk.Duration cdk(Duration d) {
        return d == null ? null : software.amazon.awscdk.Duration.seconds(d.toSeconds());
    }

    /** Synthesizes the app and returns the validation message it fails with. */
    private String synthFailure() {
        RuntimeException e = assertThrows(RuntimeException.class, () -> app.synth());
        assertTrue(e.getMessage().contains("Validation failed"), e.getMessage());
        return e.getMessage();
    }

    private static void assertContains(String haystack, String needle) {
        assertTrue(haystack.contains(needle), () -> "expected to find\n  " + needle + "\nin\n" + haystack);
    }

    // ---- backup & restore ----------------------------------------------------------------------

    @Test
    void synth_whenBackupRestoreMeetsHoursObjective_passes() {
        Stack stack = newStack();
        FixedEstimator.backupRestore(stack, "Restore");
        objectives(Duration.ofHours(6), Duration.ofHours(36)).applyTo(stack);

        Template.fromStack(stack);
        ObjectivesAssessment a = ObjectivesAssessment.of(stack);
        assertEquals(Duration.ofHours(5).plusMinutes(13), a.rto());
        assertEquals(Duration.ofHours(32), a.rpo());
        assertEquals(Boolean.TRUE, a.rtoMet());
        assertEquals(Boolean.TRUE, a.rpoMet());
    }

    @Test
    void synth_whenBackupRestoreGivenOneHour_failsListingTermsAndProps() {
        Stack stack = newStack();
        FixedEstimator.backupRestore(stack, "Restore");
        objectives(Duration.ofHours(1), Duration.ofHours(24)).applyTo(stack);

        String msg = synthFailure();
        assertContains(msg, "RecoveryObjectives on 'Dr': RTO objective 1 h is not met by 'Dr/Restore' (BACKUP_RESTORE): "
                + "estimate 5 h 13 min =");
        assertContains(msg, "    5 h    archive restore: S3 Glacier Flexible Retrieval, Standard: 3-5 h [Test.restoreTier]");
        assertContains(msg, "  + 7 min  compute start: instance boot 2 min (drkit default) + app warm-up 5 min [Test.appWarmUp]");
        assertContains(msg, "  + 1 min  DNS propagation: Route 53 changes reach all its name servers within 60 s\n");
        assertContains(msg, "To shorten it, change Test.restoreTier (archive restore, 5 h), then Test.appWarmUp "
                + "(compute start, 7 min), then Test.recordTtl (DNS TTL, 5 min).");
        assertContains(msg, "RPO objective 1 d is not met by 'Dr/Restore' (BACKUP_RESTORE): estimate 1 d 8 h =");
        assertContains(msg, "  + 8 h  backup start window: an AWS Backup job may start up to 8 h after its scheduled time "
                + "(AWS default) [Test.startWindow]");
        assertContains(msg, "To shorten it, change Test.backupFrequency (backup frequency, 1 d), then Test.startWindow "
                + "(backup start window, 8 h).");
    }

    @Test
    void synth_whenFixedTermsExceedObjective_suggestsFasterStrategy() {
        Stack stack = newStack();
        FixedEstimator.backupRestore(stack, "Restore");
        objectives(Duration.ofSeconds(30), null).applyTo(stack);

        assertContains(synthFailure(), "The terms no prop governs already take 1 min, so no setting of this construct "
                + "meets 30 s: choose a faster strategy (PILOT_LIGHT, RTO tens of minutes) or relax the objective.");
    }

    // ---- pilot light -----------------------------------------------------------------------------

    @Test
    void synth_whenPilotLightMeetsThirtyMinutes_passes() {
        Stack stack = newStack();
        FixedEstimator.pilotLight(stack, "Core");
        objectives(Duration.ofMinutes(30), Duration.ofMinutes(15)).applyTo(stack);

        Template.fromStack(stack);
        assertEquals(Duration.ofMinutes(23), ObjectivesAssessment.of(stack).rto());
    }

    @Test
    void synth_whenPilotLightGivenFifteenMinutes_failsNamingPromotionFirst() {
        Stack stack = newStack();
        FixedEstimator.pilotLight(stack, "Core");
        objectives(Duration.ofMinutes(15), Duration.ofMinutes(15)).applyTo(stack);

        String msg = synthFailure();
        assertContains(msg, "RTO objective 15 min is not met by 'Dr/Core' (PILOT_LIGHT): estimate 23 min =");
        assertContains(msg, "failure detection: Route 53 health check every 30 s x failure threshold 3 [Test.healthCheckInterval]");
        assertContains(msg, "data promotion: RDS cross-Region read replica promoted to writer (drkit default; AWS documents no bound)");
        assertContains(msg, "target health: load balancer health check every 30 s x healthy threshold 5 [Test.healthyThreshold]");
        assertContains(msg, "To shorten it, change Test.promotionTime (data promotion, 10 min), then Test.appWarmUp (compute "
                + "start, 7 min), then Test.healthyThreshold (target health, 2 min 30 s), then Test.healthCheckInterval "
                + "(failure detection, 1 min 30 s), then Test.recordTtl (DNS TTL, 1 min).");
        assertTrue(!msg.contains("RPO objective"), "the RPO of 15 min under RTC is met");
    }

    // ---- warm standby ----------------------------------------------------------------------------

    @Test
    void synth_whenWarmStandbyMeetsTenMinutes_passes() {
        Stack stack = newStack();
        FixedEstimator.warmStandby(stack, "Fleet");
        objectives(Duration.ofMinutes(10), Duration.ofMinutes(5)).applyTo(stack);

        Template.fromStack(stack);
        assertEquals(Duration.ofSeconds(390), ObjectivesAssessment.of(stack).rto());
    }

    @Test
    void synth_whenWarmStandbyGivenFiveMinutesAndOneMinuteRpo_failsBoth() {
        Stack stack = newStack();
        FixedEstimator.warmStandby(stack, "Fleet");
        objectives(Duration.ofMinutes(5), Duration.ofMinutes(1)).applyTo(stack);

        String msg = synthFailure();
        assertContains(msg, "RTO objective 5 min is not met by 'Dr/Fleet' (WARM_STANDBY): estimate 6 min 30 s =");
        assertContains(msg, "To shorten it, change Test.promotionTime (data promotion, 4 min)");
        assertContains(msg, "RPO objective 1 min is not met by 'Dr/Fleet' (WARM_STANDBY): estimate 5 min =\n"
                + "    5 min  replication lag: ReplicaLag alarm at 5 min [Test.maxReplicaLag]\n"
                + "  To shorten it, change Test.maxReplicaLag (replication lag, 5 min).");
    }

    // ---- multi-site ------------------------------------------------------------------------------

    @Test
    void synth_whenMultiSiteMeetsFiveMinutes_passes() {
        Stack stack = newStack();
        FixedEstimator.multiSite(stack, "Sites", true);
        objectives(Duration.ofMinutes(5), Duration.ofMinutes(15)).applyTo(stack);

        Template.fromStack(stack);
        assertEquals(Duration.ofSeconds(150), ObjectivesAssessment.of(stack).rto());
    }

    @Test
    void synth_whenMultiSiteGivenThirtySecondsAndUnboundedReplication_failsBoth() {
        Stack stack = newStack();
        FixedEstimator.multiSite(stack, "Sites", false);
        objectives(Duration.ofSeconds(30), Duration.ofMinutes(15)).applyTo(stack);

        String msg = synthFailure();
        assertContains(msg, "RTO objective 30 s is not met by 'Dr/Sites' (MULTI_SITE): estimate 2 min 30 s =");
        assertContains(msg, "The terms no prop governs already take 1 min, so no setting of this construct meets 30 s: "
                + "relax the objective.");
        assertContains(msg, "RPO objective 15 min cannot be met by 'Dr/Sites' (MULTI_SITE): its RPO has no bound: S3 "
                + "cross-Region replication without Replication Time Control is asynchronous with no time bound, so no RPO "
                + "can be promised; set Test.replicationTimeControl to bound it");
    }

    // ---- scope rules -----------------------------------------------------------------------------

    @Test
    void synth_whenSeveralEstimators_slowestDecidesAndStrategyIsFastest() {
        Stack stack = newStack();
        FixedEstimator.pilotLight(stack, "Core");
        FixedEstimator.warmStandby(stack, "Fleet");
        objectives(Duration.ofMinutes(10), null).applyTo(stack);

        ObjectivesAssessment a = ObjectivesAssessment.of(stack);
        assertEquals(DrStrategy.WARM_STANDBY, a.strategy());
        assertEquals("Dr/Core", a.rtoEstimate().source());
        assertEquals(Boolean.FALSE, a.rtoMet());
        assertNull(a.rpoMet());
        String msg = synthFailure();
        assertContains(msg, "not met by 'Dr/Core'");
        assertTrue(!msg.contains("not met by 'Dr/Fleet'"), msg);
    }

    @Test
    void synth_whenConstructDeclaresStricterObjective_failsOnThatScope() {
        Stack stack = newStack();
        Construct tier = new Construct(stack, "Tier");
        FixedEstimator.pilotLight(tier, "Core");
        objectives(Duration.ofHours(1), null).applyTo(stack);
        objectives(Duration.ofMinutes(20), null).applyTo(tier);

        assertSame(RecoveryObjectives.declaredOn(tier), RecoveryObjectives.of(tier.getNode().findChild("Core")));
        assertContains(synthFailure(), "RecoveryObjectives on 'Dr/Tier': RTO objective 20 min is not met by 'Dr/Tier/Core'");
    }

    @Test
    void synth_whenNoEstimatorUnderScope_failsSayingNothingEstimates() {
        Stack stack = newStack();
        objectives(Duration.ofMinutes(30), Duration.ofMinutes(5)).applyTo(stack);

        assertContains(synthFailure(), "RecoveryObjectives on 'Dr': no construct under it estimates its recovery (none "
                + "implements RecoveryEstimator), so RTO 30 min, RPO 5 min cannot be checked; add the drkit constructs "
                + "that protect it, or remove the objectives");
    }

    @Test
    void synth_whenRpoDeclaredButOnlyRtoEstimated_failsSayingItCannotBeChecked() {
        Stack stack = newStack();
        new FixedEstimator(stack, "Dns", DrStrategy.MULTI_SITE, List.of(EstimateTerms.dnsPropagation()), List.of(), null);
        objectives(null, Duration.ofMinutes(5)).applyTo(stack);

        assertContains(synthFailure(), "RecoveryObjectives on 'Dr': RPO objective 5 min cannot be checked: no construct "
                + "under it estimates an RPO ('Dr/Dns' estimate only recovery time)");
    }

    @Test
    void synth_whenEstimatorThrows_failsNamingIt() {
        Stack stack = newStack();
        new FixedEstimator(stack, "Bad", DrStrategy.PILOT_LIGHT, null, List.of(), null);
        objectives(Duration.ofMinutes(30), null).applyTo(stack);

        assertContains(synthFailure(), "RecoveryObjectives on 'Dr': 'Dr/Bad' (FixedEstimator) could not estimate its "
                + "recovery: RecoveryEstimate: rtoTerms must not be null (use an empty list)");
    }

    @Test
    void synth_whenEstimatorReturnsNull_failsNamingIt() {
        Stack stack = newStack();
        new NullEstimator(stack, "Silent");
        objectives(Duration.ofMinutes(30), null).applyTo(stack);

        assertContains(synthFailure(), "RecoveryObjectives on 'Dr': 'Dr/Silent' (NullEstimator) returned no recovery estimate");
    }

    @Test
    void synth_whenRtoDeclaredButOnlyRpoEstimated_failsSayingItCannotBeChecked() {
        Stack stack = newStack();
        new FixedEstimator(stack, "Link", DrStrategy.PILOT_LIGHT, List.of(),
                List.of(EstimateTerms.s3ReplicationTimeControl(null)), null);
        objectives(Duration.ofMinutes(30), null).applyTo(stack);

        assertContains(synthFailure(), "RecoveryObjectives on 'Dr': RTO objective 30 min cannot be checked: no construct "
                + "under it estimates an RTO ('Dr/Link' estimate only data loss)");
    }

    static final class NullEstimator extends Construct implements RecoveryEstimator {
        NullEstimator(Construct scope, String id) {
            super(scope, id);
        }

        @Override
        public RecoveryEstimate recoveryEstimate() {
            return null;
        }
    }

    @Test
    void applyTo_whenDeclaredTwice_throwsNamingScope() {
        Stack stack = newStack();
        objectives(Duration.ofMinutes(30), null).applyTo(stack);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> objectives(Duration.ofMinutes(10), null).applyTo(stack));
        assertEquals("RecoveryObjectives: objectives are already declared on 'Dr'; declare them once per scope", e.getMessage());
    }

    @Test
    void of_whenNothingDeclared_returnsNull() {
        Stack stack = newStack();
        assertNull(RecoveryObjectives.of(stack));
        assertNull(ObjectivesAssessment.of(stack).rtoMet());
        Template.fromStack(stack);
    }

    @Test
    void build_whenRtoZero_throwsNamingField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RecoveryObjectives.builder().rto(software.amazon.awscdk.Duration.seconds(0)).build());
        assertEquals("RecoveryObjectives: rto must be greater than zero (got 0 seconds)", e.getMessage());
    }

    @Test
    void build_whenRpoOnlyKnownAtDeploy_throwsNamingField() {
        software.amazon.awscdk.Duration deployTime = software.amazon.awscdk.Duration.seconds(software.amazon.awscdk.Token.asNumber(new software.amazon.awscdk.Intrinsic("Interval")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RecoveryObjectives.builder().rpo(deployTime).build());
        assertEquals("RecoveryObjectives: rpo must be known at synth time, not a deploy-time token (got " + deployTime + ")",
                e.getMessage());
    }

    @Test
    void build_whenNeitherSet_throws() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RecoveryObjectives.builder().build());
        assertEquals("RecoveryObjectives: set rto, rpo or both (got neither)", e.getMessage());
    }

    @Test
    void build_whenGivenCdkDurations_keepsThem() {
        RecoveryObjectives o = RecoveryObjectives.builder().rto(software.amazon.awscdk.Duration.minutes(30))
                .rpo(software.amazon.awscdk.Duration.hours(1)).build();
        assertEquals(30 * 60, o.getRto().toSeconds().intValue());
        assertEquals(60 * 60, o.getRpo().toSeconds().intValue());
    }
}
