package io.github.drkit.apps.drill.rewrite;

import static io.github.drkit.apps.drill.rewrite.Templates.rewrite;
import static io.github.drkit.apps.drill.rewrite.Templates.stack;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

class DropFlowLogS3PrefixTest {
    @Test
    void apply_whenS3DestinationJoinsPrefix_keepsTheBucketArnOnly() throws Exception {
        List<String> notes = new ArrayList<>();
        ObjectNode t = rewrite(new DropFlowLogS3Prefix(), stack("{\"Logs\":{\"Type\":\"AWS::EC2::FlowLog\",\"Properties\":"
                + "{\"LogDestinationType\":\"s3\",\"LogDestination\":{\"Fn::Join\":[\"\",[{\"Fn::GetAtt\":[\"B\",\"Arn\"]},"
                + "\"/flow-logs/\"]]}}}}"), notes);
        assertEquals("{\"Fn::GetAtt\":[\"B\",\"Arn\"]}", t.path("Resources").path("Logs").path("Properties").path("LogDestination").toString());
        assertEquals(List.of("Logs (AWS::EC2::FlowLog): S3 destination without its key prefix '/flow-logs/' (moto 5.2.1 takes "
                + "the prefix for part of the bucket name and fails CreateStack)"), notes);
    }
}
