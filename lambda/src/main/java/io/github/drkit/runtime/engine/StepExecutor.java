package io.github.drkit.runtime.engine;

import java.util.List;

import io.github.drkit.plan.PlanStep;

/**
 * Carries out the steps of one plan step kind ({@link io.github.drkit.plan.StepKind}): turns a step, with the live
 * state read before the run, into the engine's {@link Step}s, each of which reads before it acts. Executors are
 * found with {@link java.util.ServiceLoader} (the {@code META-INF/services/io.github.drkit.runtime.engine.StepExecutor}
 * file of this module), one per kind; the engine names no kind.
 *
 * @param <T> the model type of the kind's steps
 */
public interface StepExecutor<T extends PlanStep> {
    /** The kind this executor carries out, as {@link io.github.drkit.plan.StepKind#name()} names it. */
    String kind();

    /** The model type of the kind's steps. */
    Class<T> type();

    /** What failover does for the step; computed from the state read before the run, before any change is made. */
    List<Step> failover(T step, Execution execution);

    /**
     * What failback does for the step. Called only for kinds that have a failback rank
     * ({@link io.github.drkit.plan.StepKind#failbackRank()}).
     */
    List<Step> failback(T step, Execution execution);
}
