package io.github.drkit.runtime.readiness;

import java.util.List;

import io.github.drkit.plan.PlanStep;

/**
 * The readiness check of one plan step kind ({@link io.github.drkit.plan.StepKind}): reads what the kind's steps
 * depend on and says what would stop or slow their failover. Checks are found with {@link java.util.ServiceLoader}
 * (the {@code META-INF/services/io.github.drkit.runtime.readiness.ReadinessCheck} file of this module), one per kind,
 * the way the engine finds its executors; evaluate names no kind.
 *
 * <p>A check gets every step of its kind at once, so that it can batch its reads (one call per Region and per page
 * of names, as the preflight does) instead of one call per step.
 *
 * @param <T> the model type of the kind's steps
 */
public interface ReadinessCheck<T extends PlanStep> {
    /** The kind this check covers, as {@link io.github.drkit.plan.StepKind#name()} names it. */
    String kind();

    /** The model type of the kind's steps. */
    Class<T> type();

    /**
     * The findings for every step of this kind in the plan, in plan order. Reads only; an answer that cannot be read
     * is an {@link Finding.Category#UNCHECKED} finding, not an exception, unless the deadline was reached.
     */
    List<Finding> check(List<T> steps, ReadinessContext context);
}
