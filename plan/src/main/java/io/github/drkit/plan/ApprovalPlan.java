package io.github.drkit.plan;

/**
 * A manual approval: the stage that holds this step waits, before any of its steps runs, until a run is started with
 * {@code approve} naming that stage (or a later one). Failover then stops with the outcome
 * {@code WAITING_FOR_APPROVAL}; running again with the approval continues, every earlier step finding its work done.
 *
 * @param message what the approver should check before approving; null when the stage name says enough
 */
public record ApprovalPlan(String message, String path) implements PlanStep {
    /** An approval written by a construct, before it has a place in a plan. */
    public ApprovalPlan(String message) {
        this(message, null);
    }

    @Override
    public String kind() {
        return ApprovalKind.NAME;
    }
}
