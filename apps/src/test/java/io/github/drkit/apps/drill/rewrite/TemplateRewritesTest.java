package io.github.drkit.apps.drill.rewrite;

import static io.github.drkit.apps.drill.rewrite.Templates.JSON;
import static io.github.drkit.apps.drill.rewrite.Templates.stack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.drkit.apps.drill.AssemblyStack;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

class TemplateRewritesTest {
    @Test
    void apply_whenNothingMotoCannotTake_changesNothing() throws Exception {
        String resources = "{\"Zone\":{\"Type\":\"AWS::Route53::HostedZone\",\"Properties\":{\"Name\":\"example.com.\"}},"
                + "\"Named\":{\"Type\":\"AWS::SSM::Parameter\",\"Properties\":{\"Name\":\"/p\",\"Type\":\"String\",\"Value\":\"v\"}}}";
        List<String> notes = new ArrayList<>();
        ObjectNode t = TemplateRewrites.apply(stack(resources), notes);
        assertEquals(JSON.readTree("{\"Resources\":" + resources + "}"), t);
        assertTrue(notes.isEmpty(), notes::toString);
    }

    @Test
    void apply_whenRewriting_leavesTheSynthesizedTemplateUnchanged() throws Exception {
        AssemblyStack stack = stack("{\"P\":{\"Type\":\"AWS::SSM::Parameter\",\"Properties\":{\"Type\":\"String\",\"Value\":\"v\"}}}");
        String before = stack.template().toString();
        List<String> notes = new ArrayList<>();
        TemplateRewrites.apply(stack, notes);
        assertEquals(before, stack.template().toString());
        assertEquals(1, notes.size(), notes::toString);
    }
}
