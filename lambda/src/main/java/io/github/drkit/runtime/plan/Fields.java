package io.github.drkit.runtime.plan;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the fields of one JSON object and remembers which ones it read, so that {@link #finish()} can reject
 * the rest: a misspelt optional field ("heathTimeoutSeconds") must not be silently ignored in a DR plan.
 */
final class Fields {
    private final JsonNode node;
    private final String path;
    private final Set<String> read = new LinkedHashSet<>();

    private Fields(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    static Fields of(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new PlanValidationException(path, "must be a JSON object (got " + describe(node) + ")");
        }
        return new Fields(node, path);
    }

    String path() {
        return path;
    }

    String child(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    boolean has(String name) {
        JsonNode value = node.get(name);
        return value != null && !value.isNull();
    }

    JsonNode raw(String name) {
        read.add(name);
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    String requiredString(String name) {
        String value = optionalString(name);
        if (value == null) {
            throw new PlanValidationException(child(name), "is required");
        }
        return value;
    }

    String optionalString(String name) {
        JsonNode value = raw(name);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw new PlanValidationException(child(name), "must be a string (got " + describe(value) + ")");
        }
        if (value.asText().isBlank()) {
            throw new PlanValidationException(child(name), "must not be empty");
        }
        return value.asText();
    }

    String optionalMatching(String name, java.util.regex.Pattern pattern, String rule) {
        String value = optionalString(name);
        if (value != null && !pattern.matcher(value).matches()) {
            throw new PlanValidationException(child(name), rule + " (got '" + value + "')");
        }
        return value;
    }

    String requiredMatching(String name, java.util.regex.Pattern pattern, String rule) {
        String value = requiredString(name);
        if (!pattern.matcher(value).matches()) {
            throw new PlanValidationException(child(name), rule + " (got '" + value + "')");
        }
        return value;
    }

    Integer optionalInt(String name, int min, int max) {
        JsonNode value = raw(name);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new PlanValidationException(child(name), "must be a whole number (got " + describe(value) + ")");
        }
        int result = value.intValue();
        if (result < min || result > max) {
            throw new PlanValidationException(child(name), "must be between " + min + " and " + max + " (got " + result + ")");
        }
        return result;
    }

    int requiredInt(String name, int min, int max) {
        Integer value = optionalInt(name, min, max);
        if (value == null) {
            throw new PlanValidationException(child(name), "is required");
        }
        return value;
    }

    double requiredNumber(String name) {
        JsonNode value = raw(name);
        if (value == null) {
            throw new PlanValidationException(child(name), "is required");
        }
        if (!value.isNumber()) {
            throw new PlanValidationException(child(name), "must be a number (got " + describe(value) + ")");
        }
        return value.doubleValue();
    }

    Boolean optionalBoolean(String name) {
        JsonNode value = raw(name);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            throw new PlanValidationException(child(name), "must be true or false (got " + describe(value) + ")");
        }
        return value.booleanValue();
    }

    Fields requiredObject(String name) {
        JsonNode value = raw(name);
        if (value == null) {
            throw new PlanValidationException(child(name), "is required");
        }
        return Fields.of(value, child(name));
    }

    Fields optionalObject(String name) {
        JsonNode value = raw(name);
        return value == null ? null : Fields.of(value, child(name));
    }

    /** Maps each element of an optional array; an absent array is empty. */
    <T> List<T> list(String name, BiFunction<JsonNode, String, T> element) {
        JsonNode value = raw(name);
        List<T> result = new ArrayList<>();
        if (value == null) {
            return result;
        }
        if (!value.isArray()) {
            throw new PlanValidationException(child(name), "must be an array (got " + describe(value) + ")");
        }
        for (int i = 0; i < value.size(); i++) {
            result.add(element.apply(value.get(i), child(name) + "[" + i + "]"));
        }
        return result;
    }

    /** Rejects every field of the object that was not read. */
    void finish() {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!read.contains(name)) {
                throw new PlanValidationException(child(name), "is not a field of " + (path.isEmpty() ? "the plan" : path)
                        + " (known fields: " + String.join(", ", read) + ")");
            }
        }
    }

    static String describe(JsonNode value) {
        if (value == null || value.isNull()) {
            return "null";
        }
        if (value.isTextual()) {
            return "'" + value.asText() + "'";
        }
        if (value.isObject()) {
            return "an object";
        }
        if (value.isArray()) {
            return "an array";
        }
        return value.toString();
    }
}
