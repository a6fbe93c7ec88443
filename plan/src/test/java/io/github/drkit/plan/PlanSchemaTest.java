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

    /** Each object of the plan: the fields the reader knows there are the properties the schema lists there. */
    @ParameterizedTest(name = "plan{0} and schema {1}")
    @CsvSource({
            "'', /properties",
            "/databases/0, /properties/databases/items/properties",
            "/instances/0, /properties/instances/items/properties",
            "/fleets/0, /properties/fleets/items/properties",
            "/fleets/0/standby, /$defs/capacity/properties",
            "/dns/0, /properties/dns/items/properties",
            "/dns/0/records/0, /$defs/record/properties",
            "/dns/0/records/2/normal, /$defs/target/properties",
            "/dns/0/records/3/normal/alias, /$defs/target/properties/alias/properties",
            "/siteSwitches/0, /properties/siteSwitches/items/properties"})
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

    @Test
    void region_whenComparedWithTheModel_listsItsRegions() throws IOException {
        Set<String> schema = new TreeSet<>();
        schema().at("/$defs/region/enum").forEach(region -> schema.add(region.asText()));

        assertEquals(Regions.all(), schema);
    }

    @Test
    void version_whenComparedWithTheModel_isTheCurrentVersion() throws IOException {
        assertEquals(RecoveryPlan.CURRENT_VERSION, schema().at("/properties/version/const").asInt());
    }

    @Test
    void capacity_whenComparedWithTheModel_hasItsLimit() throws IOException {
        for (String count : new String[] {"min", "desired", "max"}) {
            assertEquals(Capacity.LIMIT, schema().at("/$defs/capacity/properties/" + count + "/maximum").asInt(), count);
        }
        assertEquals(Capacity.LIMIT, schema().at("/properties/fleets/items/properties/minHealthy/maximum").asInt());
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
