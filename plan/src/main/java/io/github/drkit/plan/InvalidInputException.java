package io.github.drkit.plan;

/**
 * Input the runtime refuses before it makes any mutating call: a malformed or wrong-version plan, a plan
 * that names a resource that does not exist, an unknown action. The message names the field, the value and
 * the rule; {@link #field()} gives the field alone, for callers that map it to a form or an exit code.
 */
public class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String field;

    protected InvalidInputException(String field, String message) {
        super(field == null || field.isEmpty() ? message : field + ": " + message);
        this.field = field == null ? "" : field;
    }

    /** The path of the offending field, e.g. {@code fleets[0].recovery.min}; empty for the document itself. */
    public String field() {
        return field;
    }
}
