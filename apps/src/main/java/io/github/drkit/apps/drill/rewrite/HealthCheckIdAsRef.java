package io.github.drkit.apps.drill.rewrite;

import io.github.drkit.apps.drill.AssemblyStack;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes {@code Fn::GetAtt [check, HealthCheckId]} as {@code Ref check}, which is the same id in
 * CloudFormation. Works around moto 5.2.1 failing CreateStack on the HealthCheckId attribute.
 */
final class HealthCheckIdAsRef implements TemplateRewrite {
    @Override
    public void apply(ObjectNode template, AssemblyStack stack, List<String> adaptations) {
        JsonTree.replace(template, value -> {
            JsonNode getAtt = JsonTree.getAtt(value);
            if (getAtt == null || !"HealthCheckId".equals(getAtt.get(1).asText())
                    || !"AWS::Route53::HealthCheck".equals(stack.resources().path(getAtt.get(0).asText()).path("Type").asText())) {
                return null;
            }
            String check = getAtt.get(0).asText();
            adaptations.add(check + ".HealthCheckId: written as Ref " + check
                    + " (the same id in CloudFormation; moto 5.2.1 fails CreateStack on this attribute)");
            return JsonTree.JSON.createObjectNode().put("Ref", check);
        });
    }
}
