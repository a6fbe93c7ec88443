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

class DropCrossRegionReplicaSubnetGroupTest {
    @Test
    void apply_whenReadReplicaNamesSubnetGroup_removesItAndSourceInstanceKeepsIt() throws Exception {
        List<String> notes = new ArrayList<>();
        ObjectNode t = rewrite(new DropCrossRegionReplicaSubnetGroup(), stack(
                "{\"Replica\":{\"Type\":\"AWS::RDS::DBInstance\",\"Properties\":{\"SourceDBInstanceIdentifier\":\"arn:src\","
                        + "\"DBSubnetGroupName\":{\"Ref\":\"G\"}}},"
                        + "\"Primary\":{\"Type\":\"AWS::RDS::DBInstance\",\"Properties\":{\"DBSubnetGroupName\":{\"Ref\":\"G\"}}}}"), notes);
        assertFalse(t.path("Resources").path("Replica").path("Properties").has("DBSubnetGroupName"));
        assertTrue(t.path("Resources").path("Primary").path("Properties").has("DBSubnetGroupName"));
        assertEquals(1, notes.size(), notes::toString);
        assertTrue(notes.get(0).startsWith("Replica (AWS::RDS::DBInstance read replica): created without its DBSubnetGroupName"));
    }
}
