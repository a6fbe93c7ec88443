package io.github.drkit.apps.drill.rewrite;

import io.github.drkit.apps.drill.AssemblyStack;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes an Application Load Balancer's {@code CanonicalHostedZoneID} attribute as the literal zone id
 * of its Region. Works around moto 5.2.1 leaving that attribute unresolved.
 */
final class LoadBalancerZoneAsLiteral implements TemplateRewrite {
    /**
     * Canonical hosted zone ids of Application Load Balancers, by Region (Elastic Load Balancing endpoints
     * and quotas, AWS General Reference).
     */
    static final Map<String, String> ALB_HOSTED_ZONES = Map.ofEntries(
            Map.entry("us-east-1", "Z35SXDOTRQ7X7K"), Map.entry("us-east-2", "Z3AADJGX6KTTL2"),
            Map.entry("us-west-1", "Z368ELLRRE2KJ0"), Map.entry("us-west-2", "Z1H1FL5HABSF5"),
            Map.entry("eu-west-1", "Z32O12XQLNTSW2"), Map.entry("eu-central-1", "Z215JYRZR1TBD5"),
            Map.entry("eu-west-2", "ZHURV8PSTC4K8"), Map.entry("ap-southeast-1", "Z1LMS91P8CMLE5"),
            Map.entry("ap-southeast-2", "Z1GM3OXH4ZPM65"), Map.entry("ap-northeast-1", "Z14GRHDCWA56QT"));

    @Override
    public void apply(ObjectNode template, AssemblyStack stack, List<String> adaptations) {
        String zone = ALB_HOSTED_ZONES.get(stack.region());
        if (zone == null) {
            return;
        }
        JsonTree.replace(template, value -> {
            JsonNode getAtt = JsonTree.getAtt(value);
            if (getAtt == null || !"CanonicalHostedZoneID".equals(getAtt.get(1).asText()) || !"AWS::ElasticLoadBalancingV2::LoadBalancer"
                    .equals(stack.resources().path(getAtt.get(0).asText()).path("Type").asText())) {
                return null;
            }
            adaptations.add(getAtt.get(0).asText() + ".CanonicalHostedZoneID: written as " + zone
                    + " (the ALB zone of " + stack.region() + "; moto 5.2.1 does not resolve this attribute)");
            return TextNode.valueOf(zone);
        });
    }
}
