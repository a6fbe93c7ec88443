package io.github.drkit.apps.drill.rewrite;

import static io.github.drkit.apps.drill.rewrite.Templates.rewrite;
import static io.github.drkit.apps.drill.rewrite.Templates.stack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

class DropBucketNotificationsTest {
    @Test
    void apply_whenBucketNotifications_dropsThemAndTheDependenciesOnThem() throws Exception {
        List<String> notes = new ArrayList<>();
        ObjectNode t = rewrite(new DropBucketNotifications(), stack("{\"Notify\":{\"Type\":\"Custom::S3BucketNotifications\","
                + "\"Properties\":{\"BucketName\":{\"Ref\":\"B\"}}},"
                + "\"B\":{\"Type\":\"AWS::S3::Bucket\"},"
                + "\"Fn\":{\"Type\":\"AWS::Lambda::Function\",\"DependsOn\":[\"B\",\"Notify\"]},"
                + "\"Other\":{\"Type\":\"AWS::SNS::Topic\",\"DependsOn\":\"Notify\"}}"), notes);

        assertTrue(t.path("Resources").path("Notify").isMissingNode());
        assertEquals("[\"B\"]", t.path("Resources").path("Fn").path("DependsOn").toString());
        assertTrue(t.path("Resources").path("Other").path("DependsOn").isMissingNode());
        assertEquals("AWS::S3::Bucket", t.path("Resources").path("B").path("Type").asText());
        assertEquals(List.of("Notify (Custom::S3BucketNotifications): left out (moto 5.2.1 does not run Lambda-backed custom resources, "
                + "so the stack would never finish); the bucket sends no event notifications in the drill"), notes);
    }

    @Test
    void apply_whenNoBucketNotifications_changesNothing() throws Exception {
        List<String> notes = new ArrayList<>();
        String resources = "{\"B\":{\"Type\":\"AWS::S3::Bucket\"},\"Fn\":{\"Type\":\"AWS::Lambda::Function\",\"DependsOn\":[\"B\"]}}";
        ObjectNode t = rewrite(new DropBucketNotifications(), stack(resources), notes);

        assertEquals(Templates.JSON.readTree(resources), t.path("Resources"));
        assertEquals(List.of(), notes);
    }
}
