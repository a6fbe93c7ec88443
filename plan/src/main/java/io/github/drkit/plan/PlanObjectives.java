package io.github.drkit.plan;

/**
 * The recovery time and recovery point objectives the application declares: what {@code evaluate} compares the
 * recovery time and data loss each finding implies against. Either may be absent (null): a finding then cannot
 * be compared with it.
 *
 * @param rtoSeconds the longest the application may be down, in seconds; null when not declared
 * @param rpoSeconds the most recent data the application may lose, in seconds; null when not declared
 */
public record PlanObjectives(Integer rtoSeconds, Integer rpoSeconds) {

    /** The largest objective a plan may declare: one year, far beyond any recovery a plan can carry out. */
    public static final int MAX_SECONDS = 31_536_000;

    public PlanObjectives {
        check("objectives.rtoSeconds", rtoSeconds);
        check("objectives.rpoSeconds", rpoSeconds);
        if (rtoSeconds == null && rpoSeconds == null) {
            throw new PlanValidationException("objectives", "must declare rtoSeconds, rpoSeconds or both (got an empty object)");
        }
    }

    private static void check(String path, Integer seconds) {
        if (seconds != null && (seconds < 1 || seconds > MAX_SECONDS)) {
            throw new PlanValidationException(path, "must be between 1 and " + MAX_SECONDS + " (got " + seconds + ")");
        }
    }
}
