package io.github.drkit.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Version 1 plans are still read, converted to stages: data (databases), compute (instances, fleets), health
 * (healthTimeoutSeconds) and traffic (dns, siteSwitches), with version 1 paths. Checked on the documented example
 * and on every version 1 plan the test suites of all modules write.
 */
class Version1CompatibilityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PLACEHOLDER = "${placeholder}";
    /** The test plans are format strings; their %s values are read as placeholders whose format is not checked. */
    private static final PlanReader TOLERANT = PlanReader.builder().unresolved(v -> v.contains(PLACEHOLDER)).build();
    private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"\\n(.*?)\"\"\"", Pattern.DOTALL);

    @Test
    void read_whenDocumentedVersion1Example_isTheDocumentedVersion2Example() {
        RecoveryPlan v1 = RecoveryPlan.parse(RecoveryPlanTest.documentedPlan());
        RecoveryPlan v2 = RecoveryPlan.parse(RecoveryPlanTest.documentedPlanV2());

        assertEquals(1, v1.version());
        assertEquals(2, v2.version());
        assertEquals(PlanWriter.toTree(onlyVersion1Kinds(v2)), PlanWriter.toTree(v1));
    }

    /** The version 2 example without the steps of kinds version 1 could not write (they have no version 1 field). */
    private static RecoveryPlan onlyVersion1Kinds(RecoveryPlan plan) {
        Map<String, Object> tree = PlanWriter.toTree(plan);
        // Safe: plan trees (PlanWriter's, Jackson's untyped reads) hold every JSON object as Map<String, Object>, every array as a List.
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> stages = (List<Map<String, Object>>) tree.get("stages");
        for (Map<String, Object> stage : stages) {
            // Safe: plan trees (PlanWriter's, Jackson's untyped reads) hold every JSON object as Map<String, Object>, every array as a List.
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> steps = (List<Map<String, Object>>) stage.get("steps");
            stage.put("steps", steps.stream().filter(step -> StepKinds.named((String) step.get("kind")).version1Field() != null).toList());
        }
        try {
            return RecoveryPlan.parse(JSON.writeValueAsString(tree));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void read_whenVersion1_keepsVersion1PathsAndStageOrder() {
        RecoveryPlan plan = RecoveryPlan.parse(RecoveryPlanTest.documentedPlan());

        assertEquals(Stage.VERSION_1_STAGES, plan.stages().stream().map(Stage::name).toList());
        assertEquals(List.of("promoteDatabase"), kinds(plan.stages().get(0)));
        assertEquals(List.of("startInstances", "scaleFleet"), kinds(plan.stages().get(1)));
        assertEquals(List.of("healthGate"), kinds(plan.stages().get(2)));
        assertEquals(List.of("changeDns", "switchSite"), kinds(plan.stages().get(3)));
        assertEquals("fleets[0]", plan.fleets().get(0).path());
        assertEquals("dns[0].records[1]", plan.dns().get(0).records().get(1).path());
        assertEquals("healthTimeoutSeconds", plan.steps(HealthGatePlan.class).get(0).path());
    }

    @Test
    void read_whenVersion1HasNoResources_keepsOnlyTheHealthStage() {
        RecoveryPlan plan = RecoveryPlan.parse("""
                {"version": 1, "application": "shop", "strategy": "PILOT_LIGHT", "recoveryRegion": "eu-west-1"}""");

        assertEquals(List.of("health"), plan.stages().stream().map(Stage::name).toList());
        assertEquals(RecoveryPlan.DEFAULT_HEALTH_TIMEOUT_SECONDS, plan.healthTimeoutSeconds());
    }

    @Test
    void read_whenVersion2StagesInAnotherOrder_keepsThePlanOrderAndRanksFailback() {
        RecoveryPlan plan = RecoveryPlan.parse("""
                {"version": 2, "application": "shop", "strategy": "WARM_STANDBY", "recoveryRegion": "us-west-2",
                 "stages": [
                   {"name": "traffic", "steps": [{"kind": "switchSite", "site": "a", "namespace": "drkit", "metricName": "On",
                                                  "normalValue": 1, "failoverValue": 0}]},
                   {"name": "fleet", "steps": [{"kind": "scaleFleet", "autoScalingGroupName": "web",
                                                "standby": {"min": 0, "desired": 0, "max": 1}, "recovery": {"min": 1, "desired": 1, "max": 2}}]},
                   {"name": "db", "steps": [{"kind": "promoteDatabase", "dbInstanceIdentifier": "shop-replica"}]}]}""");

        assertEquals(List.of("traffic", "fleet", "db"), plan.stages().stream().map(Stage::name).toList());
        assertEquals("stages[1].steps[0]", plan.fleets().get(0).path());
        List<List<PlanStep>> failback = plan.failbackOrder();
        assertEquals(2, failback.size());
        assertInstanceOf(SiteSwitchPlan.class, failback.get(0).get(0));
        assertInstanceOf(FleetPlan.class, failback.get(1).get(0));
    }

    @Test
    void read_whenSameFleetInTwoStages_namesTheSecondStep() {
        String fleet = """
                {"kind": "scaleFleet", "autoScalingGroupName": "web", "standby": {"min": 0, "desired": 0, "max": 1},
                 "recovery": {"min": 1, "desired": 1, "max": 2}}""";
        PlanValidationException e = org.junit.jupiter.api.Assertions.assertThrows(PlanValidationException.class, () -> RecoveryPlan.parse("""
                {"version": 2, "application": "shop", "strategy": "WARM_STANDBY", "recoveryRegion": "us-west-2",
                 "stages": [{"name": "a", "steps": [%s]}, {"name": "b", "steps": [%s]}]}""".formatted(fleet, fleet)));

        assertEquals("stages[1].steps[0].autoScalingGroupName: names the same Auto Scaling group as stages[0].steps[0]", e.getMessage());
    }

    static Stream<Arguments> version1TestPlans() {
        List<Arguments> plans = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of(".."))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java") && p.toString().contains("src/test/java")).sorted().toList()) {
                Matcher block = TEXT_BLOCK.matcher(Files.readString(source));
                while (block.find()) {
                    if (block.group(1).contains("\"version\": 1,")) {
                        plans.add(Arguments.of(source.getFileName() + " at offset " + block.start(), block.group(1)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return plans.stream();
    }

    @Test
    void version1TestPlans_whenCollected_includeThePlansOfEveryModule() {
        List<String> where = version1TestPlans().map(a -> (String) a.get()[0]).toList();

        assertTrue(where.size() >= 10, () -> "expected the version 1 plans of the runtime's tests too, found " + where);
    }

    /** Every version 1 plan of the test suites: read, converted, written as version 2 and read back the same. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("version1TestPlans")
    void read_whenVersion1TestPlan_convertsToStages(String where, String block) throws IOException {
        // Format arguments become placeholders; a %s that stands for a whole fragment becomes an empty one.
        String json = numbered(block.replaceAll("(?<!\")%s(\\s*\")", "$1").replace("%d", "30"));
        Map<String, Object> v1 = JSON.readValue(json, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });

        RecoveryPlan plan = TOLERANT.read(v1);

        assertEquals(1, plan.version());
        List<String> stages = plan.stages().stream().map(Stage::name).toList();
        assertEquals(Stage.VERSION_1_STAGES.stream().filter(stages::contains).toList(), stages, "stages in version 1 order");
        for (Stage stage : plan.stages()) {
            for (PlanStep step : stage.steps()) {
                assertEquals(StepKinds.of(step).version1Stage(), stage.name(), step.path());
            }
        }
        for (StepKind<?> kind : StepKinds.all()) {
            if (!(kind instanceof HealthGateKind)) {
                List<?> listed = (List<?>) v1.getOrDefault(kind.version1Field(), List.of());
                List<? extends PlanStep> steps = plan.steps(kind.type());
                assertEquals(listed.size(), steps.size(), kind.version1Field());
                for (int i = 0; i < steps.size(); i++) {
                    assertEquals(kind.version1Field() + "[" + i + "]", steps.get(i).path());
                }
            }
        }
        Object timeout = v1.getOrDefault("healthTimeoutSeconds", RecoveryPlan.DEFAULT_HEALTH_TIMEOUT_SECONDS);
        assertEquals(timeout, plan.healthTimeoutSeconds());
        Map<String, Object> written = PlanWriter.toTree(plan);
        assertEquals(written, PlanWriter.toTree(TOLERANT.read(written)), "version 2 as written reads back the same");
        assertEquals(written, PlanWriter.toTree(TOLERANT.read(PlanInputs.version1(written))), "and converts back to version 1 losslessly");
    }

    /** Each remaining %s as its own placeholder, so that two of them never name the same resource. */
    private static String numbered(String block) {
        StringBuilder json = new StringBuilder();
        Matcher format = Pattern.compile("%s").matcher(block);
        int n = 0;
        while (format.find()) {
            format.appendReplacement(json, Matcher.quoteReplacement(PLACEHOLDER + "-" + n++));
        }
        return format.appendTail(json).toString();
    }

    private static List<String> kinds(Stage stage) {
        return stage.steps().stream().map(PlanStep::kind).toList();
    }
}
