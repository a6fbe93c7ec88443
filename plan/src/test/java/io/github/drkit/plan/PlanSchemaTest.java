package io.github.drkit.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** docs/recovery-plan.schema.json checked against the model: the same fields, the same Regions, the same example. */
class PlanSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern KNOWN = Pattern.compile("\\(known fields: (.*)\\)$");

    private static JsonNode schema() throws IOException {
        return JSON.readTree(Files.readString(PlanSchema.file()));
    }

    @Test
    void errors_whenDocumentedExample_isEmpty() {
        assertEquals(java.util.List.of(), PlanSchema.errors(RecoveryPlanTest.documentedPlan()));
    }

    @Test
    void errors_whenDocumentedVersion2Example_isEmpty() {
        assertEquals(java.util.List.of(), PlanSchema.errors(RecoveryPlanTest.documentedPlanV2()));
    }

    @Test
    void errors_whenWrittenPlan_isEmpty() {
        assertEquals(java.util.List.of(), PlanSchema.errors(PlanWriter.toJson(RecoveryPlan.parse(RecoveryPlanTest.documentedPlan()))));
    }

    /** Each step of the version 2 example: the fields its kind reads are the properties its schema branch lists. */
    @Test
    void steps_whenComparedWithTheReader_areTheFieldsEachKindKnows() throws IOException {
        JsonNode example = JSON.readTree(RecoveryPlanTest.documentedPlanV2());
        Set<String> kinds = new TreeSet<>();
        for (int stage = 0; stage < example.get("stages").size(); stage++) {
            for (int step = 0; step < example.get("stages").get(stage).get("steps").size(); step++) {
                ObjectNode plan = (ObjectNode) JSON.readTree(RecoveryPlanTest.documentedPlanV2());
                ObjectNode node = (ObjectNode) plan.get("stages").get(stage).get("steps").get(step);
                String kind = node.get("kind").asText();
                kinds.add(kind);
                node.put("notAField", 1);

                PlanValidationException e = assertThrows(PlanValidationException.class, () -> RecoveryPlan.parse(JSON.writeValueAsString(plan)));
                assertEquals("stages[" + stage + "].steps[" + step + "].notAField", e.field());
                Matcher known = KNOWN.matcher(e.getMessage());
                assertTrue(known.find(), e.getMessage());
                Set<String> reader = new TreeSet<>(Arrays.asList(known.group(1).split(", ")));
                Set<String> schema = new TreeSet<>(Set.of("kind", AssumeRole.FIELD));
                stepSchema(kind).fieldNames().forEachRemaining(schema::add);
                assertEquals(schema, reader, kind);
                assertFalse(PlanSchema.errors(JSON.writeValueAsString(plan)).isEmpty(), () -> "the schema accepts an unknown field of " + kind);
            }
        }
        assertEquals(new TreeSet<>(StepKinds.names()), kinds, "the version 2 example uses every registered step kind");
    }

    @Test
    void stepKinds_whenComparedWithTheRegistry_areTheKindsTheSchemaLists() throws IOException {
        Set<String> schema = new TreeSet<>();
        schema().at("/$defs/step/properties/kind/enum").forEach(kind -> schema.add(kind.asText()));

        assertEquals(new TreeSet<>(StepKinds.names()), schema);
    }

    /** The properties of the schema branch that {@code $defs/step} takes for a kind. */
    private static JsonNode stepSchema(String kind) throws IOException {
        for (JsonNode branch : schema().at("/$defs/step/allOf")) {
            if (kind.equals(branch.at("/if/properties/kind/const").asText())) {
                return schema().at(branch.at("/then/$ref").asText().substring(1) + "/properties");
            }
        }
        throw new AssertionError("the schema has no branch for step kind " + kind);
    }

    /** Each object of the plan: the fields the reader knows there are the properties the schema lists there. */
    @ParameterizedTest(name = "plan{0} and schema {1}")
    @CsvSource({
            "'', /$defs/planVersion1/properties",
            "/databases/0, /$defs/database/properties",
            "/instances/0, /$defs/instances/properties",
            "/fleets/0, /$defs/fleet/properties",
            "/fleets/0/standby, /$defs/capacity/properties",
            "/dns/0, /$defs/zone/properties",
            "/dns/0/records/0, /$defs/record/properties",
            "/dns/0/records/2/normal, /$defs/target/properties",
            "/dns/0/records/3/normal/alias, /$defs/target/properties/alias/properties",
            "/siteSwitches/0, /$defs/siteSwitch/properties"})
    void properties_whenComparedWithTheReader_areTheFieldsItKnows(String planPointer, String schemaPointer) throws IOException {
        ObjectNode plan = (ObjectNode) JSON.readTree(RecoveryPlanTest.documentedPlan());
        ((ObjectNode) plan.at(planPointer)).put("notAField", 1);

        PlanValidationException e = assertThrows(PlanValidationException.class, () -> RecoveryPlan.parse(JSON.writeValueAsString(plan)));
        Matcher known = KNOWN.matcher(e.getMessage());
        assertTrue(known.find(), e.getMessage());
        Set<String> reader = new TreeSet<>(Arrays.asList(known.group(1).split(", ")));
        Set<String> schema = new TreeSet<>();
        schema().at(schemaPointer).fieldNames().forEachRemaining(schema::add);

        assertEquals(schema, reader);
    }

    @ParameterizedTest(name = "plan{0} and schema {1}")
    @CsvSource({"'', /$defs/planVersion2/properties", "/stages/0, /$defs/stage/properties"})
    void properties_whenVersion2ComparedWithTheReader_areTheFieldsItKnows(String planPointer, String schemaPointer) throws IOException {
        ObjectNode plan = (ObjectNode) JSON.readTree(RecoveryPlanTest.documentedPlanV2());
        ((ObjectNode) plan.at(planPointer)).put("notAField", 1);

        PlanValidationException e = assertThrows(PlanValidationException.class, () -> RecoveryPlan.parse(JSON.writeValueAsString(plan)));
        Matcher known = KNOWN.matcher(e.getMessage());
        assertTrue(known.find(), e.getMessage());
        Set<String> reader = new TreeSet<>(Arrays.asList(known.group(1).split(", ")));
        Set<String> schema = new TreeSet<>();
        schema().at(schemaPointer).fieldNames().forEachRemaining(schema::add);

        assertEquals(schema, reader);
    }

    @Test
    void region_whenComparedWithTheModel_listsItsRegions() throws IOException {
        Set<String> schema = new TreeSet<>();
        schema().at("/$defs/region/enum").forEach(region -> schema.add(region.asText()));

        assertEquals(Regions.all(), schema);
    }

    @Test
    void version_whenComparedWithTheModel_isTheCurrentVersion() throws IOException {
        assertEquals(RecoveryPlan.CURRENT_VERSION, schema().at("/$defs/planVersion2/properties/version/const").asInt());
        assertEquals(1, schema().at("/$defs/planVersion1/properties/version/const").asInt());
        java.util.List<Integer> readable = new java.util.ArrayList<>();
        schema().at("/properties/version/enum").forEach(v -> readable.add(v.asInt()));
        assertEquals(RecoveryPlan.READABLE_VERSIONS, readable);
    }

    @Test
    void capacity_whenComparedWithTheModel_hasItsLimit() throws IOException {
        assertEquals(HealthGateKind.MAX_TIMEOUT_SECONDS, schema().at("/$defs/healthGate/properties/timeoutSeconds/maximum").asInt());
        assertEquals(RecoveryPlan.DEFAULT_HEALTH_TIMEOUT_SECONDS, schema().at("/$defs/healthGate/properties/timeoutSeconds/default").asInt());
        for (String count : new String[] {"min", "desired", "max"}) {
            assertEquals(Capacity.LIMIT, schema().at("/$defs/capacity/properties/" + count + "/maximum").asInt(), count);
        }
        assertEquals(Capacity.LIMIT, schema().at("/$defs/fleet/properties/minHealthy/maximum").asInt());
    }

    /** An explicit null: the schema and the reader refuse it at the same field. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"/healthTimeoutSeconds, healthTimeoutSeconds", "/fleets/0/minHealthy, fleets[0].minHealthy",
            "/primaryRegion, primaryRegion", "/dns/0/records/3/normal/alias/evaluateTargetHealth, dns[0].records[3].normal.alias.evaluateTargetHealth"})
    void errors_whenOptionalFieldIsNull_refusedByBothAtTheField(String pointer, String field) throws IOException {
        ObjectNode plan = (ObjectNode) JSON.readTree(RecoveryPlanTest.documentedPlan());
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = plan.at(pointer.substring(0, slash));
        ((ObjectNode) parent).putNull(pointer.substring(slash + 1));
        String json = JSON.writeValueAsString(plan);

        PlanValidationException e = assertThrows(PlanValidationException.class, () -> RecoveryPlan.parse(json));
        assertEquals(field, e.field());
        String name = pointer.substring(slash + 1);
        assertFalse(PlanSchema.errors(json).stream().noneMatch(error -> error.contains(name)),
                () -> "the schema accepts null at " + pointer + ": " + PlanSchema.errors(json));
    }
}
