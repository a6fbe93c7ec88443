package io.github.drkit.apps.drill.rewrite;

import static io.github.drkit.apps.drill.rewrite.Templates.rewrite;
import static io.github.drkit.apps.drill.rewrite.Templates.stack;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

class HealthCheckIdAsRefTest {
    @Test
    void apply_whenHealthCheckIdAttribute_writesRefInArraysAndObjects() throws Exception {
        List<String> notes = new ArrayList<>();
        ObjectNode t = rewrite(new HealthCheckIdAsRef(), stack("{\"Hc\":{\"Type\":\"AWS::Route53::HealthCheck\",\"Properties\":{}},"
                + "\"Rec\":{\"Type\":\"AWS::Route53::RecordSet\",\"Properties\":{\"HealthCheckId\":{\"Fn::GetAtt\":[\"Hc\",\"HealthCheckId\"]}}},"
                + "\"Alarm\":{\"Type\":\"AWS::CloudWatch::Alarm\",\"Properties\":{\"Dimensions\":[{\"Value\":{\"Fn::GetAtt\":[\"Hc\",\"HealthCheckId\"]}}]}}}"), notes);
        assertEquals("{\"Ref\":\"Hc\"}", t.path("Resources").path("Rec").path("Properties").path("HealthCheckId").toString());
        assertEquals("{\"Ref\":\"Hc\"}", t.path("Resources").path("Alarm").path("Properties").path("Dimensions").get(0).path("Value").toString());
        assertEquals(2, notes.size(), notes::toString);
    }
}
