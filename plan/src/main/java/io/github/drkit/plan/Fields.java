package io.github.drkit.plan;

import java.util.ArrayList;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;


/**
 * Reads the fields of one JSON object and remembers which ones it read, so that {@link #finish()} can reject
 * the rest: a misspelt optional field ("heathTimeoutSeconds") must not be silently ignored in a DR plan.
 */
public final class Fields {
    private static final double MAX_METRIC = Math.pow(2, 360);
    private static final double MIN_METRIC = Math.pow(2, -360);

    private final Map<String, Object> node;
    private final String path;
    private final Predicate<String> unresolved;
    private final Set<String> read = new LinkedHashSet<>();

    private Fields(Map<String, Object> node, String path, Predicate<String> unresolved) {
        this.node = node;
        this.path = path;
        this.unresolved = unresolved;
    }

    // Safe: plan trees come from Jackson or PlanWriter, whose objects have String keys; the instanceof above rules out the rest.
    @SuppressWarnings("unchecked")
    static Fields of(Object node, String path, Predicate<String> unresolved) {
        if (!(node instanceof Map)) {
            throw new PlanValidationException(path, "must be a JSON object (got " + describe(node) + ")");
        }
        return new Fields((Map<String, Object>) node, path, unresolved);
    }

    /** True for a value that is resolved only later (a deploy-time token): its format cannot be checked yet. */
    public boolean isUnresolved(String value) {
        return value != null && unresolved.test(value);
    }

    /** The object's field names, in document order. */
    public java.util.Set<String> names() {
        return node.keySet();
    }

    /** Where the object sits in the plan, e.g. {@code stages[1].steps[0]}. */
    public String path() {
        return path;
    }

    /** The path of one of the object's fields. */
    public String child(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** True when the field is present and not null. */
    public boolean has(String name) {
        Object value = node.get(name);
        return value != null && value != JsonTree.NULL;
    }

    /**
     * The field's value, or null when it is absent. An explicit JSON {@code null} is refused, as the schema
     * refuses it: a plan that says "null" for a field means something, and no reading of it is safe.
     */
    public Object raw(String name) {
        read.add(name);
        Object value = node.get(name);
        if (value == JsonTree.NULL) {
            throw new PlanValidationException(child(name), "must not be null; leave the field out to take its default");
        }
        return value;
    }

    public String requiredString(String name) {
        String value = optionalString(name);
        if (value == null) {
            throw new PlanValidationException(child(name), "is required");
        }
        return value;
    }

    public String optionalString(String name) {
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

    public String optionalMatching(String name, java.util.regex.Pattern pattern, String rule) {
        String value = optionalString(name);
        if (value != null && !isUnresolved(value) && !pattern.matcher(value).matches()) {
            throw new PlanValidationException(child(name), rule + " (got '" + value + "')");
        }
        return value;
    }

    public String requiredMatching(String name, java.util.regex.Pattern pattern, String rule) {
        String value = requiredString(name);
        if (!isUnresolved(value) && !pattern.matcher(value).matches()) {
            throw new PlanValidationException(child(name), rule + " (got '" + value + "')");
        }
        return value;
    }

    public Integer optionalInt(String name, int min, int max) {
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

    public int requiredInt(String name, int min, int max) {
        Integer value = optionalInt(name, min, max);
        if (value == null) {
            throw new PlanValidationException(child(name), "is required");
        }
        return value;
    }

    public double requiredNumber(String name) {
        Object value = raw(name);
        if (value == null) {
            throw new PlanValidationException(child(name), "is required");
        }
        if (!(value instanceof Number number)) {
            throw new PlanValidationException(child(name), "must be a number (got " + describe(value) + ")");
        }
        double result = number.doubleValue();
        // CloudWatch stores values from 2^-360 to 2^360 in magnitude (and 0); beyond that PutMetricData fails,
        // and a JSON number such as 1e400 would otherwise arrive as Infinity.
        if (!Double.isFinite(result) || Math.abs(result) > MAX_METRIC || (result != 0 && Math.abs(result) < MIN_METRIC)) {
            throw new PlanValidationException(child(name), "must be 0 or a number whose magnitude is from 2^-360 to 2^360, as CloudWatch stores it (got "
                    + describe(value) + ")");
        }
        return result;
    }

    public Boolean optionalBoolean(String name) {
        Object value = raw(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Boolean bool)) {
            throw new PlanValidationException(child(name), "must be true or false (got " + describe(value) + ")");
        }
        return bool;
    }

    public Fields requiredObject(String name) {
        Object value = raw(name);
        if (value == null) {
            throw new PlanValidationException(child(name), "is required");
        }
        return Fields.of(value, child(name), unresolved);
    }

    public Fields optionalObject(String name) {
        Object value = raw(name);
        return value == null ? null : Fields.of(value, child(name), unresolved);
    }

    /** Maps each element of an optional array; an absent array is empty. */
    public <T> List<T> list(String name, BiFunction<Object, String, T> element) {
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
    public void finish() {
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
        if (value instanceof java.math.BigDecimal decimal) {
            return decimal.toString();
        }
        return value.toString();
    }

    /** A string element of an array, or null when it is not one. */
    static String text(Object value) {
        return value instanceof String text ? text : null;
    }
}
