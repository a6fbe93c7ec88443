package io.github.drkit.apps.drill.rewrite;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.github.drkit.apps.drill.AssemblyStack;

/**
 * Writes a {@code Ref} to an Aurora cluster that names itself ({@code DBClusterIdentifier}) as that name, the value
 * CloudFormation gives it. Works around moto 5.2.1's CloudFormation, which skips {@code AWS::RDS::DBCluster} and
 * resolves a reference to it as {@code none}: the recovery plan would name a cluster called "none", where the drill
 * makes the cluster the template declares under its own name.
 */
final class ClusterReferencesAsIdentifiers implements TemplateRewrite {
    private static final String WHY = " (moto 5.2.1 does not create AWS::RDS::DBCluster from a template, so a reference to it"
            + " cannot resolve)";

    @Override
    public void apply(ObjectNode template, AssemblyStack stack, List<String> adaptations) {
        Map<String, String> names = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = template.path("Resources").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> r = it.next();
            JsonNode name = r.getValue().path("Properties").path("DBClusterIdentifier");
            if ("AWS::RDS::DBCluster".equals(r.getValue().path("Type").asText()) && name.isTextual()) {
                names.put(r.getKey(), name.asText());
            }
        }
        if (names.isEmpty()) {
            return;
        }
        for (String section : List.of("Resources", "Outputs")) {
            JsonTree.replace(template.path(section), value -> {
                String ref = JsonTree.ref(value);
                if (ref != null && names.containsKey(ref)) {
                    String line = "Ref " + ref + ": written as " + names.get(ref) + WHY;
                    if (!adaptations.contains(line)) {
                        adaptations.add(line);
                    }
                    return TextNode.valueOf(names.get(ref));
                }
                return null;
            });
        }
    }
}
