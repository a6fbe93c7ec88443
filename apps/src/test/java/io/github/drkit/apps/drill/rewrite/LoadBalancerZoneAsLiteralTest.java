package io.github.drkit.apps.drill.rewrite;

import static io.github.drkit.apps.drill.rewrite.Templates.rewrite;
import static io.github.drkit.apps.drill.rewrite.Templates.stack;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

class LoadBalancerZoneAsLiteralTest {
    @Test
    void apply_whenAliasTargetsLoadBalancerZone_writesTheRegionsAlbZone() throws Exception {
        List<String> notes = new ArrayList<>();
        ObjectNode t = rewrite(new LoadBalancerZoneAsLiteral(), stack("{\"Lb\":{\"Type\":\"AWS::ElasticLoadBalancingV2::LoadBalancer\",\"Properties\":{}},"
                + "\"Rec\":{\"Type\":\"AWS::Route53::RecordSet\",\"Properties\":{\"AliasTarget\":{\"HostedZoneId\":"
                + "{\"Fn::GetAtt\":[\"Lb\",\"CanonicalHostedZoneID\"]}}}}}"), notes);
        assertEquals("Z1H1FL5HABSF5", t.path("Resources").path("Rec").path("Properties").path("AliasTarget").path("HostedZoneId").asText());
        assertEquals(List.of("Lb.CanonicalHostedZoneID: written as Z1H1FL5HABSF5 (the ALB zone of us-west-2; moto 5.2.1 does "
                + "not resolve this attribute)"), notes);
    }
}
