package io.github.drkit.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The reader's modes (deploy-time placeholders) and its part checks, as the constructs use them. */
class PlanReaderTest {
    private static final String TOKEN = "${Token[TOKEN.42]}";
    private static final PlanReader CONSTRUCTS = PlanReader.builder().unresolved(v -> v.contains("${Token[")).build();

    private static FleetPlan fleet(String region, String name, List<String> targetGroups) {
        return new FleetPlan(region, name, new Capacity(1, 1, 2), new Capacity(2, 4, 8), null, null, 2, targetGroups);
    }

    private static RecoveryPlan plan(FleetPlan fleet, String topic) {
        return new RecoveryPlan(RecoveryPlan.CURRENT_VERSION, "shop", Strategy.WARM_STANDBY, "us-east-1", "us-west-2", List.of(), List.of(),
                List.of(fleet), List.of(), List.of(), 600, topic);
    }

    @Test
    void read_whenValuesAreUnresolvedPlaceholders_skipsTheirFormatChecksOnly() {
        RecoveryPlan written = plan(fleet(TOKEN, TOKEN, List.of(TOKEN)), TOKEN);

        RecoveryPlan read = CONSTRUCTS.read(PlanWriter.toTree(written));

        assertEquals(PlanWriter.toTree(written), PlanWriter.toTree(read));
    }

    @Test
    void read_whenPlaceholderAndAnotherRuleBroken_stillRefusesTheRule() {
        FleetPlan fleet = new FleetPlan(TOKEN, TOKEN, new Capacity(1, 1, 2), new Capacity(0, 4, 8), null, null, 0, List.of());

        PlanValidationException e = assertThrows(PlanValidationException.class, () -> CONSTRUCTS.read(PlanWriter.toTree(plan(fleet, null))));

        // Written as version 2: the fleet is the first step of the first stage, "compute".
        assertEquals("stages[0].steps[0].recovery.min", e.field());
    }

    @Test
    void read_whenStrict_refusesPlaceholders() {
        PlanValidationException e = assertThrows(PlanValidationException.class,
                () -> PlanReader.strict().read(PlanWriter.toJson(plan(fleet("us-west-2", TOKEN + ":", List.of()), null))));

        assertEquals("stages[0].steps[0].autoScalingGroupName", e.field());
    }

    @Test
    void check_whenFleetAlone_namesTheFieldRelativeToTheFleet() {
        FleetPlan fleet = new FleetPlan("us-west-2", "web", new Capacity(1, 1, 2), new Capacity(2, 4, 8), null, null, 5, List.of());

        PlanValidationException e = assertThrows(PlanValidationException.class, () -> PlanReader.strict().check(fleet));

        assertEquals("minHealthy: must be at most recovery.desired (got 5, recovery.desired 4): the fleet could never become healthy", e.getMessage());
    }

    @Test
    void of_whenCountsOutOfOrder_namesTheCountUnderThePath() {
        PlanValidationException e = assertThrows(PlanValidationException.class, () -> Capacity.of(3, 2, 4, "fleets[0].standby"));

        assertEquals("fleets[0].standby.min", e.field());
    }

    @Test
    void atLeast_whenLiveGroupIsLarger_keepsEachLargerCount() {
        assertEquals(new Capacity(3, 4, 10), new Capacity(3, 1, 10).atLeast(new Capacity(2, 4, 8)));
    }

    @Test
    void toJson_whenWrittenAndReadBack_isTheSameText() {
        String json = PlanWriter.toJson(RecoveryPlan.parse(RecoveryPlanTest.documentedPlan()));

        assertEquals(json, PlanWriter.toJson(RecoveryPlan.parse(json)));
    }

    private static String withObjectives(String objectives) {
        String json = PlanWriter.toJson(plan(fleet("us-west-2", "web", List.of()), null));
        return json.substring(0, json.length() - 1) + ",\"objectives\":" + objectives + "}";
    }

    @Test
    void read_whenObjectivesDeclared_keepsThem() {
        RecoveryPlan read = RecoveryPlan.parse(withObjectives("{\"rtoSeconds\":900,\"rpoSeconds\":300}"));

        assertEquals(new PlanObjectives(900, 300), read.objectives());
    }

    @Test
    void read_whenObjectivesEmpty_refusesTheObject() {
        PlanValidationException e = assertThrows(PlanValidationException.class, () -> RecoveryPlan.parse(withObjectives("{}")));

        assertEquals("objectives: must declare rtoSeconds, rpoSeconds or both (got an empty object)", e.getMessage());
    }

    @Test
    void read_whenRtoBelowOneSecond_namesTheObjective() {
        PlanValidationException e = assertThrows(PlanValidationException.class,
                () -> RecoveryPlan.parse(withObjectives("{\"rtoSeconds\":0}")));

        assertEquals("objectives.rtoSeconds: must be between 1 and 31536000 (got 0)", e.getMessage());
    }

    @Test
    void read_whenRpoNotWholeSeconds_namesTheObjective() {
        PlanValidationException e = assertThrows(PlanValidationException.class,
                () -> RecoveryPlan.parse(withObjectives("{\"rpoSeconds\":1.5}")));

        assertEquals("objectives.rpoSeconds", e.field());
        assertEquals("objectives.rpoSeconds: must be a whole number (got 1.5)", e.getMessage());
    }

    @Test
    void read_whenObjectivesHaveAnUnknownField_namesIt() {
        PlanValidationException e = assertThrows(PlanValidationException.class,
                () -> RecoveryPlan.parse(withObjectives("{\"rtoSeconds\":60,\"mtbfSeconds\":1}")));

        assertEquals("objectives.mtbfSeconds", e.field());
    }

    @Test
    void before_whenPlanDeclaresObjectives_keepsThem() {
        RecoveryPlan plan = RecoveryPlan.parse(withObjectives("{\"rpoSeconds\":60}"));

        assertEquals(plan.objectives(), plan.before(plan.steps().get(plan.steps().size() - 1)).objectives());
    }
}
