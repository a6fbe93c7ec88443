package io.github.drkit.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.drkit.containers.NodegroupStandby;
import io.github.drkit.containers.NodegroupStandbyProps;
import io.github.drkit.objectives.DrStrategy;
import io.github.drkit.objectives.EstimateTerm;
import io.github.drkit.objectives.ObjectivesAssessment;
import io.github.drkit.objectives.RecoveryEstimate;
import io.github.drkit.objectives.RecoveryEstimator;
import io.github.drkit.objectives.RecoveryObjectives;
import io.github.drkit.testsupport.Fixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnParameter;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;

/** The time approvals and custom actions add to a failover, and the synth-time RTO check that counts it. */
class StepEstimatesTest {
    private static IFunction flags(Stack stack) {
        return Function.fromFunctionArn(stack, "Flags", "arn:aws:lambda:us-west-2:111111111111:function:flip-flags");
    }

    private static NodegroupStandby nodes(Stack stack) {
        return new NodegroupStandby(stack, "Nodes", NodegroupStandbyProps.builder().clusterName("shop").vpc(Fixtures.vpc(stack))
                .recoveryDesiredSize(3).build());
    }

    private static FailoverFunction failover(Stack stack, NodegroupStandby nodes, RecoveryStep... extra) {
        List<RecoveryStep> steps = new ArrayList<>();
        steps.add(nodes.getStep());
        steps.addAll(List.of(extra));
        return new FailoverFunction(stack, "Failover", FailoverFunctionProps.builder().plan(FailoverPlan.builder().application("shop")
                .strategy(DrStrategy.PILOT_LIGHT).primaryRegion("us-east-1").recoveryRegion("us-west-2").otherSteps(steps).build()).build());
    }

    private static EstimateTerm only(List<EstimateTerm> terms) {
        assertEquals(1, terms.size(), terms.toString());
        return terms.get(0);
    }

    @Test
    void rtoTerms_whenApprovalDeclaresNoWait_isFifteenMinutesNamingTheStageAndProp() {
        EstimateTerm t = only(ManualApproval.before("traffic").rtoTerms());

        assertEquals("manual approval", t.name());
        assertEquals(java.time.Duration.ofMinutes(15), t.duration());
        assertEquals("ManualApproval.expectedWait", t.prop());
        assertTrue(t.basis().contains("stage 'traffic'") && t.basis().contains("drkit default"), t.basis());
    }

    @Test
    void rtoTerms_whenApprovalDeclaresItsWait_usesIt() {
        ManualApproval approval = ManualApproval.builder().stage("compute").message("Primary down for good?")
                .expectedWait(Duration.minutes(40)).build();
        EstimateTerm t = only(approval.rtoTerms());

        assertEquals(java.time.Duration.ofMinutes(40), t.duration());
        assertTrue(t.basis().contains("declared response time"), t.basis());
        assertEquals("Primary down for good?", approval.getMessage());
    }

    @Test
    void builder_whenExpectedWaitZero_refuses() {
        PlanModelTest.assertMessage("ManualApproval: expectedWait must be greater than zero (got 0 seconds): a person takes time to answer",
                () -> ManualApproval.builder().stage("traffic").expectedWait(Duration.seconds(0)).build());
    }

