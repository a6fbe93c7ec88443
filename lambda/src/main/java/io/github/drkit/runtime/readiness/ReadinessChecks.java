package io.github.drkit.runtime.readiness;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import io.github.drkit.plan.PlanStep;

/** The readiness checks on the class path, by kind, found once. */
final class ReadinessChecks {
    private static final Map<String, ReadinessCheck<?>> CHECKS = load();

    private ReadinessChecks() {
    }

    /** The check of a kind; null when this runtime has none. */
    static ReadinessCheck<?> of(String kind) {
        return CHECKS.get(kind);
    }

    /** The kinds that have a check, in the order found. */
    static List<String> kinds() {
        return List.copyOf(CHECKS.keySet());
    }

    /** Runs {@code check} over the steps, which are all of its kind. */
    static <T extends PlanStep> List<Finding> run(ReadinessCheck<T> check, List<PlanStep> steps, ReadinessContext context) {
        return check.check(steps.stream().map(check.type()::cast).toList(), context);
    }

    private static Map<String, ReadinessCheck<?>> load() {
        Map<String, ReadinessCheck<?>> checks = new LinkedHashMap<>();
        for (ReadinessCheck<?> check : ServiceLoader.load(ReadinessCheck.class, ReadinessChecks.class.getClassLoader())) {
            if (checks.putIfAbsent(check.kind(), check) != null) {
                throw new IllegalStateException("two readiness checks for step kind " + check.kind());
            }
        }
        return checks;
    }
}
