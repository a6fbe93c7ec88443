package io.github.drkit.apps.drill.rewrite;

import io.github.drkit.apps.drill.AssemblyStack;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Creates an RDS read replica without its {@code DBSubnetGroupName}. Works around moto 5.2.1 not finding
 * the replica's subnet group when the source instance is in another Region.
 */
final class DropCrossRegionReplicaSubnetGroup implements TemplateRewrite {
    @Override
    public void apply(ObjectNode template, AssemblyStack stack, List<String> adaptations) {
        for (Iterator<Map.Entry<String, JsonNode>> it = template.path("Resources").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> r = it.next();
            JsonNode props = r.getValue().path("Properties");
            if ("AWS::RDS::DBInstance".equals(r.getValue().path("Type").asText()) && props.has("SourceDBInstanceIdentifier")
                    && props.has("DBSubnetGroupName")) {
                ((ObjectNode) props).remove("DBSubnetGroupName");
                adaptations.add(r.getKey() + " (AWS::RDS::DBInstance read replica): created without its DBSubnetGroupName "
                        + "(moto 5.2.1 cannot find the replica's subnet group when the source is in another Region)");
            }
        }
    }
}
