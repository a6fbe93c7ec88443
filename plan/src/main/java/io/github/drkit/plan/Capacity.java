package io.github.drkit.plan;

/**
 * Auto Scaling group capacity: minimum, desired and maximum instance counts, each from 0 to {@link #LIMIT},
 * with {@code min <= desired <= max}. The one capacity type of drkit: the constructs build it from their
 * props, the plan carries it, and the runtime sends it to {@code UpdateAutoScalingGroup}.
 *
 * <p>{@link #of(int, int, int, String)} applies the plan's rules; the canonical constructor does not, because the
 * runtime also describes a live group's capacity with it, whatever AWS reports.
 */
public record Capacity(int min, int desired, int max) {
    /** The largest count a plan accepts for min, desired or max. */
    public static final int LIMIT = 10_000;

    /**
     * Checks the counts and names the offending one under {@code path}.
     *
     * @param path where the capacity sits, e.g. {@code fleets[0].recovery}; empty for a capacity on its own
     * @throws PlanValidationException naming the offending count, its value and the rule
     */
    public static Capacity of(int min, int desired, int max, String path) {
        range(min, "min", path);
        range(desired, "desired", path);
        range(max, "max", path);
        if (min > desired) {
            throw new PlanValidationException(child(path, "min"), "must be at most desired (got " + min + ", desired " + desired + ")");
        }
        if (desired > max) {
            throw new PlanValidationException(child(path, "desired"), "must be at most max (got " + desired + ", max " + max + ")");
        }
        return new Capacity(min, desired, max);
    }

    /** The larger of each count: what failover sets so that it never shrinks a fleet someone already scaled out. */
    public Capacity atLeast(Capacity other) {
        return new Capacity(Math.max(min, other.min), Math.max(desired, other.desired), Math.max(max, other.max));
    }

    private static void range(int value, String name, String path) {
        if (value < 0 || value > LIMIT) {
            throw new PlanValidationException(child(path, name), "must be between 0 and " + LIMIT + " (got " + value + ")");
        }
    }

    static String child(String path, String name) {
        return path == null || path.isEmpty() ? name : path + "." + name;
    }

    @Override
    public String toString() {
        return "min " + min + ", desired " + desired + ", max " + max;
    }
}
