package io.github.drkit.apps.drill;

/** A drill step that could not be carried out; the message says which step, what and why. */
public class DrillException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DrillException(String message) {
        super(message);
    }

    public DrillException(String message, Throwable cause) {
        super(message, cause);
    }
}
