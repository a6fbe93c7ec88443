package io.github.drkit.apps.drill.rewrite;

import static io.github.drkit.apps.drill.rewrite.Templates.rewrite;
import static io.github.drkit.apps.drill.rewrite.Templates.stack;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

class RestoreTestingPlanReferencesAsLiteralsTest {
    @Test
    void apply_whenPlanReferenced_writesTheArnAndNameItWouldHave() throws Exception {
        List<String> notes = new ArrayList<>();
        ObjectNode t = rewrite(new RestoreTestingPlanReferencesAsLiterals(), stack("{\"Plan\":{\"Type\":\"AWS::Backup::RestoreTestingPlan\","
                + "\"Properties\":{\"RestoreTestingPlanName\":\"shop_tests\"}},"
                + "\"Fn\":{\"Type\":\"AWS::Lambda::Function\",\"Properties\":{\"Environment\":{\"Variables\":"
                + "{\"PLAN\":{\"Fn::GetAtt\":[\"Plan\",\"RestoreTestingPlanArn\"]}}}}},"
                + "\"Selection\":{\"Type\":\"AWS::Backup::RestoreTestingSelection\",\"Properties\":{\"RestoreTestingPlanName\":{\"Ref\":\"Plan\"}}}}"),
                notes);

        assertEquals("arn:aws:backup:us-west-2:111111111111:restore-testing-plan:shop_tests",
                t.path("Resources").path("Fn").path("Properties").path("Environment").path("Variables").path("PLAN").asText());
        assertEquals("shop_tests", t.path("Resources").path("Selection").path("Properties").path("RestoreTestingPlanName").asText());
        assertEquals(2, notes.size(), notes::toString);
    }

    @Test
    void apply_whenNoPlan_changesNothing() throws Exception {
        List<String> notes = new ArrayList<>();
        String resources = "{\"Fn\":{\"Type\":\"AWS::Lambda::Function\",\"Properties\":{\"Role\":{\"Fn::GetAtt\":[\"R\",\"Arn\"]}}}}";
        ObjectNode t = rewrite(new RestoreTestingPlanReferencesAsLiterals(), stack(resources), notes);

        assertEquals(Templates.JSON.readTree(resources), t.path("Resources"));
        assertEquals(List.of(), notes);
    }
}
