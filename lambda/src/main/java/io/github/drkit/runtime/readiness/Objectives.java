package io.github.drkit.runtime.readiness;

import java.time.Duration;

/**
 * The recovery objectives the stack declared, against which evaluate weighs what it reads.
 *
 * @param rto null when none was declared
 * @param rpo null when none was declared
 */
public record Objectives(Duration rto, Duration rpo) {
    /** No objective declared: findings still say what they imply, nothing is compared. */
    public static Objectives none() {
        return new Objectives(null, null);
    }
}
