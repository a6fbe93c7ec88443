package io.github.drkit.internal.plan;

import io.github.drkit.plan.PlanReader;
import io.github.drkit.plan.PlanValidationException;
import java.util.function.Supplier;

/**
 * The plan model's rules as the constructs apply them: through drkit-plan's reader, with CDK tokens treated as
 * values known only at deploy time, and a failed rule reported as the construct's own validation error.
 */
public final class PlanRules {
    private static final PlanReader READER = PlanReader.builder().unresolved(Checks::isToken).build();

    private PlanRules() {
    }

    /** The reader the constructs check plans with: the runtime's, except that tokens pass the format checks. */
    public static PlanReader reader() {
        return READER;
    }

    /**
     * Runs a check of the plan model and reports a refusal as {@code "<owner>: <field>: <rule> (got <value>)"}.
     *
     * @throws IllegalArgumentException when the model refuses the value
     */
    public static <T> T check(String owner, Supplier<T> check) {
        try {
            return check.get();
        } catch (PlanValidationException e) {
            throw new IllegalArgumentException(owner + ": " + e.getMessage(), e);
        }
    }

    /** Like {@link #check(String, Supplier)}, for a rule that returns nothing. */
    public static void require(String owner, Runnable rule) {
        check(owner, () -> {
            rule.run();
            return null;
        });
    }
}
