package io.github.drkit.failover;

import io.github.drkit.internal.plan.Checks;
import io.github.drkit.internal.plan.NoPermissions;
import io.github.drkit.internal.plan.PlanRules;
import io.github.drkit.plan.ApprovalPlan;

/**
 * A manual approval: failover stops before the stage it guards, reports {@code WAITING_FOR_APPROVAL} (and notifies the
 * plan's topic), and goes on when invoked again with {@code "approve": "<stage>"} (CLI {@code --approve STAGE}). For
 * instance {@code ManualApproval.before("traffic", "Confirm the primary Region is down")}: data and compute recover
 * unattended, a person decides when users move. See docs/recovery-plan.md, {@code approval}.
 */
public final class ManualApproval implements RecoveryStep {
    private final String stage;
    private final String message;

    private ManualApproval(String stage, String message) {
        this.stage = Checks.required("ManualApproval", "stage", stage);
        this.message = message;
        PlanRules.check("ManualApproval", () -> PlanRules.reader().check(toPlan()));
    }

    /** An approval before {@code stage} ({@code data}, {@code compute} or {@code traffic}). */
    public static ManualApproval before(String stage) {
        return new ManualApproval(stage, null);
    }

    /** An approval before {@code stage}, telling the approver what to check (one line, at most 1,024 characters). */
    public static ManualApproval before(String stage, String message) {
        return new ManualApproval(stage, Checks.required("ManualApproval", "message", message));
    }

    public String getMessage() {
        return message;
    }

    @Override
    public ApprovalPlan toPlan() {
        return new ApprovalPlan(message);
    }

    @Override
    public String stage() {
        return stage;
    }

    /** The runtime makes no AWS call for an approval; the notification goes through the plan's topic. */
    @Override
    public StepPermissions permissions() {
        return NoPermissions.INSTANCE;
    }
}
