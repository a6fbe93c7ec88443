package io.github.drkit.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Version 2 stages, by property: the steps of the documented example regrouped into any number of stages, in any
 * order, read back in plan order with their stage paths, conform to the schema, and fail back by kind.
 */
class StageProperties {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, Object> example() {
        try {
            return JSON.readValue(RecoveryPlanTest.documentedPlanV2(), new com.fasterxml.jackson.core.type.TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // Safe: plan trees (PlanWriter's, Jackson's untyped reads) hold every JSON object as Map<String, Object>, every array as a List.
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> exampleSteps() {
        List<Map<String, Object>> steps = new ArrayList<>();
        for (Object stage : (List<Object>) example().get("stages")) {
            steps.addAll((List<Map<String, Object>>) ((Map<String, Object>) stage).get("steps"));
        }
        return steps;
    }

    /** For each step of the example, in a shuffled order, the stage it goes to (0-5). */
    @Provide
    Arbitrary<List<int[]>> groupings() {
        int steps = exampleSteps().size();
        return Arbitraries.integers().between(0, steps - 1).list().ofSize(steps).uniqueElements()
                .flatMap(order -> Arbitraries.integers().between(0, 5).list().ofSize(steps)
                        .map(stageOf -> {
                            List<int[]> placed = new ArrayList<>();
                            for (int i = 0; i < steps; i++) {
                                placed.add(new int[] {order.get(i), stageOf.get(i)});
                            }
                            return placed;
                        }));
    }

    @Property(tries = 300, generation = GenerationMode.RANDOMIZED)
    void read_whenStepsRegroupedIntoAnyStages_keepsPlanOrderAndFailsBackByKind(@ForAll("groupings") List<int[]> placed) {
        List<Map<String, Object>> steps = exampleSteps();
        TreeMap<Integer, List<Map<String, Object>>> byStage = new TreeMap<>();
        for (int[] p : placed) {
            byStage.computeIfAbsent(p[1], k -> new ArrayList<>()).add(steps.get(p[0]));
        }
        List<Map<String, Object>> stages = new ArrayList<>();
        byStage.forEach((k, stepsOfStage) -> stages.add(new LinkedHashMap<>(Map.of("name", "stage-" + k, "steps", stepsOfStage))));
        Map<String, Object> tree = example();
        tree.put("stages", stages);
        String json = PlanWriter.render(tree);

        RecoveryPlan plan = RecoveryPlan.parse(json);

        assertEquals(stages.stream().map(s -> s.get("name")).toList(), plan.stages().stream().map(Stage::name).toList());
        for (int i = 0; i < plan.stages().size(); i++) {
            List<PlanStep> read = plan.stages().get(i).steps();
            for (int j = 0; j < read.size(); j++) {
                assertEquals("stages[" + i + "].steps[" + j + "]", read.get(j).path());
            }
        }
        assertEquals(List.of(), PlanSchema.errors(json), json);
        String written = PlanWriter.toJson(plan);
        assertEquals(written, PlanWriter.toJson(RecoveryPlan.parse(written)), "written and read back the same");
        assertEquals(List.of(), PlanSchema.errors(written), written);
        int last = Integer.MIN_VALUE;
        int ranked = 0;
        for (List<PlanStep> group : plan.failbackOrder()) {
            OptionalInt rank = StepKinds.of(group.get(0)).failbackRank();
            assertTrue(rank.isPresent() && rank.getAsInt() > last, "failback groups by rising rank");
            for (PlanStep step : group) {
                assertEquals(rank, StepKinds.of(step).failbackRank());
            }
            last = rank.getAsInt();
            ranked += group.size();
        }
        assertEquals(plan.steps().stream().filter(s -> StepKinds.of(s).failbackRank().isPresent()).count(), ranked);
    }
}
