package io.github.drkit.apps.drill.rewrite;

import io.github.drkit.apps.drill.AssemblyStack;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Leaves out CDK's {@code Custom::S3BucketNotifications}, and every {@code DependsOn} that names it. Works around moto
 * 5.2.1 not running Lambda-backed custom resources (invoking Lambda needs Docker): the resource never finishes and the
 * stack times out. The notifications it would configure (an archive index fed by S3 events) are not part of a recovery.
 */
final class DropBucketNotifications implements TemplateRewrite {
    static final String TYPE = "Custom::S3BucketNotifications";

    @Override
    public void apply(ObjectNode template, AssemblyStack stack, List<String> adaptations) {
        JsonNode resources = template.path("Resources");
        List<String> dropped = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> r = it.next();
            if (TYPE.equals(r.getValue().path("Type").asText())) {
                dropped.add(r.getKey());
            }
        }
        if (dropped.isEmpty()) {
            return;
        }
        ((ObjectNode) resources).remove(dropped);
        for (JsonNode resource : resources) {
            JsonNode dependsOn = resource.path("DependsOn");
            if (dependsOn.isTextual() && dropped.contains(dependsOn.asText())) {
                ((ObjectNode) resource).remove("DependsOn");
            } else if (dependsOn.isArray()) {
                ArrayNode kept = ((ArrayNode) dependsOn).arrayNode();
                dependsOn.forEach(d -> {
                    if (!dropped.contains(d.asText())) {
                        kept.add(d);
                    }
                });
                ((ObjectNode) resource).set("DependsOn", kept);
            }
        }
        dropped.forEach(id -> adaptations.add(id + " (" + TYPE + "): left out (moto 5.2.1 does not run Lambda-backed custom "
                + "resources, so the stack would never finish); the bucket sends no event notifications in the drill"));
    }
}
