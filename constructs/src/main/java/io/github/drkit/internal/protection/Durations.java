package io.github.drkit.internal.protection;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.TimeConversionOptions;

/** CDK durations as plain numbers for validation; tokens are never inspected. */
public final class Durations {
    private static final TimeConversionOptions FRACTIONAL = TimeConversionOptions.builder().integral(false).build();

    private Durations() {
    }

    /** True when the duration is a token whose value is only known at deploy time. */
    public static boolean unresolved(Duration d) {
        return d != null && Boolean.TRUE.equals(d.isUnresolved());
    }

    /** True when the duration is set and known at synth time. */
    public static boolean known(Duration d) {
        return d != null && !unresolved(d);
    }

    public static double days(Duration d) {
        return d.toDays(FRACTIONAL).doubleValue();
    }

    public static double hours(Duration d) {
        return d.toHours(FRACTIONAL).doubleValue();
    }

    public static double minutes(Duration d) {
        return d.toMinutes(FRACTIONAL).doubleValue();
    }

    public static java.time.Duration toJava(Duration d) {
        return java.time.Duration.ofSeconds(Math.round(d.toSeconds(FRACTIONAL).doubleValue()));
    }

    /**
     * A prop's duration as a {@code java.time.Duration}, for the estimates computed at synth time: it must
     * be known then, so a token is refused with the prop's name.
     */
    public static java.time.Duration requireKnown(String owner, String prop, Duration d) {
        if (d == null) {
            throw new IllegalArgumentException(owner + ": " + prop + " is required");
        }
        if (unresolved(d)) {
            throw new IllegalArgumentException(owner + ": " + prop + " must be known at synth time, not a deploy-time token "
                    + "(got " + d + ")");
        }
        return toJava(d);
    }

    /** {@link #requireKnown} for an optional prop: null when it is not set. */
    public static java.time.Duration knownOrNull(String owner, String prop, Duration d) {
        return d == null ? null : requireKnown(owner, prop, d);
    }

    /** "10 days", "1.5 hours": the value as a person wrote it, for error messages. */
    public static String human(Duration d) {
        return d.toHumanString();
    }
}
