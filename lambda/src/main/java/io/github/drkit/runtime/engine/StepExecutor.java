package io.github.drkit.runtime.engine;

import java.util.List;
import java.util.Map;

import io.github.drkit.plan.PlanStep;

/**
 * Carries out the steps of one plan step kind ({@link io.github.drkit.plan.StepKind}): reads their live state before
 * the run, and turns each step, with that state, into the engine's {@link Step}s, each of which reads again before it
 * acts. Executors are found with {@link java.util.ServiceLoader} (a
 * {@code META-INF/services/io.github.drkit.runtime.engine.StepExecutor} file), one per kind; the engine names no kind.
 *
 * <p>A new kind implements {@link #inspect} (its preflight read and its line in the report's state), {@link #failover}
 * and, when its kind has a failback rank, {@link #failback}; see "Adding a step kind" in docs/recovery-plan.md.
 *
 * @param <T> the model type of the kind's steps
 */
public interface StepExecutor<T extends PlanStep> {
    /** The kind this executor carries out, as {@link io.github.drkit.plan.StepKind#name()} names it. */
    String kind();

    /** The model type of the kind's steps. */
    Class<T> type();

    /**
     * Reads the live state of every step of this kind in the plan, before any change (the preflight): batch the reads
     * where AWS allows and run them through {@link Inspection#all}. A resource the plan names that does not exist is a
     * {@link io.github.drkit.plan.PlanValidationException} naming the step's field, which fails the run before any
     * mutating call. Called for status, failover and failback, and again after a run to report the state it left.
     *
     * <p>The default reads nothing: the kinds that came with the first plan version are read by the engine's own
     * inspector, whose typed state the health gate and the DNS steps share.
     *
     * @param steps every step of this kind, in plan order
     * @return the state of each step, by {@link PlanStep#path()}
     */
    default Map<String, StepLive> inspect(List<T> steps, Inspection inspection) {
        return Map.of();
    }

    /** What failover does for the step; computed from the state read before the run, before any change is made. */
    List<Step> failover(T step, Execution execution);

    /**
     * What failback does for the step. Called only for kinds that have a failback rank
     * ({@link io.github.drkit.plan.StepKind#failbackRank()}).
     */
    List<Step> failback(T step, Execution execution);

    /**
     * What failback leaves for a person to do about the step, each item exact (the resource, its Region, the command):
     * e.g. a restored database the runtime never deletes. Read from the state after the failback.
     *
     * @param after the step's status as {@link #inspect} read it after the run
     */
    default List<String> leftForOperator(T step, StateReport.StepStatus after) {
        return List.of();
    }

    /**
     * What a failover leaves for a person to do about the step before the recovered service works, each item exact (the
     * resource, its Region, the command). Read from the state after the failover.
     *
     * @param after the step's status as {@link #inspect} read it after the run
     */
    default List<String> leftAfterFailover(T step, StateReport.StepStatus after) {
        return List.of();
    }
}
