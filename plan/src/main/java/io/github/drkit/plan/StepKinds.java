package io.github.drkit.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The step kinds on the class path, in the order of the services file(s), found once. */
public final class StepKinds {
    private static final Map<String, StepKind<?>> KINDS = load();

    private StepKinds() {
    }

    /** Every kind, in registration order. */
    public static List<StepKind<?>> all() {
        return List.copyOf(KINDS.values());
    }

    /** The names of every kind, for messages. */
    public static List<String> names() {
        return List.copyOf(KINDS.keySet());
    }

    /** The kind of that name, or null when none is registered. */
    public static StepKind<?> named(String name) {
        return KINDS.get(name);
    }

    /** The kind of a step. */
    public static StepKind<?> of(PlanStep step) {
        StepKind<?> kind = KINDS.get(step.kind());
        if (kind == null) {
            throw new IllegalStateException("no step kind '" + step.kind() + "' is registered for " + step.getClass().getName());
        }
        return kind;
    }

    /** The step's fields, {@code kind} first, as the plan writes them. */
    public static Map<String, Object> write(PlanStep step) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", step.kind());
        m.putAll(writeFields(of(step), step));
        return m;
    }

    private static <T extends PlanStep> Map<String, Object> writeFields(StepKind<T> kind, PlanStep step) {
        return kind.write(kind.cast(step));
    }

    private static Map<String, StepKind<?>> load() {
        return ByKind.load(StepKind.class, StepKind::name, "step kinds");
    }
}
