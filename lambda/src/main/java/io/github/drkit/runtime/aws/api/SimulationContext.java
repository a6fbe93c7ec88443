package io.github.drkit.runtime.aws.api;

import java.util.List;
import java.util.Objects;

/**
 * A condition key's value for a policy simulation, what the real call would carry in its request context
 * ({@code cloudwatch:namespace}, {@code iam:PassedToService}, ...).
 *
 * @param key    the condition key
 * @param type   IAM's {@code ContextKeyType}: {@code string}, {@code stringList}, {@code boolean}, ...
 * @param values the key's values
 */
public record SimulationContext(String key, String type, List<String> values) {

    public SimulationContext {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        values = List.copyOf(values);
    }

    /** A single-valued string key. */
    public static SimulationContext string(String key, String value) {
        return new SimulationContext(key, "string", List.of(value));
    }

    /** A string list key. */
    public static SimulationContext stringList(String key, List<String> values) {
        return new SimulationContext(key, "stringList", values);
    }
}
