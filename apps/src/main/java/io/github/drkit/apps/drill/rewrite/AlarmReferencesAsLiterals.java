package io.github.drkit.apps.drill.rewrite;

import io.github.drkit.apps.drill.AssemblyStack;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Writes references to an alarm ({@code Ref} and {@code Fn::GetAtt Arn}) as the name and ARN the alarm
 * would have. Works around moto 5.2.1 skipping {@code AWS::CloudWatch::Alarm} in CloudFormation, so that
 * a reference to one (a Route 53 health check on its state, an alarm ARN in a policy) would fail the
 * whole stack. The alarm itself stays unrepresented and is reported so.
 */
final class AlarmReferencesAsLiterals implements TemplateRewrite {
    private static final String WHY = " (moto 5.2.1 does not create AWS::CloudWatch::Alarm from a template, so references "
            + "to it cannot resolve)";

    @Override
    public void apply(ObjectNode template, AssemblyStack stack, List<String> adaptations) {
        Map<String, String> names = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = stack.resources().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> r = it.next();
            if ("AWS::CloudWatch::Alarm".equals(r.getValue().path("Type").asText())) {
                JsonNode name = r.getValue().path("Properties").path("AlarmName");
                names.put(r.getKey(), name.isTextual() ? name.asText() : stack.stackName() + "-" + r.getKey());
            }
        }
        if (names.isEmpty()) {
            return;
        }
        for (String section : List.of("Resources", "Outputs")) {
            JsonTree.replace(template.path(section), value -> {
                JsonNode getAtt = JsonTree.getAtt(value);
                String ref = JsonTree.ref(value);
                if (getAtt != null && names.containsKey(getAtt.get(0).asText()) && "Arn".equals(getAtt.get(1).asText())) {
                    String arn = "arn:aws:cloudwatch:" + stack.region() + ":" + stack.account() + ":alarm:"
                            + names.get(getAtt.get(0).asText());
                    adaptations.add(getAtt.get(0).asText() + ".Arn: written as " + arn + WHY);
                    return TextNode.valueOf(arn);
                }
                if (ref != null && names.containsKey(ref)) {
                    adaptations.add("Ref " + ref + ": written as " + names.get(ref) + WHY);
                    return TextNode.valueOf(names.get(ref));
                }
                return null;
            });
        }
    }
}
