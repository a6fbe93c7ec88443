package io.github.drkit.runtime.archive;

/**
 * A request the archive catalog cannot serve. The message names the field, the value and the rule, so that
 * the operator can correct the request without reading code; {@link #reason()} lets adapters map it to an
 * exit code or an error type.
 */
public final class ArchiveException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the request failed. */
    public enum Reason {
        /** A field of the request is malformed or out of its range. */
        INVALID_REQUEST,
        /** The key (or version) is not in the catalog or no longer in the bucket. */
        NOT_FOUND,
        /** The object is in a state that forbids the request, such as a restore already running. */
        CONFLICT,
        /** The object is archived and has no readable restored copy yet. */
        NOT_READABLE
    }

    private final Reason reason;

    public ArchiveException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public ArchiveException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    static ArchiveException invalid(String message) {
        return new ArchiveException(Reason.INVALID_REQUEST, message);
    }
}
