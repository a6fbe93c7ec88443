package io.github.drkit.runtime.plan;

import java.util.ArrayList;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;


/**
 * Reads the fields of one JSON object and remembers which ones it read, so that {@link #finish()} can reject
 * the rest: a misspelt optional field ("heathTimeoutSeconds") must not be silently ignored in a DR plan.
 */
final class Fields {
    private final Map<String, Object> node;
    private final String path;
    private final Set<String> read = new LinkedHashSet<>();

    private Fields(Map<String, Object> node, String path) {
        this.node = node;
        this.path = path;
    }

    @SuppressWarnings("unchecked")
    static Fields of(Object node, String path) {
        if (!(node instanceof Map)) {
            throw new PlanValidationException(path, "must be a JSON object (got " + describe(node) + ")");
        }
        return new Fields((Map<String, Object>) node, path);
    }

    /** The object's field names, in document order. */
    java.util.Set<String> names() {
        return node.keySet();
    }

    String path() {
        return path;
    }

    String child(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    boolean has(String name) {
        Object value = node.get(name);
        return value != null && value != JsonTree.NULL;
    }

    Object raw(String name) {
        read.add(name);
        Object value = node.get(name);
        return value == null || value == JsonTree.NULL ? null : value;
    }

    String requiredString(String name) {
        String value = optionalString(name);
        if (value == null) {
            throw new PlanValidationException(child(name), "is required");
        }
        return value;
    }

    String optionalString(String name) {
        Object value = raw(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw new PlanValidationException(child(name), "must be a string (got " + describe(value) + ")");
        }
        if (text.isBlank()) {
            throw new PlanValidationException(child(name), "must not be empty");
        }
        return text;
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
        Object value = raw(name);
        if (value == null) {
            return null;
        }
        if (!JsonTree.isIntegral(value)) {
            throw new PlanValidationException(child(name), "must be a whole number (got " + describe(value) + ")");
        }
        if (!(value instanceof Integer)) {
            throw new PlanValidationException(child(name), "must be between " + min + " and " + max + " (got " + value + ")");
        }
        int result = (Integer) value;
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
        Object value = raw(name);
        if (value == null) {
            throw new PlanValidationException(child(name), "is required");
        }
        if (!(value instanceof Number number)) {
            throw new PlanValidationException(child(name), "must be a number (got " + describe(value) + ")");
        }
        return number.doubleValue();
    }

    Boolean optionalBoolean(String name) {
        Object value = raw(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Boolean bool)) {
            throw new PlanValidationException(child(name), "must be true or false (got " + describe(value) + ")");
        }
        return bool;
    }

    Fields requiredObject(String name) {
        Object value = raw(name);
        if (value == null) {
            throw new PlanValidationException(child(name), "is required");
        }
        return Fields.of(value, child(name));
    }

    Fields optionalObject(String name) {
        Object value = raw(name);
        return value == null ? null : Fields.of(value, child(name));
    }

    /** Maps each element of an optional array; an absent array is empty. */
    <T> List<T> list(String name, BiFunction<Object, String, T> element) {
        Object value = raw(name);
        List<T> result = new ArrayList<>();
        if (value == null) {
            return result;
        }
        if (!(value instanceof List<?> array)) {
            throw new PlanValidationException(child(name), "must be an array (got " + describe(value) + ")");
        }
        for (int i = 0; i < array.size(); i++) {
            result.add(element.apply(array.get(i), child(name) + "[" + i + "]"));
        }
        return result;
    }

    /** Rejects every field of the object that was not read. */
    void finish() {
        for (String name : node.keySet()) {
            if (!read.contains(name)) {
                throw new PlanValidationException(child(name), "is not a field of " + (path.isEmpty() ? "the plan" : path)
                        + " (known fields: " + String.join(", ", read) + ")");
            }
        }
    }

    static String describe(Object value) {
        if (value == null || value == JsonTree.NULL) {
            return "null";
        }
        if (value instanceof String text) {
            return "'" + text + "'";
        }
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof List) {
            return "an array";
        }
        return value.toString();
    }

    /** A string element of an array, or null when it is not one. */
    static String text(Object value) {
        return value instanceof String text ? text : null;
    }
}
