package io.github.drkit.apps.drill.rewrite;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.drkit.apps.drill.AssemblyStack;

/**
 * Leaves out the DB instances of an Aurora cluster the template declares. Works around moto 5.2.1's CloudFormation,
 * which skips {@code AWS::RDS::DBCluster} (and {@code AWS::RDS::GlobalCluster}) but creates {@code AWS::RDS::DBInstance}
 * as a standalone instance, failing the stack on an Aurora engine it has no default version for
 * ({@code KeyError: 'aurora-postgresql'}): an instance of a cluster that does not exist cannot exist either.
 */
final class DropInstancesOfSkippedClusters implements TemplateRewrite {
    @Override
    public void apply(ObjectNode template, AssemblyStack stack, List<String> adaptations) {
        ObjectNode resources = (ObjectNode) template.path("Resources");
        List<String> dropped = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> r = it.next();
            JsonNode cluster = r.getValue().path("Properties").path("DBClusterIdentifier");
            if ("AWS::RDS::DBInstance".equals(r.getValue().path("Type").asText()) && cluster.has("Ref")
                    && "AWS::RDS::DBCluster".equals(resources.path(cluster.path("Ref").asText()).path("Type").asText())) {
                dropped.add(r.getKey());
                adaptations.add(r.getKey() + " (AWS::RDS::DBInstance of cluster " + cluster.path("Ref").asText() + "): left out"
                        + " (moto 5.2.1's CloudFormation creates no AWS::RDS::DBCluster, and fails the stack on an Aurora instance)");
            }
        }
        dropped.forEach(resources::remove);
    }
}
