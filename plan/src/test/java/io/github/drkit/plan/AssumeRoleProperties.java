package io.github.drkit.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@code assumeRole} on any step of any kind, by property: generated roles (account, path, name, external id) put on one
 * step of the documented version 2 example are read onto that step alone, written back unchanged and accepted by the
 * schema, whatever the kind.
 */
class AssumeRoleProperties {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NAME_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+=,.@_-";

    /** A role and the step (stage, index) it goes on. */
    record Placed(int stage, int step, String account, String path, String name, String externalId) {
    }

    private static Map<String, Object> example() {
        try {
            return JSON.readValue(RecoveryPlanTest.documentedPlanV2(), new com.fasterxml.jackson.core.type.TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // Safe: plan trees (PlanWriter's, Jackson's untyped reads) hold every JSON object as Map<String, Object>, every array as a List.
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> stages(Map<String, Object> plan) {
        return (List<Map<String, Object>>) plan.get("stages");
    }

    // Safe: plan trees (PlanWriter's, Jackson's untyped reads) hold every JSON object as Map<String, Object>, every array as a List.
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> steps(Map<String, Object> stage) {
        return (List<Map<String, Object>>) stage.get("steps");
    }

    @Provide
    Arbitrary<Placed> roles() {
        List<Map<String, Object>> stages = stages(example());
        Arbitrary<int[]> where = Arbitraries.integers().between(0, stages.size() - 1)
                .flatMap(s -> Arbitraries.integers().between(0, steps(stages.get(s)).size() - 1).map(i -> new int[] {s, i}));
        Arbitrary<String> account = Arbitraries.strings().numeric().ofLength(12);
        Arbitrary<String> segment = Arbitraries.strings().withChars(NAME_CHARS).ofMinLength(1).ofMaxLength(20);
        Arbitrary<String> path = segment.list().ofMaxSize(3).map(list -> list.stream().map(s -> s + "/").reduce("", String::concat));
        Arbitrary<String> name = Arbitraries.strings().withChars(NAME_CHARS).ofMinLength(1).ofMaxLength(64);
        Arbitrary<String> externalId = Arbitraries.strings().withChars(NAME_CHARS + ":/").ofMinLength(2).ofMaxLength(64).injectNull(0.3);
        return Combinators.combine(where, account, path, name, externalId)
                .as((w, a, p, n, e) -> new Placed(w[0], w[1], a, p, n, e));
    }

    @Property(tries = 1000, generation = GenerationMode.RANDOMIZED)
    void read_whenAnyStepNamesARole_carriesItOnThatStepAloneAndWritesItBack(@ForAll("roles") Placed placed) {
        Map<String, Object> tree = example();
        Map<String, Object> step = steps(stages(tree).get(placed.stage())).get(placed.step());
        String region = step.containsKey("region") ? (String) step.get("region") : (String) tree.get("recoveryRegion");
        String arn = "arn:" + Regions.partition(region) + ":iam::" + placed.account() + ":role/" + placed.path() + placed.name();
        Map<String, Object> role = new LinkedHashMap<>();
        role.put("roleArn", arn);
        if (placed.externalId() != null) {
            role.put("externalId", placed.externalId());
        }
        step.put("assumeRole", role);
        String json = PlanWriter.render(tree);

        RecoveryPlan plan = RecoveryPlan.parse(json);

        for (int s = 0; s < plan.stages().size(); s++) {
            for (int i = 0; i < plan.stages().get(s).steps().size(); i++) {
                AssumeRole read = plan.assumeRole(plan.stages().get(s).steps().get(i));
                if (s == placed.stage() && i == placed.step()) {
                    assertEquals(new AssumeRole(arn, placed.externalId(), "stages[" + s + "].steps[" + i + "].assumeRole"), read);
                    assertEquals(placed.account(), read.account());
                } else {
                    assertNull(read, "stages[" + s + "].steps[" + i + "]");
                }
            }
        }
        String written = PlanWriter.toJson(plan);
        assertEquals(written, PlanWriter.toJson(RecoveryPlan.parse(written)), "written and read back the same");
        assertEquals(List.of(), PlanSchema.errors(written), written);
    }
}
