package io.github.drkit.apps.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The template changes the drill makes for moto, each recorded, and nothing else. */
class StackDeployerAdaptTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static AssemblyStack stack(String resources) throws Exception {
        JsonNode template = JSON.readTree("{\"Resources\":" + resources + "}");
        return new AssemblyStack("s", "shop-recovery", "111111111111", "us-west-2", template, List.of(), null, "shop-recovery");
    }

    @Test
    void adapt_whenParameterHasNoName_namesItAfterStackAndLogicalId() throws Exception {
        List<String> notes = new ArrayList<>();
        ObjectNode t = StackDeployer.adapt(stack("{\"Plan\":{\"Type\":\"AWS::SSM::Parameter\",\"Properties\":{\"Type\":\"String\",\"Value\":\"{}\"}}}"), notes);
        assertEquals("/drkit-drill/shop-recovery/Plan", t.path("Resources").path("Plan").path("Properties").path("Name").asText());
        assertEquals(1, notes.size());
        assertTrue(notes.get(0).startsWith("Plan (AWS::SSM::Parameter): named /drkit-drill/shop-recovery/Plan"), notes::toString);
    }

    @Test
    void adapt_whenHealthCheckIdAttribute_writesRefInArraysAndObjects() throws Exception {
        List<String> notes = new ArrayList<>();
        ObjectNode t = StackDeployer.adapt(stack("{\"Hc\":{\"Type\":\"AWS::Route53::HealthCheck\",\"Properties\":{}},"
                + "\"Rec\":{\"Type\":\"AWS::Route53::RecordSet\",\"Properties\":{\"HealthCheckId\":{\"Fn::GetAtt\":[\"Hc\",\"HealthCheckId\"]}}},"
                + "\"Alarm\":{\"Type\":\"AWS::CloudWatch::Alarm\",\"Properties\":{\"Dimensions\":[{\"Value\":{\"Fn::GetAtt\":[\"Hc\",\"HealthCheckId\"]}}]}}}"), notes);
        assertEquals("{\"Ref\":\"Hc\"}", t.path("Resources").path("Rec").path("Properties").path("HealthCheckId").toString());
        assertEquals("{\"Ref\":\"Hc\"}", t.path("Resources").path("Alarm").path("Properties").path("Dimensions").get(0).path("Value").toString());
        assertEquals(2, notes.size(), notes::toString);
    }

    @Test
    void adapt_whenAlarmReferenced_writesTheNameAndArnItWouldHave() throws Exception {
        List<String> notes = new ArrayList<>();
        ObjectNode t = StackDeployer.adapt(stack("{\"Alarm\":{\"Type\":\"AWS::CloudWatch::Alarm\",\"Properties\":{}},"
                + "\"Hc\":{\"Type\":\"AWS::Route53::HealthCheck\",\"Properties\":{\"HealthCheckConfig\":{\"AlarmIdentifier\":{\"Name\":{\"Ref\":\"Alarm\"}}}}},"
                + "\"Policy\":{\"Type\":\"AWS::IAM::Policy\",\"Properties\":{\"Resource\":[{\"Fn::GetAtt\":[\"Alarm\",\"Arn\"]}]}}}"), notes);
        assertEquals("shop-recovery-Alarm", t.path("Resources").path("Hc").path("Properties").path("HealthCheckConfig")
                .path("AlarmIdentifier").path("Name").asText());
        assertEquals("arn:aws:cloudwatch:us-west-2:111111111111:alarm:shop-recovery-Alarm",
                t.path("Resources").path("Policy").path("Properties").path("Resource").get(0).asText());
        assertEquals(2, notes.size(), notes::toString);
    }

    @Test
    void adapt_whenLoadBalancerZoneAttributeAndFlowLogPrefix_writesValuesMotoTakes() throws Exception {
        List<String> notes = new ArrayList<>();
        ObjectNode t = StackDeployer.adapt(stack("{\"Lb\":{\"Type\":\"AWS::ElasticLoadBalancingV2::LoadBalancer\",\"Properties\":{}},"
                + "\"Rec\":{\"Type\":\"AWS::Route53::RecordSet\",\"Properties\":{\"AliasTarget\":{\"HostedZoneId\":{\"Fn::GetAtt\":[\"Lb\",\"CanonicalHostedZoneID\"]}}}},"
                + "\"Logs\":{\"Type\":\"AWS::EC2::FlowLog\",\"Properties\":{\"LogDestinationType\":\"s3\",\"LogDestination\":"
                + "{\"Fn::Join\":[\"\",[{\"Fn::GetAtt\":[\"B\",\"Arn\"]},\"/flow-logs/\"]]}}}}"), notes);
        assertEquals("Z1H1FL5HABSF5", t.path("Resources").path("Rec").path("Properties").path("AliasTarget").path("HostedZoneId").asText());
        assertEquals("{\"Fn::GetAtt\":[\"B\",\"Arn\"]}", t.path("Resources").path("Logs").path("Properties").path("LogDestination").toString());
        assertEquals(2, notes.size(), notes::toString);
    }

    @Test
    void adapt_whenAliasReferenced_pointsAtTheFunctionItself() throws Exception {
        List<String> notes = new ArrayList<>();
        ObjectNode t = StackDeployer.adapt(stack("{\"Fn\":{\"Type\":\"AWS::Lambda::Function\",\"Properties\":{}},"
                + "\"Live\":{\"Type\":\"AWS::Lambda::Alias\",\"Properties\":{\"FunctionName\":{\"Ref\":\"Fn\"},\"Name\":\"live\"}},"
                + "\"Rule\":{\"Type\":\"AWS::Events::Rule\",\"Properties\":{\"Targets\":[{\"Arn\":{\"Ref\":\"Live\"},\"Id\":\"T\"}]}}}"), notes);
        assertEquals("{\"Fn::GetAtt\":[\"Fn\",\"Arn\"]}",
                t.path("Resources").path("Rule").path("Properties").path("Targets").get(0).path("Arn").toString());
        assertEquals(1, notes.size(), notes::toString);
    }

    @Test
    void adapt_whenNothingMotoCannotTake_changesNothing() throws Exception {
        String resources = "{\"Zone\":{\"Type\":\"AWS::Route53::HostedZone\",\"Properties\":{\"Name\":\"example.com.\"}},"
                + "\"Named\":{\"Type\":\"AWS::SSM::Parameter\",\"Properties\":{\"Name\":\"/p\",\"Type\":\"String\",\"Value\":\"v\"}}}";
        List<String> notes = new ArrayList<>();
        ObjectNode t = StackDeployer.adapt(stack(resources), notes);
        assertEquals(JSON.readTree("{\"Resources\":" + resources + "}"), t);
        assertTrue(notes.isEmpty(), notes::toString);
    }
}
