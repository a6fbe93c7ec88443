package io.github.drkit.apps.drill.rewrite;

import static io.github.drkit.apps.drill.rewrite.Templates.rewrite;
import static io.github.drkit.apps.drill.rewrite.Templates.stack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

class ClusterReferencesAsIdentifiersTest {
    @Test
    void apply_whenClusterNamesItself_writesEveryRefToItAsTheName() throws Exception {
        List<String> notes = new ArrayList<>();
        ObjectNode t = rewrite(new ClusterReferencesAsIdentifiers(), stack(
                "{\"Secondary\":{\"Type\":\"AWS::RDS::DBCluster\",\"Properties\":{\"DBClusterIdentifier\":\"shop-secondary\"}},"
                        + "\"Fn\":{\"Type\":\"AWS::Lambda::Function\",\"Properties\":{\"Environment\":{\"Variables\":{\"PLAN\":"
                        + "{\"Fn::Join\":[\"\",[\"{\\\"db\\\":\\\"\",{\"Ref\":\"Secondary\"},\"\\\"}\"]]},"
                        + "\"AGAIN\":{\"Ref\":\"Secondary\"}}}}}}"), notes);

        assertEquals("shop-secondary", t.at("/Resources/Fn/Properties/Environment/Variables/PLAN/Fn::Join/1/1").asText());
        assertEquals("shop-secondary", t.at("/Resources/Fn/Properties/Environment/Variables/AGAIN").asText());
        assertEquals(1, notes.size(), notes::toString);
        assertTrue(notes.get(0).startsWith("Ref Secondary: written as shop-secondary (moto 5.2.1 does not create AWS::RDS::DBCluster"),
                notes::toString);
    }

    @Test
    void apply_whenClusterHasNoName_leavesItsRefsAlone() throws Exception {
        List<String> notes = new ArrayList<>();
        ObjectNode t = rewrite(new ClusterReferencesAsIdentifiers(), stack(
                "{\"Cluster\":{\"Type\":\"AWS::RDS::DBCluster\",\"Properties\":{\"Engine\":\"aurora-postgresql\"}},"
                        + "\"Param\":{\"Type\":\"AWS::SSM::Parameter\",\"Properties\":{\"Value\":{\"Ref\":\"Cluster\"}}}}"), notes);

        assertEquals("Cluster", t.at("/Resources/Param/Properties/Value/Ref").asText());
        assertEquals(List.of(), notes);
    }
}
