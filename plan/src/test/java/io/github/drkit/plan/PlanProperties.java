package io.github.drkit.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;

import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.statistics.Statistics;

/**
 * For every kind of plan part: a plan the writer writes and the reader accepts reads back equal and conforms to the
 * schema; a plan the reader refuses is refused at a field inside the generated part.
 */
class PlanProperties {

    @Provide
    Arbitrary<PlanInputs.FleetInput> fleets() {
        return PlanInputs.fleets();
    }

    @Provide
    Arbitrary<PlanInputs.ZoneInput> zones() {
        return PlanInputs.zones();
    }

    @Provide
    Arbitrary<PlanInputs.TargetZoneInput> targetZones() {
        return PlanInputs.targetZones();
    }

    @Provide
    Arbitrary<PlanInputs.SiteSwitchInput> siteSwitches() {
        return PlanInputs.siteSwitches();
    }

    @Provide
    Arbitrary<PlanInputs.InstancesInput> instanceGroups() {
        return PlanInputs.instanceGroups();
    }

    @Provide
    Arbitrary<PlanInputs.DatabaseInput> databases() {
        return PlanInputs.databases();
    }

    @Property(tries = 1000, generation = GenerationMode.RANDOMIZED)
    void fleet_whenWrittenAndRead_roundTripsOrNamesAFieldOfTheFleet(@ForAll("fleets") PlanInputs.FleetInput fleet) {
        check(PlanInputs.plan(List.of(), List.of(), List.of(fleet.toPlan()), List.of(), List.of()), "fleets[0]");
        coverage();
    }

    @Property(tries = 1000, generation = GenerationMode.RANDOMIZED)
    void zone_whenWrittenAndRead_roundTripsOrNamesAFieldOfTheZone(@ForAll("zones") PlanInputs.ZoneInput zone) {
        check(PlanInputs.plan(List.of(), List.of(), List.of(), List.of(zone.toPlan()), List.of()), "dns[0]");
        coverage();
    }

    @Property(tries = 1000, generation = GenerationMode.RANDOMIZED)
    void targetRecords_whenWrittenAndRead_roundTripOrNameAFieldOfTheZone(@ForAll("targetZones") PlanInputs.TargetZoneInput zone) {
        check(PlanInputs.plan(List.of(), List.of(), List.of(), List.of(zone.toPlan()), List.of()), "dns[0]");
        coverage();
    }

    @Property(tries = 1000, generation = GenerationMode.RANDOMIZED)
    void siteSwitch_whenWrittenAndRead_roundTripsOrNamesAFieldOfTheSwitch(@ForAll("siteSwitches") PlanInputs.SiteSwitchInput siteSwitch) {
        check(PlanInputs.plan(List.of(), List.of(), List.of(), List.of(), List.of(siteSwitch.toPlan())), "siteSwitches[0]");
        coverage();
    }

    @Property(tries = 1000, generation = GenerationMode.RANDOMIZED)
    void instances_whenWrittenAndRead_roundTripOrNameAFieldOfTheGroup(@ForAll("instanceGroups") PlanInputs.InstancesInput group) {
        check(PlanInputs.plan(List.of(), List.of(group.toPlan()), List.of(), List.of(), List.of()), "instances[0]");
        coverage();
    }

    @Property(tries = 1000, generation = GenerationMode.RANDOMIZED)
    void database_whenWrittenAndRead_roundTripsOrNamesAFieldOfTheDatabase(@ForAll("databases") PlanInputs.DatabaseInput database) {
        check(PlanInputs.plan(List.of(database.toPlan()), List.of(), List.of(), List.of(), List.of()), "databases[0]");
        coverage();
    }

