package io.github.drkit.lambda;

import java.time.Duration;

import io.github.drkit.runtime.engine.Cut;
import io.github.drkit.runtime.engine.InvalidRequestException;

/** An objective given on the command line ({@code --rto}, {@code --rpo}): whole seconds, at least 1. */
final class ObjectiveSeconds {
    private ObjectiveSeconds() {
    }

    /** A whole number of seconds, at least 1; null when blank. */
    static Duration parse(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long seconds = Long.parseLong(value.trim());
            if (seconds >= 1) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException notANumber) {
            // Refused below with the value.
        }
        throw new InvalidRequestException(field, "must be a whole number of seconds, at least 1 (got '" + Cut.value(value) + "')");
    }
}
