package io.github.drkit.objectives;

import java.time.Duration;
import java.util.Objects;

/**
 * One named part of an RTO or RPO estimate, with the figure it rests on, so that a person can
 * check it: "failure detection: 30 s x 3 = 90 s (Route 53 health check interval x threshold)".
 */
public final class EstimateTerm {
    private final String name;
    private final Duration duration;
    private final String basis;
    private final String prop;

    private EstimateTerm(String name, Duration duration, String basis, String prop) {
        this.name = Objects.requireNonNull(name, "name");
        this.duration = Objects.requireNonNull(duration, "duration");
        this.basis = Objects.requireNonNull(basis, "basis");
        this.prop = prop;
        if (duration.isNegative()) {
            throw new IllegalArgumentException("EstimateTerm: duration of '" + name + "' must not be negative (got " + duration + ")");
        }
    }

    /**
     * @param name     what the term measures, e.g. "failure detection"
     * @param duration its worst-case length
     * @param basis    where the figure comes from, e.g. "health check 30 s x threshold 3"
     * @param prop     the construct prop a user changes to shorten it, e.g. "PilotLightCore.healthCheckInterval";
     *                 null when no prop governs it
     */
    /** A term from a prop's CDK duration, which must be known at synth time. */
    public static EstimateTerm of(String name, software.amazon.awscdk.Duration duration, String basis, String prop) {
        return of(name, io.github.drkit.internal.protection.Durations.requireKnown("EstimateTerm", name, duration), basis, prop);
    }

    public static EstimateTerm of(String name, Duration duration, String basis, String prop) {
        return new EstimateTerm(name, duration, basis, prop);
    }

    public String name() {
        return name;
    }

    public Duration duration() {
        return duration;
    }

    public String basis() {
        return basis;
    }

    /** The prop that governs this term, or null. */
    public String prop() {
        return prop;
    }

    @Override
    public String toString() {
        return name + " " + duration + " (" + basis + (prop == null ? "" : "; change " + prop) + ")";
    }
}
