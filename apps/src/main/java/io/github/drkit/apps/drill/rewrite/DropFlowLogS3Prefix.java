package io.github.drkit.apps.drill.rewrite;

import io.github.drkit.apps.drill.AssemblyStack;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Sends an S3 flow log to its bucket's ARN without the key prefix CDK joins onto it. Works around
 * moto 5.2.1 taking the prefix for part of the bucket name and failing CreateStack.
 */
final class DropFlowLogS3Prefix implements TemplateRewrite {
    @Override
    public void apply(ObjectNode template, AssemblyStack stack, List<String> adaptations) {
        for (Iterator<Map.Entry<String, JsonNode>> it = template.path("Resources").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> r = it.next();
            JsonNode props = r.getValue().path("Properties");
            JsonNode join = props.path("LogDestination").path("Fn::Join");
            if ("AWS::EC2::FlowLog".equals(r.getValue().path("Type").asText()) && "s3".equals(props.path("LogDestinationType").asText())
                    && join.isArray() && join.size() == 2 && join.get(1).isArray() && join.get(1).size() == 2
                    && join.get(1).get(1).isTextual() && join.get(1).get(1).asText().startsWith("/")) {
                ((ObjectNode) props).set("LogDestination", join.get(1).get(0));
                adaptations.add(r.getKey() + " (AWS::EC2::FlowLog): S3 destination without its key prefix '" + join.get(1).get(1).asText()
                        + "' (moto 5.2.1 takes the prefix for part of the bucket name and fails CreateStack)");
            }
        }
    }
}
