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
    EVALUATE,
    /**
     * Failover of a backup-and-restore plan, from the recovery points the operator chooses: the latest, or the latest
     * taken at or before {@link RecoveryRequest#before()}. Runs the plan's stages like failover.
     */
    RESTORE;

    /** The lower-case name used in events, on the command line and in reports. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for the actions that run the plan's stages forward: failover, and restore (a failover from chosen recovery points). */
    public boolean failsOver() {
        return this == FAILOVER || this == RESTORE;
    }

    /** Parses {@code status}, {@code failover}, {@code failback}, {@code evaluate} or {@code restore}, naming {@code field} when it cannot. */
    public static Action parse(String field, String value) {
        if (value != null) {
            for (Action action : values()) {
                if (action.id().equals(value)) {
                    return action;
                }
            }
        }
        throw new InvalidRequestException(field, "must be one of status, failover, failback, evaluate, restore (got "
                + (value == null ? "nothing" : "'" + value + "'") + ")");
    }
}
