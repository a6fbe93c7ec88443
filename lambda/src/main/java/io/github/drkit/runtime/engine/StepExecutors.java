package io.github.drkit.runtime.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.github.drkit.plan.ByKind;
import io.github.drkit.plan.PlanStep;
import io.github.drkit.plan.RecoveryPlan;

/** The step executors on the class path, by kind, found once. */
final class StepExecutors {
    private static final Map<String, StepExecutor<?>> EXECUTORS = load();

    private StepExecutors() {
    }

    /**
     * Refuses, before any call, a plan with a step kind this runtime cannot carry out (a plan written by a newer
     * library, with a kind this runtime's plan module knows but that has no executor here).
     */
    static void requireAll(RecoveryPlan plan) {
        for (PlanStep step : plan.steps()) {
            if (!EXECUTORS.containsKey(step.kind())) {
                throw new InvalidRequestException(step.path(), "step kind '" + step.kind() + "' has no executor in this runtime (it has "
                        + String.join(", ", EXECUTORS.keySet()) + ")");
            }
        }
    }

    /** Every kind's own preflight read ({@link StepExecutor#inspect}), by step path; the kinds' reads run at once. */
    static Map<String, StepLive> inspect(RecoveryPlan plan, Inspection inspection) {
        Map<String, List<PlanStep>> byKind = new LinkedHashMap<>();
        for (PlanStep step : plan.steps()) {
            byKind.computeIfAbsent(step.kind(), k -> new ArrayList<>()).add(step);
        }
        List<Callable<Map<String, StepLive>>> reads = new ArrayList<>();
        byKind.forEach((kind, steps) -> reads.add(() -> inspect(EXECUTORS.get(kind), steps, inspection)));
        Map<String, StepLive> all = new LinkedHashMap<>();
        inspection.all(reads).forEach(all::putAll);
        return all;
    }

    private static <T extends PlanStep> Map<String, StepLive> inspect(StepExecutor<T> executor, List<PlanStep> steps, Inspection inspection) {
        return executor.inspect(steps.stream().map(executor.type()::cast).toList(), inspection);
    }

    /** What failback leaves for a person, by every kind that says ({@link StepExecutor#leftForOperator}), in plan order. */
    static List<String> leftForOperator(RecoveryPlan plan, StateReport after) {
        Map<String, StateReport.StepStatus> byPath = new LinkedHashMap<>();
        after.steps().forEach(status -> byPath.put(status.path(), status));
        List<String> left = new ArrayList<>();
        for (PlanStep step : plan.steps()) {
            StateReport.StepStatus status = byPath.get(step.path());
            StepExecutor<?> executor = EXECUTORS.get(step.kind());
            if (status != null && executor != null) {
                left.addAll(leftForOperator(executor, step, status));
            }
        }
        return left;
    }

    private static <T extends PlanStep> List<String> leftForOperator(StepExecutor<T> executor, PlanStep step, StateReport.StepStatus status) {
        return executor.leftForOperator(executor.type().cast(step), status);
    }

    /** What a failover leaves for a person, by every kind that says ({@link StepExecutor#leftAfterFailover}), in plan order. */
    static List<String> leftAfterFailover(RecoveryPlan plan, StateReport after) {
        Map<String, StateReport.StepStatus> byPath = new LinkedHashMap<>();
        after.steps().forEach(status -> byPath.put(status.path(), status));
        List<String> left = new ArrayList<>();
        for (PlanStep step : plan.steps()) {
            StateReport.StepStatus status = byPath.get(step.path());
            StepExecutor<?> executor = EXECUTORS.get(step.kind());
            if (status != null && executor != null) {
                left.addAll(leftAfterFailover(executor, step, status));
            }
        }
        return left;
    }

    private static <T extends PlanStep> List<String> leftAfterFailover(StepExecutor<T> executor, PlanStep step, StateReport.StepStatus status) {
        return executor.leftAfterFailover(executor.type().cast(step), status);
    }

    static List<Step> failover(PlanStep step, Execution execution) {
        return failover(EXECUTORS.get(step.kind()), step, execution);
    }

    static List<Step> failback(PlanStep step, Execution execution) {
        return failback(EXECUTORS.get(step.kind()), step, execution);
    }

    private static <T extends PlanStep> List<Step> failover(StepExecutor<T> executor, PlanStep step, Execution execution) {
        return executor.failover(executor.type().cast(step), execution);
    }

    private static <T extends PlanStep> List<Step> failback(StepExecutor<T> executor, PlanStep step, Execution execution) {
        return executor.failback(executor.type().cast(step), execution);
    }

    private static Map<String, StepExecutor<?>> load() {
        return ByKind.load(StepExecutor.class, StepExecutor::kind, "executors");
    }
}
