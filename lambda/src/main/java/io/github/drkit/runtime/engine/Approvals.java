package io.github.drkit.runtime.engine;

import java.util.List;

import io.github.drkit.plan.ApprovalPlan;
import io.github.drkit.plan.RecoveryPlan;
import io.github.drkit.plan.Stage;

/**
 * Where failover waits for a person. A stage with an {@code approval} step runs only when the request approves it:
 * {@code approve} names that stage or a later one (approving a stage lets the run through every approval before it,
 * which an earlier run already stopped at and a person already approved). Runs are stateless, so resuming is running
 * again: every step converges on the live state, and custom actions see the same idempotency keys under the same run id.
 */
final class Approvals {
    private Approvals() {
    }

    /**
     * Refuses, before any call, an approval that names no stage of the plan that waits for one. (An approval with an action
     * other than failover and restore is refused with the request itself: {@link RequestField#APPROVE}.)
     */
    static void check(RecoveryPlan plan, RecoveryRequest request, String field) {
        String approve = request.approve();
        if (approve == null) {
            return;
        }
        List<String> gated = plan.stages().stream().filter(s -> s.approval() != null).map(Stage::name).toList();
        if (plan.stages().stream().noneMatch(s -> s.name().equals(approve))) {
            throw new InvalidRequestException(field, "names no stage of the plan (got '" + Cut.value(approve) + "'; stages: "
                    + String.join(", ", plan.stages().stream().map(Stage::name).toList()) + ")");
        }
        if (!gated.contains(approve)) {
            throw new InvalidRequestException(field, "names stage '" + approve + "', which does not wait for approval ("
                    + (gated.isEmpty() ? "no stage of the plan does" : "stages that do: " + String.join(", ", gated)) + ")");
        }
    }

    /** The first stage that waits for an approval the request does not give; null when failover may run every stage. */
    static Stage waiting(RecoveryPlan plan, String approve) {
        int approvedUpTo = -1;
        for (int i = 0; i < plan.stages().size(); i++) {
            if (plan.stages().get(i).name().equals(approve)) {
                approvedUpTo = i;
            }
        }
        for (int i = approvedUpTo + 1; i < plan.stages().size(); i++) {
            if (plan.stages().get(i).approval() != null) {
                return plan.stages().get(i);
            }
        }
        return null;
    }

    /** Why a step of a held stage did not run. */
    static String waitingFor(Stage stage) {
        return "stage '" + stage.name() + "' waits for approval";
    }

    /**
     * The report's message for a run that stopped before {@code stage}, with the request that continues it: the same action,
     * and for a restore the same {@code before}, since a resumed restore without it would choose the latest recovery points
     * instead of the ones the approved stages were restored from.
     */
    static String message(Stage stage, RecoveryRequest request, String runId, int changed, int waitingSteps) {
        ApprovalPlan approval = stage.approval();
        String action = request.action().id();
        String before = request.before() == null ? null : request.before().toString();
        String event = "{" + (request.action() == Action.FAILOVER ? "" : "\"action\": \"" + action + "\", ")
                + (before == null ? "" : "\"before\": \"" + before + "\", ")
                + "\"approve\": \"" + stage.name() + "\", \"runId\": \"" + runId + "\"}";
        String cli = (request.action() == Action.FAILOVER ? "" : action + " ") + (before == null ? "" : "--before " + before + " ")
                + "--approve " + stage.name() + " --run-id " + runId;
        return "waiting for approval of stage '" + stage.name() + "'" + (approval.message() == null ? "" : " (" + approval.message() + ")")
                + ": " + changed + " step(s) made changes before it, " + waitingSteps + " step(s) wait; to continue, run " + action
                + " again with " + event + " (CLI: " + cli + ")";
    }

    /** What a dry run adds to its message: the stage a real run would stop before. */
    static String inDryRun(RecoveryPlan plan, String approve) {
        Stage stage = waiting(plan, approve);
        return stage == null ? "" : "; a failover would stop before stage '" + stage.name() + "' to wait for approval";
    }
}
