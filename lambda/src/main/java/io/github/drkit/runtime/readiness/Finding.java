package io.github.drkit.runtime.readiness;

import java.util.Objects;

/**
 * One thing evaluate found: how bad it is, what kind of check found it, where in the plan, on which resource, what is
 * wrong and how to fix it.
 *
 * @param path              the plan path of the step (or field) concerned, e.g. {@code stages[1].steps[0]}
 * @param resource          the AWS resource, as the plan or AWS names it
 * @param problem           what is wrong, with the values read
 * @param fix               what to do about it
 * @param impliedRpoSeconds the recovery point objective this finding implies (the data a failover now would lose), when
 *                          it lengthens it; null otherwise
 * @param impliedRtoSeconds the recovery time this finding implies, when it lengthens it; null otherwise
 */
public record Finding(Severity severity, Category category, String path, String resource, String problem, String fix,
                      Long impliedRpoSeconds, Long impliedRtoSeconds) {

    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(problem, "problem");
    }

    /** A finding that implies no objective. */
    public static Finding of(Severity severity, Category category, String path, String resource, String problem, String fix) {
        return new Finding(severity, category, path, resource, problem, fix, null, null);
    }

    /** What kind of check found it. */
    public enum Category {
        /** A resource the plan names does not exist, or is not what the plan expects. */
        EXISTENCE,
        /** Replication behind the recovery point objective, or not replicating. */
        DATA,
        /** The recovery capacity does not fit the recovery Region's quotas. */
        CAPACITY,
        /** The function's role cannot make a call a step makes. */
        PERMISSION,
        /** A check that could not be made (an answer refused, the deadline reached, an emulator without the API). */
        UNCHECKED
    }
}
