package io.github.drkit.failover;

import io.github.drkit.objectives.EstimateTerm;
import io.github.drkit.plan.AssumeRole;
import io.github.drkit.plan.PlanStep;
import java.util.List;

/**
 * The construct side of a plan step kind: the step it writes into the plan, the stage it joins, and the permissions
 * the failover role needs to carry it out. {@link FailoverPlan} and {@link FailoverFunction} work only through this
 * interface, so a new kind adds a class implementing it (and one implementing {@link StepPermissions}) with no edit
 * of either. See "Adding a step kind" in docs/recovery-plan.md.
 */
public interface RecoveryStep {
    /** The step in the plan model; values may be deploy-time tokens. */
    PlanStep toPlan();

    /**
     * The step as a plan that declares the recovery point objective {@code declaredRpo} writes it: a step whose RPO
     * follows the application's declared RPO takes it; the others are {@link #toPlan()}.
     *
     * @param declaredRpo the plan's declared RPO; null when it declares none
     */
    default PlanStep toPlan(java.time.Duration declaredRpo) {
        return toPlan();
    }

    /** The stage the step joins, one of {@link FailoverPlan#STAGES}. */
    String stage();

    /**
     * The permissions of the step's kind. Every step of a plan that answers the same instance is granted in one call,
     * so that one statement covers all the resources of a kind (a policy has a size limit).
     */
    StepPermissions permissions();

    /**
     * The role the runtime assumes for the step's calls when its resources live in another account; null when the step
     * runs in the failover function's own account. See {@link io.github.drkit.crossaccount.CrossAccountStep}.
     */
    default AssumeRole assumeRole() {
        return null;
    }

    /**
     * The time the step adds to a failover on top of the recovery the topology constructs estimate: a person's answer,
     * a custom action's bound. {@link FailoverFunction} adds them to the synth-time RTO check. Empty for the steps whose
     * time the topology constructs' estimates already count (scaling, promotion, DNS).
     */
    default List<EstimateTerm> rtoTerms() {
        return List.of();
    }
}
