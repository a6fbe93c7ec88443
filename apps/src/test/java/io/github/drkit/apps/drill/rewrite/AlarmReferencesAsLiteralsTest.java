package io.github.drkit.apps.drill.rewrite;

import static io.github.drkit.apps.drill.rewrite.Templates.rewrite;
import static io.github.drkit.apps.drill.rewrite.Templates.stack;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

class AlarmReferencesAsLiteralsTest {
    @Test
    void apply_whenAlarmReferenced_writesTheNameAndArnItWouldHave() throws Exception {
        List<String> notes = new ArrayList<>();
        ObjectNode t = rewrite(new AlarmReferencesAsLiterals(), stack("{\"Alarm\":{\"Type\":\"AWS::CloudWatch::Alarm\",\"Properties\":{}},"
                + "\"Hc\":{\"Type\":\"AWS::Route53::HealthCheck\",\"Properties\":{\"HealthCheckConfig\":{\"AlarmIdentifier\":{\"Name\":{\"Ref\":\"Alarm\"}}}}},"
                + "\"Policy\":{\"Type\":\"AWS::IAM::Policy\",\"Properties\":{\"Resource\":[{\"Fn::GetAtt\":[\"Alarm\",\"Arn\"]}]}}}"), notes);
        assertEquals("shop-recovery-Alarm", t.path("Resources").path("Hc").path("Properties").path("HealthCheckConfig")
                .path("AlarmIdentifier").path("Name").asText());
        assertEquals("arn:aws:cloudwatch:us-west-2:111111111111:alarm:shop-recovery-Alarm",
                t.path("Resources").path("Policy").path("Properties").path("Resource").get(0).asText());
        assertEquals(2, notes.size(), notes::toString);
    }
}
