package io.github.drkit.lambda;

import java.time.Duration;
import java.util.Map;

import io.github.drkit.runtime.engine.InvalidRequestException;
import io.github.drkit.runtime.readiness.Objectives;

/**
 * The function's environment for {@code evaluate}: the declared objectives ({@value #RTO}, {@value #RPO}, whole seconds)
 * and the readiness metric's namespace ({@value #NAMESPACE}), which the failover construct sets.
 */
record EnvironmentObjectives(Objectives objectives) {
    static final String RTO = "DRKIT_RTO_SECONDS";
    static final String RPO = "DRKIT_RPO_SECONDS";
    static final String NAMESPACE = "DRKIT_READINESS_NAMESPACE";

    static EnvironmentObjectives read(Map<String, String> env) {
        return new EnvironmentObjectives(new Objectives(seconds(env, RTO), seconds(env, RPO)));
    }

    /** A whole number of seconds, at least 1; null when unset. */
    static Duration seconds(String field, String value) {
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
        throw new InvalidRequestException(field, "must be a whole number of seconds, at least 1 (got '"
                + io.github.drkit.runtime.engine.Cut.value(value) + "')");
    }

    private static Duration seconds(Map<String, String> env, String name) {
        return seconds(name, env.get(name));
    }
}
