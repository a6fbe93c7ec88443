package io.github.drkit.runtime.steps.action;

import java.util.List;

import io.github.drkit.plan.ApprovalKind;
import io.github.drkit.plan.ApprovalPlan;
import io.github.drkit.plan.Stage;
import io.github.drkit.runtime.engine.Execution;
import io.github.drkit.runtime.engine.Step;
import io.github.drkit.runtime.engine.StepExecutor;

/**
 * The {@code approval} step: the engine holds its stage until a request approves it, so when the step runs its stage
 * was approved; the step records by which approval. It reads nothing and changes nothing.
 */
public final class ApprovalExecutor implements StepExecutor<ApprovalPlan> {
    @Override
    public String kind() {
        return ApprovalKind.NAME;
    }

    @Override
    public Class<ApprovalPlan> type() {
        return ApprovalPlan.class;
    }

    @Override
    public List<Step> failover(ApprovalPlan step, Execution execution) {
        String stage = execution.plan().stages().stream().filter(s -> s.steps().contains(step)).map(Stage::name).findFirst().orElse("?");
        return List.of(Step.gate("approval of stage " + stage, step.path(),
                List.of("wait for a person to approve stage '" + stage + "'" + (step.message() == null ? "" : ": " + step.message())),
                () -> Step.Result.done("approved: the request approves stage '" + execution.approve() + "'"
                        + (stage.equals(execution.approve()) ? "" : ", which comes after it"))));
    }

    /** Never called: the kind has no failback rank. */
    @Override
    public List<Step> failback(ApprovalPlan step, Execution execution) {
        return List.of();
    }
}
