package io.github.drkit.plan;

/**
 * A recovery plan the runtime will not act on: malformed JSON, a wrong version, a missing or invalid field,
 * or a resource that does not exist. The message starts with the field path, e.g.
 * {@code "fleets[0].recovery.min: must be at most recovery.desired (got 5, desired 4)"}.
 */
public final class PlanValidationException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public PlanValidationException(String field, String message) {
        super(field, message);
    }
}
