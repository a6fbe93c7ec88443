package io.github.drkit.apps.drill.rewrite;

import java.util.Iterator;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Replacing values anywhere in a template, in objects and arrays alike. */
final class JsonTree {
    static final ObjectMapper JSON = new ObjectMapper();

    private JsonTree() {
    }

    /**
     * Walks the tree; where {@code replacement} gives a node for a value, that value is replaced (and not
     * walked further), else the walk goes into it.
     */
    static void replace(JsonNode node, Function<JsonNode, JsonNode> replacement) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode replaced = replacement.apply(field.getValue());
                if (replaced != null) {
                    ((ObjectNode) node).set(field.getKey(), replaced);
                } else {
                    replace(field.getValue(), replacement);
                }
            }
        } else if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                JsonNode replaced = replacement.apply(array.get(i));
                if (replaced != null) {
                    array.set(i, replaced);
                } else {
                    replace(array.get(i), replacement);
                }
            }
        }
    }

    /** The {@code [logicalId, attribute]} of a {@code Fn::GetAtt} value, or null. */
    static JsonNode getAtt(JsonNode value) {
        JsonNode getAtt = value.path("Fn::GetAtt");
        return getAtt.isArray() && getAtt.size() == 2 ? getAtt : null;
    }

    /** The logical id of a lone {@code {"Ref": id}} value, or null. */
    static String ref(JsonNode value) {
        return value.isObject() && value.size() == 1 && value.path("Ref").isTextual() ? value.path("Ref").asText() : null;
    }
}