    @Test
    void builder_whenExpectedWaitIsAToken_refuses() {
        Stack stack = Fixtures.recoveryStack();
        Duration token = Duration.minutes(CfnParameter.Builder.create(stack, "Wait").type("Number").build().getValueAsNumber());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ManualApproval.builder().stage("traffic").expectedWait(token).build());
        assertTrue(e.getMessage().startsWith("ManualApproval: expectedWait must be known at synth time, not a deploy-time token (got "),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("): the recovery time check adds it"), e.getMessage());
    }

    @Test
    void builder_whenStageMissing_refuses() {
        PlanModelTest.assertMessage("ManualApproval: stage is required", () -> ManualApproval.builder().build());
    }

    @Test
    void rtoTerms_whenCustomActionOnFailover_isItsTimeoutWhichBoundsEveryAttempt() {
        Stack stack = Fixtures.recoveryStack();
        EstimateTerm t = only(CustomAction.builder().function(flags(stack)).timeout(Duration.minutes(2)).retries(2).build().rtoTerms());

        assertEquals("custom action", t.name());
        assertEquals(java.time.Duration.ofMinutes(2), t.duration());
        assertEquals("CustomAction.timeout", t.prop());
        assertTrue(t.basis().contains("'Test/Flags' invoked up to 3 time(s), all attempts within its timeout of 2 min"), t.basis());
    }

    @Test
    void rtoTerms_whenCustomActionRunsOnFailbackOnly_addsNothingToFailover() {
        Stack stack = Fixtures.recoveryStack();
        assertTrue(CustomAction.builder().function(flags(stack)).runOn(CustomAction.RunOn.FAILBACK).build().rtoTerms().isEmpty());
    }

    @Test
    void assessment_whenPlanHasNoApprovalOrAction_isTheTopologysEstimate() {
        Stack stack = Fixtures.recoveryStack();
        NodegroupStandby nodes = nodes(stack);
        FailoverFunction failover = failover(stack, nodes);

        assertNull(failover.addedRecoveryTime());
        assertEquals(nodes.recoveryEstimate().rto(), ObjectivesAssessment.of(stack).rto());
    }

    @Test
    void assessment_whenApprovalAndAction_addsTheirTermsAfterTheRecoveryTheyLengthen() {
        Stack stack = Fixtures.recoveryStack();
        NodegroupStandby nodes = nodes(stack);
        failover(stack, nodes, CustomAction.builder().function(flags(stack)).stage("compute").timeout(Duration.minutes(2)).build(),
                ManualApproval.builder().stage("compute").expectedWait(Duration.minutes(20)).build());

        ObjectivesAssessment a = ObjectivesAssessment.of(stack);
        // the node group's 13 min 30 s, then the action's 2 min timeout and the approver's 20 min
        assertEquals(nodes.recoveryEstimate().rto().plusMinutes(22), a.rto());
        assertTrue(a.rtoEstimate().source().startsWith("Test/Failover (its plan's approvals and actions after 'Test/Nodes')"),
                a.rtoEstimate().source());
        assertEquals(DrStrategy.PILOT_LIGHT, a.rtoEstimate().strategy());
    }

    @Test
    void synth_whenObjectiveLeavesNoRoomForTheApproval_failsNamingTheTermsAndProps() {
        App app = new App();
        Stack stack = new Stack(app, "Test", software.amazon.awscdk.StackProps.builder().env(software.amazon.awscdk.Environment.builder()
                .account(Fixtures.ACCOUNT).region("us-west-2").build()).build());
        NodegroupStandby nodes = nodes(stack);
        failover(stack, nodes, CustomAction.builder().function(flags(stack)).stage("compute").timeout(Duration.minutes(2)).build(),
                ManualApproval.before("compute", "Primary down for good?"));
        RecoveryObjectives.builder().rto(Duration.minutes(20)).build().applyTo(stack);

        List<String> violations = ObjectivesAssessment.of(stack).violations();
        assertEquals(1, violations.size(), violations.toString());
        String v = violations.get(0);
        assertTrue(v.contains("RTO objective 20 min is not met by 'Test/Failover (its plan's approvals and actions after 'Test/Nodes')'"), v);
        assertTrue(v.contains("estimate 30 min 30 s"), v);
        assertTrue(v.contains("manual approval: the run stops before stage 'compute' until a person approves it"), v);
        assertTrue(v.contains("custom action: 'Test/Flags' invoked up to 3 time(s)"), v);
        assertTrue(v.contains("ManualApproval.expectedWait (manual approval, 15 min)"), v);
        assertTrue(v.contains("CustomAction.timeout (custom action, 2 min)"), v);
        RuntimeException synth = assertThrows(RuntimeException.class, app::synth);
        assertTrue(synth.getMessage().contains("manual approval"), synth.getMessage());
    }

    @Test
    void synth_whenObjectiveLeavesRoom_passes() {
        Stack stack = Fixtures.recoveryStack();
        NodegroupStandby nodes = nodes(stack);
        failover(stack, nodes, ManualApproval.before("compute"));
        RecoveryObjectives.builder().rto(Duration.minutes(30)).build().applyTo(stack);

        ObjectivesAssessment a = ObjectivesAssessment.of(stack);
        assertTrue(a.violations().isEmpty(), a.violations().toString());
        assertEquals(Boolean.TRUE, a.rtoMet());
        assertFalse(a.estimates().isEmpty());
    }

    /** A topology construct that states its RTO in one term and runs its own failover function. */
    private static final class Topology extends software.constructs.Construct implements RecoveryEstimator {
        private final java.time.Duration rto;

        Topology(software.constructs.Construct scope, String id, java.time.Duration rto) {
            super(scope, id);
            this.rto = rto;
        }

        @Override
        public RecoveryEstimate recoveryEstimate() {
            return RecoveryEstimate.builder().source(getNode().getPath()).strategy(DrStrategy.WARM_STANDBY)
                    .rtoTerms(List.of(EstimateTerm.of("recovery", rto, "stated", "Topology.rto"))).rpoTerms(List.of()).build();
        }
    }

    @Test
    void assessment_whenTheFunctionBelongsToATopology_lengthensThatTopologyNotTheSlowest() {
        Stack stack = Fixtures.recoveryStack();
        new Topology(stack, "Slow", java.time.Duration.ofMinutes(60));
        Topology fast = new Topology(stack, "Fast", java.time.Duration.ofMinutes(10));
        new FailoverFunction(fast, "Failover", FailoverFunctionProps.builder().plan(FailoverPlan.builder().application("shop")
                .strategy(DrStrategy.WARM_STANDBY).primaryRegion("us-east-1").recoveryRegion("us-west-2")
                .instances(List.of(PlanInstances.of("us-west-2", List.of("i-0123456789abcdef0"))))
                .otherSteps(List.of(ManualApproval.before("compute"))).build()).build());

        ObjectivesAssessment a = ObjectivesAssessment.of(stack);
        RecoveryEstimate lengthened = a.estimates().stream().filter(e -> e.source().startsWith("Test/Fast/Failover")).findFirst()
                .orElseThrow(() -> new AssertionError(a.estimates().toString()));
        assertEquals("Test/Fast/Failover (its plan's approvals and actions after 'Test/Fast')", lengthened.source());
        assertEquals(java.time.Duration.ofMinutes(25), lengthened.rto());
        assertEquals(java.time.Duration.ofMinutes(60), a.rto());
    }

    @Test
    void assessment_whenNoEstimatorAround_countsThePlansTermsAlone() {
        Stack stack = Fixtures.recoveryStack();
        new FailoverFunction(stack, "Failover", FailoverFunctionProps.builder().plan(FailoverPlan.builder().application("shop")
                .strategy(DrStrategy.WARM_STANDBY).primaryRegion("us-east-1").recoveryRegion("us-west-2")
                .instances(List.of(PlanInstances.of("us-west-2", List.of("i-0123456789abcdef0"))))
                .otherSteps(List.of(ManualApproval.before("compute"))).build()).build());

        ObjectivesAssessment a = ObjectivesAssessment.of(stack);
        assertEquals(java.time.Duration.ofMinutes(15), a.rto());
        assertEquals("Test/Failover", a.rtoEstimate().source());
        assertEquals(DrStrategy.WARM_STANDBY, a.rtoEstimate().strategy());
    }
}
