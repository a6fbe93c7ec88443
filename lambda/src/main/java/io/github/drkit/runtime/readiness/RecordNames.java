package io.github.drkit.runtime.readiness;

import java.util.Locale;

/** Route 53 record names in the two forms the readiness checks compare: as Route 53 answers them, and as its IAM condition key holds them. */
public final class RecordNames {
    private RecordNames() {
    }

    /** Route 53 answers names lower case with a final dot and {@code *} escaped as {@code \052}; plan names are already so. */
    public static String answered(String name) {
        String lower = name.toLowerCase(Locale.ROOT).replace("\\052", "*");
        return lower.endsWith(".") ? lower : lower + ".";
    }

    /** The name {@code route53:ChangeResourceRecordSetsNormalizedRecordNames} holds: lower case, without the final dot. */
    public static String normalized(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
