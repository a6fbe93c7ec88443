package io.github.drkit.apps.drill.rewrite;

import static io.github.drkit.apps.drill.rewrite.Templates.rewrite;
import static io.github.drkit.apps.drill.rewrite.Templates.stack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

class NameUnnamedSsmParametersTest {
    @Test
    void apply_whenParameterHasNoName_namesItAfterStackAndLogicalId() throws Exception {
        List<String> notes = new ArrayList<>();
        ObjectNode t = rewrite(new NameUnnamedSsmParameters(), stack("{\"Plan\":{\"Type\":\"AWS::SSM::Parameter\","
                + "\"Properties\":{\"Type\":\"String\",\"Value\":\"{}\"}}}"), notes);
        assertEquals("/drkit-drill/shop-recovery/Plan", t.path("Resources").path("Plan").path("Properties").path("Name").asText());
        assertEquals(1, notes.size());
        assertTrue(notes.get(0).startsWith("Plan (AWS::SSM::Parameter): named /drkit-drill/shop-recovery/Plan"), notes::toString);
    }

    @Test
    void apply_whenParameterNamed_leavesIt() throws Exception {
        List<String> notes = new ArrayList<>();
        ObjectNode t = rewrite(new NameUnnamedSsmParameters(), stack("{\"P\":{\"Type\":\"AWS::SSM::Parameter\","
                + "\"Properties\":{\"Name\":\"/p\",\"Type\":\"String\",\"Value\":\"v\"}}}"), notes);
        assertEquals("/p", t.path("Resources").path("P").path("Properties").path("Name").asText());
        assertTrue(notes.isEmpty(), notes::toString);
    }
}
