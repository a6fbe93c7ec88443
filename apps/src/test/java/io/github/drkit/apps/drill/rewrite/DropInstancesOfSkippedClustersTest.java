package io.github.drkit.apps.drill.rewrite;

import static io.github.drkit.apps.drill.rewrite.Templates.rewrite;
import static io.github.drkit.apps.drill.rewrite.Templates.stack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

class DropInstancesOfSkippedClustersTest {
    @Test
    void apply_whenInstanceBelongsToAClusterOfTheTemplate_leavesItOutAndKeepsStandaloneInstances() throws Exception {
        List<String> notes = new ArrayList<>();
        ObjectNode t = rewrite(new DropInstancesOfSkippedClusters(), stack(
                "{\"Cluster\":{\"Type\":\"AWS::RDS::DBCluster\",\"Properties\":{\"Engine\":\"aurora-postgresql\"}},"
                        + "\"Writer\":{\"Type\":\"AWS::RDS::DBInstance\",\"Properties\":{\"DBClusterIdentifier\":{\"Ref\":\"Cluster\"},"
                        + "\"Engine\":\"aurora-postgresql\"}},"
                        + "\"Standalone\":{\"Type\":\"AWS::RDS::DBInstance\",\"Properties\":{\"Engine\":\"postgres\"}}}"), notes);
        assertFalse(t.path("Resources").has("Writer"));
        assertTrue(t.path("Resources").has("Standalone"));
        assertTrue(t.path("Resources").has("Cluster"));
        assertEquals(1, notes.size(), notes::toString);
        assertTrue(notes.get(0).startsWith("Writer (AWS::RDS::DBInstance of cluster Cluster): left out"), notes::toString);
    }
}
