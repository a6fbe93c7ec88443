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
 * Writes references to a restore testing plan ({@code Ref} and {@code Fn::GetAtt RestoreTestingPlanArn}) as the name and
 * ARN the plan would have. moto 5.2.1's CloudFormation does not know {@code AWS::Backup::RestoreTestingPlan} and refuses
 * a template that reads an attribute of one, as the restore validation function's environment and event rule do. The
 * plan stays unrepresented (the emulator runs no restore tests) and is reported so.
 */
final class RestoreTestingPlanReferencesAsLiterals implements TemplateRewrite {
    private static final String TYPE = "AWS::Backup::RestoreTestingPlan";
    private static final String WHY = " (moto 5.2.1 does not create " + TYPE + " from a template, so references to it cannot resolve)";

    @Override
    public void apply(ObjectNode template, AssemblyStack stack, List<String> adaptations) {
        Map<String, String> names = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = stack.resources().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> r = it.next();
            if (TYPE.equals(r.getValue().path("Type").asText())) {
                JsonNode name = r.getValue().path("Properties").path("RestoreTestingPlanName");
                names.put(r.getKey(), name.isTextual() ? name.asText() : r.getKey());
            }
        }
        if (names.isEmpty()) {
            return;
        }
        for (String section : List.of("Resources", "Outputs")) {
            JsonTree.replace(template.path(section), value -> {
                JsonNode getAtt = JsonTree.getAtt(value);
                String ref = JsonTree.ref(value);
                if (getAtt != null && names.containsKey(getAtt.get(0).asText()) && "RestoreTestingPlanArn".equals(getAtt.get(1).asText())) {
                    String arn = "arn:aws:backup:" + stack.region() + ":" + stack.account() + ":restore-testing-plan:"
                            + names.get(getAtt.get(0).asText());
                    adaptations.add(getAtt.get(0).asText() + ".RestoreTestingPlanArn: written as " + arn + WHY);
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
