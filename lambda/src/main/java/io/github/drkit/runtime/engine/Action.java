package io.github.drkit.runtime.engine;

import java.util.Locale;

/** What a run does. */
public enum Action {
    /** Read-only: capacity, health and DNS as they are, and the state they add up to. */
    STATUS,
    /** Promote data, start and scale compute, wait for health, move traffic to the recovery Region. */
    FAILOVER,
    /** Move traffic back first, then return recovery fleets to standby capacity. */
    FAILBACK,
    /**
     * Read-only: whether every step of the plan could be carried out now, and what would stop or slow it. Run by
     * {@link io.github.drkit.runtime.readiness.ReadinessEvaluator}, not by {@link RecoveryEngine}.
     */
    EVALUATE;

    /** The lower-case name used in events, on the command line and in reports. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code status}, {@code failover}, {@code failback} or {@code evaluate}, naming {@code field} when it cannot. */
    public static Action parse(String field, String value) {
        if (value != null) {
            for (Action action : values()) {
                if (action.id().equals(value)) {
                    return action;
                }
            }
        }
        throw new InvalidRequestException(field, "must be one of status, failover, failback, evaluate (got "
                + (value == null ? "nothing" : "'" + value + "'") + ")");
    }
}
