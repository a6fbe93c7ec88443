package io.github.drkit.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;

import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
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
