package io.github.drkit.runtime.aws.api;

import java.util.Objects;

/**
 * One action on one resource as IAM's policy simulator judged it for a principal.
 *
 * @param action   the action simulated, {@code rds:FailoverDBCluster}
 * @param resource the resource ARN simulated, {@code *} when the call named none
 * @param decision what the principal's policies decide
 */
public record PolicySimulation(String action, String resource, Decision decision) {

    public PolicySimulation {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(decision, "decision");
    }

    /** IAM's {@code EvalDecision}. */
    public enum Decision {
        ALLOWED("allowed"),
        EXPLICIT_DENY("explicitDeny"),
        IMPLICIT_DENY("implicitDeny");

        private final String wireName;

        Decision(String wireName) {
            this.wireName = wireName;
        }

        /** The decision as IAM writes it, {@code implicitDeny}. */
        public String wireName() {
            return wireName;
        }

        /** The decision IAM wrote; fails naming the value for one this runtime does not know. */
        public static Decision fromWire(String value) {
            for (Decision decision : values()) {
                if (decision.wireName.equals(value)) {
                    return decision;
                }
            }
            throw new IllegalStateException("IAM answered EvalDecision '" + value + "'; expected one of allowed, explicitDeny, implicitDeny");
        }
    }
}
