package io.github.drkit.apps.drill.rewrite;

import io.github.drkit.apps.drill.AssemblyStack;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Points references to a Lambda alias at the function itself ($LATEST), and an EventInvokeConfig on the
 * alias at $LATEST. Works around moto 5.2.1 skipping {@code AWS::Lambda::Alias} in CloudFormation, so a
 * {@code Ref} to an alias (an EventBridge target, a permission) would resolve to nothing and fail the
 * stack; $LATEST is the only version the emulator has.
 */
final class AliasReferencesAsFunction implements TemplateRewrite {
    private static final String WHY = " (moto 5.2.1 does not create AWS::Lambda::Alias from a template)";

    @Override
    public void apply(ObjectNode template, AssemblyStack stack, List<String> adaptations) {
        Map<String, JsonNode> arns = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = stack.resources().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> r = it.next();
            JsonNode props = r.getValue().path("Properties");
            String function = props.path("FunctionName").path("Ref").asText(null);
            if ("AWS::Lambda::Alias".equals(r.getValue().path("Type").asText()) && function != null && props.path("Name").isTextual()) {
                // The alias does not exist in the emulator, so a qualified ARN would name nothing.
                arns.put(r.getKey(), JsonTree.JSON.createObjectNode()
                        .set("Fn::GetAtt", JsonTree.JSON.createArrayNode().add(function).add("Arn")));
            }
        }
        if (arns.isEmpty()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = template.path("Resources").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> r = it.next();
            JsonNode qualifier = r.getValue().path("Properties").path("Qualifier");
            if ("AWS::Lambda::EventInvokeConfig".equals(r.getValue().path("Type").asText())
                    && arns.keySet().stream().anyMatch(alias -> qualifier.toString().contains("\"" + alias + "\""))) {
                ((ObjectNode) r.getValue().path("Properties")).put("Qualifier", "$LATEST");
                adaptations.add(r.getKey() + " (AWS::Lambda::EventInvokeConfig): qualifier $LATEST instead of the alias" + WHY);
            }
        }
        for (String section : List.of("Resources", "Outputs")) {
            JsonTree.replace(template.path(section), value -> {
                String ref = JsonTree.ref(value);
                if (ref == null || !arns.containsKey(ref)) {
                    return null;
                }
                adaptations.add("Ref " + ref + " (AWS::Lambda::Alias): written as the function's ARN, invoking $LATEST" + WHY);
                return arns.get(ref).deepCopy();
            });
        }
    }
}
