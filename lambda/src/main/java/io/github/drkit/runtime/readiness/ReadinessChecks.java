package io.github.drkit.runtime.readiness;

import java.util.List;
import java.util.Map;

import io.github.drkit.plan.ByKind;
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
        return ByKind.load(ReadinessCheck.class, ReadinessCheck::kind, "readiness checks");
    }
}
