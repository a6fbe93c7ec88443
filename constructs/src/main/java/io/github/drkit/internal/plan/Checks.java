package io.github.drkit.internal.plan;

import java.time.Duration;
import java.util.Collection;
import software.amazon.awscdk.Token;

/**
 * Validation that names the construct, the prop, the value and the rule, and skips values that are
 * tokens (they are only known at deploy time).
 */
public final class Checks {
    private Checks() {
    }

    public static String required(String owner, String prop, String value) {
        if (value == null || (!Token.isUnresolved(value) && value.isBlank())) {
            throw new IllegalArgumentException(owner + ": " + prop + " is required");
        }
        return value;
    }

    public static <T> T required(String owner, String prop, T value) {
        if (value == null) {
            throw new IllegalArgumentException(owner + ": " + prop + " is required");
        }
        return value;
    }

    public static int range(String owner, String prop, Number value, int min, int max) {
        if (value == null) {
            throw new IllegalArgumentException(owner + ": " + prop + " is required");
        }
        if (Token.isUnresolved(value)) {
            return value.intValue();
        }
        double d = value.doubleValue();
        if (d != Math.rint(d) || d < min || d > max) {
            throw new IllegalArgumentException(owner + ": " + prop + " must be a whole number from " + min + " to " + max
                    + " (got " + value + ")");
        }
        return value.intValue();
    }

    public static Duration nonNegative(String owner, String prop, Duration value) {
        if (value == null) {
            throw new IllegalArgumentException(owner + ": " + prop + " is required");
        }
        if (value.isNegative()) {
            throw new IllegalArgumentException(owner + ": " + prop + " must not be negative (got " + value.toSeconds() + " s)");
        }
        return value;
    }

    public static <C extends Collection<?>> C notEmpty(String owner, String prop, C value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(owner + ": " + prop + " must not be empty");
        }
        return value;
    }

    /** The primary Region, when given, must not be the stack's Region: the stack is the recovery site. */
    public static void primaryRegionDiffers(String owner, String stackRegion, String primaryRegion) {
        if (primaryRegion != null && !isToken(stackRegion) && primaryRegion.equals(stackRegion)) {
            throw new IllegalArgumentException(owner + ": primaryRegion must differ from the stack's Region, which is the recovery Region (got "
                    + primaryRegion + " for both)");
        }
    }

    /** An Aurora DB cluster or global cluster identifier's rule, the part of a cluster ARN after {@code cluster:}. */
    public static final String AURORA_CLUSTER_IDENTIFIER = "[A-Za-z](?!.*--)[A-Za-z0-9-]{0,62}(?<!-)";

    /** An Aurora cluster or global cluster identifier, when given and known at synth, must follow {@link #AURORA_CLUSTER_IDENTIFIER}. */
    public static void auroraClusterIdentifier(String owner, String prop, String value) {
        if (value != null && !isToken(value) && !value.matches(AURORA_CLUSTER_IDENTIFIER)) {
            throw new IllegalArgumentException(owner + ": " + prop + " must be 1-63 letters, digits or hyphens, starting with a letter,"
                    + " not ending with a hyphen and without two in a row (got " + value + ")");
        }
    }

    public static boolean isToken(Object value) {
        return value != null && Token.isUnresolved(value);
    }
}
