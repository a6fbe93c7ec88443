package io.github.drkit.runtime.aws;

/** The run's {@link Deadline} came before the work did: a call was cut or not sent, a wait stopped. */
public final class DeadlineExceededException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DeadlineExceededException(String message) {
        super(message);
    }
}
