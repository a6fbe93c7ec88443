package io.github.drkit.runtime.engine;

import io.github.drkit.plan.InvalidInputException;

/** A request the runtime refuses before any mutating call: an unknown action, a mistyped option. */
public final class InvalidRequestException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public InvalidRequestException(String field, String message) {
        super(field, message);
    }
}
