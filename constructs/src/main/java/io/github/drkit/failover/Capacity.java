package io.github.drkit.failover;

import io.github.drkit.internal.plan.PlanRules;

/**
 * Auto Scaling capacity: minimum, desired and maximum instance counts. A construct-side name for the plan model's
 * {@link io.github.drkit.plan.Capacity}, which holds the rules ({@code 0 <= min <= desired <= max <= 10000}) and
 * travels unchanged to the runtime.
 */
public final class Capacity {
    private final io.github.drkit.plan.Capacity plan;

    private Capacity(io.github.drkit.plan.Capacity plan) {
        this.plan = plan;
    }

    /**
     * @throws IllegalArgumentException unless {@code 0 <= min <= desired <= max <= 10000}
     */
    public static Capacity of(int min, int desired, int max) {
        return new Capacity(PlanRules.check("Capacity", () -> io.github.drkit.plan.Capacity.of(min, desired, max, "")));
    }

    /** The same capacity as the plan model writes it and the runtime reads it. */
    public io.github.drkit.plan.Capacity toPlan() {
        return plan;
    }

    public int min() {
        return plan.min();
    }

    public int desired() {
        return plan.desired();
    }

    public int max() {
        return plan.max();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Capacity other && plan.equals(other.plan);
    }

    @Override
    public int hashCode() {
        return plan.hashCode();
    }

    @Override
    public String toString() {
        return plan.toString();
    }
}
