package io.github.drkit.plan;

import java.util.regex.Pattern;

/**
 * What a {@link StepKind} needs from the plan around a step while reading it: the recovery Region (the default
 * Region of a step), and the reader's treatment of deploy-time placeholders and Region codes.
 */
public final class StepContext {
    private final PlanReader reader;
    private final String recoveryRegion;

    StepContext(PlanReader reader, String recoveryRegion) {
        this.reader = reader;
        this.recoveryRegion = recoveryRegion;
    }

    /** The plan's recovery Region; null when a step is checked on its own. */
    public String recoveryRegion() {
        return recoveryRegion;
    }

    /** True for a value known only at deploy time, whose format cannot be checked yet. */
    public boolean isUnresolved(String value) {
        return reader.isUnresolved(value);
    }

    /** The optional Region field {@code name}, checked, or the recovery Region when absent. */
    public String region(Fields fields, String name) {
        return reader.region(fields, name, recoveryRegion);
    }

    /** Checks a Region code found in {@code field}. */
    public String knownRegion(String field, String value) {
        return reader.knownRegion(field, value);
    }

    /** The Region a matched ARN names in its first group. */
    public String arnRegion(Pattern pattern, String arn) {
        return reader.arnRegion(pattern, arn);
    }

    /** A DNS name as Route 53 compares it: lower case, with the final dot. */
    public String normalizeName(String name) {
        return reader.normalizeName(name);
    }

    /** The fields of a nested object, read with the same treatment of placeholders. */
    public Fields fields(Object node, String path) {
        return reader.fields(node, path);
    }
}
