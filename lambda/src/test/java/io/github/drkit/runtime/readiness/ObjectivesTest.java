package io.github.drkit.runtime.readiness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.drkit.plan.DatabasePlan;
import io.github.drkit.plan.PlanObjectives;
import io.github.drkit.plan.RecoveryPlan;
import io.github.drkit.plan.Strategy;

/** The objectives evaluate weighs findings against: the plan's, each replaceable by the command line's. */
class ObjectivesTest {

    private static RecoveryPlan plan(PlanObjectives objectives) {
        return new RecoveryPlan(RecoveryPlan.CURRENT_VERSION, "shop", Strategy.PILOT_LIGHT, "us-east-1", "us-west-2",
                List.of(new DatabasePlan("us-west-2", "orders")), List.of(), List.of(), List.of(), List.of(), 600, null)
                .withObjectives(objectives);
    }

    @Test
    void declaredBy_whenPlanDeclaresBoth_readsThemAsDurations() {
        assertEquals(new Objectives(Duration.ofMinutes(15), Duration.ofMinutes(5)), Objectives.declaredBy(plan(new PlanObjectives(900, 300))));
    }

    @Test
    void declaredBy_whenPlanDeclaresOnlyRpo_leavesRtoUndeclared() {
        assertEquals(new Objectives(null, Duration.ofSeconds(60)), Objectives.declaredBy(plan(new PlanObjectives(null, 60))));
    }

    @Test
    void declaredBy_whenPlanDeclaresNone_isNone() {
        assertEquals(Objectives.none(), Objectives.declaredBy(plan(null)));
    }

    @Test
    void overriddenBy_whenOneGiven_replacesThatOneOnly() {
        Objectives declared = new Objectives(Duration.ofMinutes(15), Duration.ofMinutes(5));

        assertEquals(new Objectives(Duration.ofMinutes(15), Duration.ofSeconds(30)), declared.overriddenBy(new Objectives(null, Duration.ofSeconds(30))));
        assertEquals(declared, declared.overriddenBy(Objectives.none()));
    }
}
