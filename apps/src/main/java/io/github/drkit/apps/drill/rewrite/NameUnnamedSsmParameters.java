package io.github.drkit.apps.drill.rewrite;

import io.github.drkit.apps.drill.AssemblyStack;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Names an {@code AWS::SSM::Parameter} that has no {@code Name}. Works around moto 5.2.1 failing
 * CreateStack on a parameter without a name, where CloudFormation would generate one.
 */
final class NameUnnamedSsmParameters implements TemplateRewrite {
    @Override
    public void apply(ObjectNode template, AssemblyStack stack, List<String> adaptations) {
        for (Iterator<Map.Entry<String, JsonNode>> it = template.path("Resources").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> r = it.next();
            JsonNode props = r.getValue().path("Properties");
            if ("AWS::SSM::Parameter".equals(r.getValue().path("Type").asText()) && props.isObject() && !props.has("Name")) {
                String name = "/drkit-drill/" + stack.stackName() + "/" + r.getKey();
                ((ObjectNode) props).put("Name", name);
                adaptations.add(r.getKey() + " (AWS::SSM::Parameter): named " + name
                        + " (moto 5.2.1 fails on a parameter without a Name; CloudFormation would generate one)");
            }
        }
    }
}
