package io.github.drkit.crossaccount;

import io.github.drkit.failover.RecoveryStep;
import io.github.drkit.failover.StepPermissions;
import io.github.drkit.internal.plan.CrossAccountPermissions;
import io.github.drkit.plan.AssumeRole;
import io.github.drkit.plan.PlanStep;
import java.util.Objects;

/**
 * A step whose resources live in another account: the same step in the plan, with the role the runtime assumes for its
 * calls. The failover function's role is granted only {@code sts:AssumeRole} (and {@code sts:TagSession}) on that role;
 * the step's own permissions belong to the role, built in the other account by {@link WorkloadAccountRole}, whose
 * {@link WorkloadAccountRole#assume(RecoveryStep)} makes one of these.
 */
public final class CrossAccountStep implements RecoveryStep {
    private final RecoveryStep step;
    private final AssumeRole role;

    private CrossAccountStep(RecoveryStep step, AssumeRole role) {
        this.step = Objects.requireNonNull(step, "step");
        this.role = role;
        if (step.assumeRole() != null) {
            throw new IllegalArgumentException("CrossAccountStep: step already assumes " + step.assumeRole().roleArn()
                    + "; a step runs with one role (got " + role.roleArn() + " as well)");
        }
    }

    /**
     * The step, run with a session of {@code roleArn}.
     *
     * @param externalId the external id the role's trust policy asks for; null for none
     */
    public static CrossAccountStep of(RecoveryStep step, String roleArn, String externalId) {
        if (roleArn == null || roleArn.isBlank()) {
            throw new IllegalArgumentException("CrossAccountStep: roleArn is required (got " + (roleArn == null ? "null" : "'" + roleArn + "'") + ")");
        }
        return new CrossAccountStep(step, AssumeRole.of(roleArn, externalId));
    }

    /** The step, run with a session of {@code roleArn}, whose trust policy asks for no external id. */
    public static CrossAccountStep of(RecoveryStep step, String roleArn) {
        return of(step, roleArn, null);
    }

    /** The step as it would run in the failover function's own account. */
    public RecoveryStep getStep() {
        return step;
    }

    @Override
    public PlanStep toPlan() {
        return step.toPlan();
    }

    @Override
    public PlanStep toPlan(java.time.Duration declaredRpo) {
        return step.toPlan(declaredRpo);
    }

    @Override
    public String stage() {
        return step.stage();
    }

    /** Only the session: the step's own work is the workload role's. */
    @Override
    public StepPermissions permissions() {
        return CrossAccountPermissions.INSTANCE;
    }

    @Override
    public AssumeRole assumeRole() {
        return role;
    }
}
