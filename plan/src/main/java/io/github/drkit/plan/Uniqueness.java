package io.github.drkit.plan;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The duplicate rule the step kinds share: two steps must not name the same resource. */
public final class Uniqueness {
    private Uniqueness() {
    }

    public static <T> void unique(List<T> items, Function<T, String> key, Function<T, String> path, String field, String what) {
        Map<String, String> seen = new HashMap<>();
        for (T item : items) {
            String previous = seen.putIfAbsent(key.apply(item), path.apply(item));
            if (previous != null) {
                throw new PlanValidationException(path.apply(item) + "." + field, "names the same " + what + " as " + previous);
            }
        }
    }
}
