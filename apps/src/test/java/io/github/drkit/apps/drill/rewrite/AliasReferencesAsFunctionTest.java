package io.github.drkit.apps.drill.rewrite;

import static io.github.drkit.apps.drill.rewrite.Templates.rewrite;
import static io.github.drkit.apps.drill.rewrite.Templates.stack;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

class AliasReferencesAsFunctionTest {
    @Test
    void apply_whenAliasReferenced_pointsAtTheFunctionItself() throws Exception {
        List<String> notes = new ArrayList<>();
        ObjectNode t = rewrite(new AliasReferencesAsFunction(), stack("{\"Fn\":{\"Type\":\"AWS::Lambda::Function\",\"Properties\":{}},"
                + "\"Live\":{\"Type\":\"AWS::Lambda::Alias\",\"Properties\":{\"FunctionName\":{\"Ref\":\"Fn\"},\"Name\":\"live\"}},"
                + "\"Rule\":{\"Type\":\"AWS::Events::Rule\",\"Properties\":{\"Targets\":[{\"Arn\":{\"Ref\":\"Live\"},\"Id\":\"T\"}]}}}"), notes);
        assertEquals("{\"Fn::GetAtt\":[\"Fn\",\"Arn\"]}",
                t.path("Resources").path("Rule").path("Properties").path("Targets").get(0).path("Arn").toString());
        assertEquals(1, notes.size(), notes::toString);
    }

    @Test
    void apply_whenInvokeConfigQualifiesAlias_usesLatest() throws Exception {
        List<String> notes = new ArrayList<>();
        ObjectNode t = rewrite(new AliasReferencesAsFunction(), stack("{\"Fn\":{\"Type\":\"AWS::Lambda::Function\",\"Properties\":{}},"
                + "\"Live\":{\"Type\":\"AWS::Lambda::Alias\",\"Properties\":{\"FunctionName\":{\"Ref\":\"Fn\"},\"Name\":\"live\"}},"
                + "\"Cfg\":{\"Type\":\"AWS::Lambda::EventInvokeConfig\",\"Properties\":{\"FunctionName\":{\"Ref\":\"Fn\"},"
                + "\"Qualifier\":{\"Fn::Select\":[7,{\"Fn::Split\":[\":\",{\"Ref\":\"Live\"}]}]}}}}"), notes);
        assertEquals("$LATEST", t.path("Resources").path("Cfg").path("Properties").path("Qualifier").asText());
        assertEquals(1, notes.size(), notes::toString);
    }
}