    /** One declared objective: absent, at a bound, inside, or one past a bound. */
    @Provide
    Arbitrary<Integer> objectiveSeconds() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, Arbitraries.just(null)),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(1, PlanObjectives.MAX_SECONDS)),
                net.jqwik.api.Tuple.of(4, Arbitraries.integers().between(1, PlanObjectives.MAX_SECONDS)),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(0, -1, PlanObjectives.MAX_SECONDS + 1)));
    }

    @Property(tries = 1000, generation = GenerationMode.RANDOMIZED)
    void objectives_whenWrittenAndRead_roundTripOrNameTheObjective(@ForAll("objectiveSeconds") Integer rto,
                                                                   @ForAll("objectiveSeconds") Integer rpo) {
        java.util.Map<String, Object> objectives = new java.util.LinkedHashMap<>();
        if (rto != null) {
            objectives.put("rtoSeconds", rto);
        }
        if (rpo != null) {
            objectives.put("rpoSeconds", rpo);
        }
        RecoveryPlan base = PlanInputs.plan(List.of(new DatabasePlan(PlanInputs.RECOVERY_REGION, "orders")), List.of(), List.of(),
                List.of(), List.of());
        java.util.Map<String, Object> tree = PlanWriter.toTree(base);
        tree.put("objectives", objectives);
        String json = PlanWriter.render(tree);
        String version1 = PlanWriter.render(PlanInputs.version1(tree));
        String broken = outOfRange("rtoSeconds", rto) ? "objectives.rtoSeconds" : outOfRange("rpoSeconds", rpo) ? "objectives.rpoSeconds"
                : objectives.isEmpty() ? "objectives" : null;
        if (broken != null) {
            PlanValidationException e = org.junit.jupiter.api.Assertions.assertThrows(PlanValidationException.class, () -> RecoveryPlan.parse(json));
            assertEquals(broken, e.field(), e.getMessage());
            assertEquals(e.getMessage(), org.junit.jupiter.api.Assertions.assertThrows(PlanValidationException.class,
                    () -> RecoveryPlan.parse(version1)).getMessage());
            assertTrue(!PlanSchema.errors(json).isEmpty(), () -> "the schema accepts what the reader refuses: " + json);
            Statistics.collect("refused");
        } else {
            RecoveryPlan read = RecoveryPlan.parse(json);
            assertEquals(new PlanObjectives(rto, rpo), read.objectives());
            assertEquals(tree, PlanWriter.toTree(read), json);
            assertEquals(json, PlanWriter.toJson(RecoveryPlan.parse(version1)), () -> "version 1 converts to the same plan: " + version1);
            assertEquals(List.of(), PlanSchema.errors(json), () -> "the reader accepts what the schema refuses: " + json);
            assertEquals(List.of(), PlanSchema.errors(version1), () -> "the reader accepts what the schema refuses: " + version1);
            Statistics.collect("accepted");
        }
        coverage();
    }

    private static boolean outOfRange(String name, Integer seconds) {
        return seconds != null && (seconds < 1 || seconds > PlanObjectives.MAX_SECONDS);
    }

    /** Both outcomes must be well represented, or the property proves little about one of them. */
    private static void coverage() {
        Statistics.coverage(c -> {
            c.check("accepted").percentage(p -> p >= 10);
            c.check("refused").percentage(p -> p >= 5);
        });
    }

    /**
     * Checks the plan as version 2 (what the writer writes) and as version 1 (the same content in the version 1
     * layout): both are accepted and read back to the same plan, or both are refused with the same rule at the
     * same field of the generated part ({@code version1Part} in version 1, its step in version 2).
     */
    private static void check(RecoveryPlan written, String version1Part) {
        String part = PlanInputs.stepPath(written);
        java.util.Map<String, Object> tree = PlanWriter.toTree(written);
        String json = PlanWriter.render(tree);
        String version1 = PlanWriter.render(PlanInputs.version1(tree));
        RecoveryPlan read;
        try {
            read = RecoveryPlan.parse(json);
        } catch (PlanValidationException e) {
            assertTrue(e.field().startsWith(part), () -> "refused outside " + part + ": " + e.getMessage());
            PlanValidationException v1 = org.junit.jupiter.api.Assertions.assertThrows(PlanValidationException.class,
                    () -> RecoveryPlan.parse(version1), () -> "version 1 accepts what version 2 refuses: " + version1);
            assertEquals(e.getMessage(), v1.getMessage().replace(version1Part, part), version1);
            Statistics.collect("refused");
            return;
        }
        Statistics.collect("accepted");
        assertEquals(tree, PlanWriter.toTree(read), json);
        assertEquals(json, PlanWriter.toJson(RecoveryPlan.parse(version1)), () -> "version 1 converts to the same plan: " + version1);
        assertEquals(List.of(), PlanSchema.errors(json), () -> "the reader accepts what the schema refuses: " + json);
        assertEquals(List.of(), PlanSchema.errors(version1), () -> "the reader accepts what the schema refuses: " + version1);
        Function<RecoveryPlan, String> again = p -> PlanWriter.toJson(RecoveryPlan.parse(PlanWriter.toJson(p)));
        assertEquals(json, again.apply(read), "reading is idempotent");
    }
}
