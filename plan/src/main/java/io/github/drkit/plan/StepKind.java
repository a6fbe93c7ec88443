package io.github.drkit.plan;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * One kind of recovery work: its name in the plan, how a step of it is read, checked and written, the rules
 * across all its steps, and where it runs on failback. Kinds are found with {@link java.util.ServiceLoader}
 * (the {@code META-INF/services/io.github.drkit.plan.StepKind} file of this module): adding a kind is adding a
 * class and a line there, never an edit of the reader or the writer. See "Adding a step kind" in
 * docs/recovery-plan.md.
 *
 * @param <T> the model type of a step of this kind
 */
public interface StepKind<T extends PlanStep> {
    /** The value of a step's {@code "kind"} field, e.g. {@code scaleFleet}. */
    String name();

    /** The model type of a step of this kind. */
    Class<T> type();

    /**
     * Reads one step from its fields ({@code kind} already read) and checks every rule of the step on its own.
     * Calls {@link Fields#finish()} so that a field the kind does not know is refused.
     *
     * @throws PlanValidationException naming the offending field under the step's path, its value and the rule
     */
    T read(Fields step, StepContext context);

    /** The step's fields as JSON-shaped maps and lists, without {@code kind}. */
    Map<String, Object> write(T step);

    /**
     * Rules across every step of this kind in the plan, whichever stage holds them (duplicates, for instance).
     *
     * @param steps in plan order
     */
    default void checkAcross(List<T> steps) {
    }

    /**
     * Where this kind runs on failback: lower ranks first, equal ranks in parallel; empty when failback leaves
     * the work as failover left it (a promoted database is never demoted).
     */
    OptionalInt failbackRank();

    /**
     * How a version 1 plan wrote steps of this kind: the top-level field read by {@link #readVersion1}; null for
     * a kind that version 1 did not have.
     */
    default String version1Field() {
        return null;
    }

    /** The stage (one of {@link Stage#VERSION_1_STAGES}) that a version 1 plan's steps of this kind convert to. */
    default String version1Stage() {
        return null;
    }

    /** Reads this kind's steps from a version 1 plan: by default, the array {@link #version1Field()}. */
    default List<T> readVersion1(Fields plan, StepContext context) {
        return plan.list(version1Field(), (node, path) -> read(context.fields(node, path), context));
    }

    /** The step as this kind, for code that holds it as a {@link PlanStep}. */
    default T cast(PlanStep step) {
        return type().cast(step);
    }
}
