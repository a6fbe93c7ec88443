package io.github.drkit.runtime.readiness;

import java.time.Duration;

import io.github.drkit.plan.PlanObjectives;
import io.github.drkit.plan.RecoveryPlan;

/**
 * The recovery objectives the stack declared, against which evaluate weighs what it reads.
 *
 * @param rto null when none was declared
 * @param rpo null when none was declared
 */
public record Objectives(Duration rto, Duration rpo) {
    /** No objective declared: findings still say what they imply, nothing is compared. */
    public static Objectives none() {
        return new Objectives(null, null);
    }

    /** The objectives the plan declares ({@code objectives}); {@link #none()} when it declares none. */
    public static Objectives declaredBy(RecoveryPlan plan) {
        PlanObjectives declared = plan.objectives();
        if (declared == null) {
            return none();
        }
        return new Objectives(seconds(declared.rtoSeconds()), seconds(declared.rpoSeconds()));
    }

    /** These objectives with each one {@code override} gives in its place (as {@code --rto}/{@code --rpo} do). */
    public Objectives overriddenBy(Objectives override) {
        return new Objectives(override.rto() != null ? override.rto() : rto, override.rpo() != null ? override.rpo() : rpo);
    }

    private static Duration seconds(Integer seconds) {
        return seconds == null ? null : Duration.ofSeconds(seconds);
    }
}
