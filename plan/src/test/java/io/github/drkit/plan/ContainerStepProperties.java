package io.github.drkit.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * The container step kinds ({@code scaleService}, {@code scaleNodegroup}), by property: a step the reader accepts
 * reads back equal and conforms to the schema; a step it refuses is refused at a field of the step, and a value outside
 * the schema's ranges is refused by both.
 */
class ContainerStepProperties {
    private static final Object ABSENT = new Object();

    @Provide
    Arbitrary<Map<String, Object>> services() {
        Arbitrary<Object> region = mostly(List.of(ABSENT, "us-west-2", "eu-west-1"), "us-west-9");
        Arbitrary<Object> name = mostly(List.of("shop", "shop-web_1", "a".repeat(255)), "a".repeat(256), "bad name", "-x");
        Arbitrary<Object> standby = mostly(List.of(0, 1, 2), -1, 10_001, 5);
        Arbitrary<Object> recovery = mostly(List.of(2, 4, 10_000), 1, 10_001);
        List<Object> none = List.of(ABSENT, ABSENT, ABSENT, ABSENT);
        Arbitrary<Object> primary = mostly(List.of(none, none, List.of(50, "us-east-1", ABSENT, ABSENT),
                        List.of(100, "us-east-1", "primary-shop", "primary-web"), List.of(1, "eu-west-1", ABSENT, "web")),
                List.of(0, "us-east-1", ABSENT, ABSENT), List.of(101, "us-east-1", ABSENT, ABSENT), List.of(50, ABSENT, ABSENT, ABSENT),
                List.of(ABSENT, "us-east-1", ABSENT, ABSENT), List.of(ABSENT, ABSENT, "shop", ABSENT), List.of(50, "us-west-2", ABSENT, ABSENT),
                List.of(50, "mars-1", ABSENT, ABSENT), List.of(50, "us-east-1", "bad name", ABSENT));
        Arbitrary<Object> timeout = mostly(List.of(ABSENT, 0, 600, 3600), 3601);
        return Combinators.combine(List.of(region, name, name, standby, recovery, primary, timeout)).as(v -> {
            List<Object> values = new java.util.ArrayList<>(v.subList(0, 5));
            values.addAll((List<?>) v.get(5));
            values.add(v.get(6));
            return step("scaleService", values, "region", "cluster", "service", "standbyDesiredCount", "recoveryDesiredCount",
                    "recoveryPercentOfPrimary", "primaryRegion", "primaryCluster", "primaryService", "steadyStateTimeoutSeconds");
        });
    }

    @Provide
    Arbitrary<Map<String, Object>> nodegroups() {
        Arbitrary<Object> region = mostly(List.of(ABSENT, "us-west-2"), "us-west-9");
        Arbitrary<Object> cluster = mostly(List.of("shop", "k8s_1", "a".repeat(100)), "a".repeat(101), "_x");
        Arbitrary<Object> nodegroup = mostly(List.of("workers", "a".repeat(63)), "a".repeat(64), "bad name");
        Arbitrary<Object> capacity = mostly(List.of(capacity(0, 0, 2), capacity(0, 1, 2), capacity(1, 2, 4), capacity(2, 3, 6)),
                capacity(-1, 0, 2), capacity(3, 2, 6), capacity(0, 0, 0), capacity(0, 10_001, 10_000));
        Arbitrary<Object> timeout = mostly(List.of(ABSENT, 0, 900), 3601);
        return Combinators.combine(region, cluster, nodegroup, capacity, capacity, timeout)
                .as((r, c, n, s, rc, t) -> step("scaleNodegroup", List.of(r, c, n, s, rc, t),
                        "region", "clusterName", "nodegroupName", "standby", "recovery", "updateTimeoutSeconds"));
    }

    /** Valid values nine times in ten, so that both outcomes are well represented. */
    private static Arbitrary<Object> mostly(List<Object> valid, Object... invalid) {
        return Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.of(valid)), Tuple.of(1, Arbitraries.of(invalid)));
    }

    private static Object capacity(int min, int desired, int max) {
        Map<String, Object> capacity = new LinkedHashMap<>();
        capacity.put("min", min);
        capacity.put("desired", desired);
        capacity.put("max", max);
        return capacity;
    }

    private static Map<String, Object> step(String kind, List<Object> values, String... names) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("kind", kind);
        for (int i = 0; i < names.length; i++) {
            if (values.get(i) != ABSENT) {
                step.put(names[i], values.get(i));
            }
        }
        return step;
    }

    @Property(tries = 1000, generation = GenerationMode.RANDOMIZED)
    void service_whenReadWrittenAndReadAgain_roundTripsOrNamesAFieldOfTheStep(@ForAll("services") Map<String, Object> step) {
        check(step);
    }

    @Property(tries = 1000, generation = GenerationMode.RANDOMIZED)
    void nodegroup_whenReadWrittenAndReadAgain_roundTripsOrNamesAFieldOfTheStep(@ForAll("nodegroups") Map<String, Object> step) {
        check(step);
    }

    private static void check(Map<String, Object> step) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("version", 2);
        plan.put("application", "shop");
        plan.put("strategy", "PILOT_LIGHT");
        plan.put("primaryRegion", "us-east-1");
        plan.put("recoveryRegion", "us-west-2");
        plan.put("stages", List.of(Map.of("name", "compute", "steps", List.of(step))));
        String json = PlanWriter.render(plan);
        RecoveryPlan read;
        try {
            read = RecoveryPlan.parse(json);
        } catch (PlanValidationException e) {
            assertTrue(e.field().startsWith("stages[0].steps[0]"), () -> "refused outside the step: " + e.getMessage());
            Statistics.collect("refused");
            coverage();
            return;
        }
        Statistics.collect("accepted");
        String written = PlanWriter.toJson(read);
        assertEquals(List.of(), PlanSchema.errors(json), () -> "the reader accepts what the schema refuses: " + json);
        assertEquals(List.of(), PlanSchema.errors(written), () -> "the reader accepts what the schema refuses: " + written);
        assertEquals(written, PlanWriter.toJson(RecoveryPlan.parse(written)), "reading what was written gives the same plan");
        assertFalse(read.stages().get(0).steps().isEmpty());
        coverage();
    }

    private static void coverage() {
        Statistics.coverage(c -> {
            c.check("accepted").percentage(p -> p >= 5);
            c.check("refused").percentage(p -> p >= 5);
        });
    }
}
