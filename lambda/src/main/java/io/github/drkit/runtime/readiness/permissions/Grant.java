package io.github.drkit.runtime.readiness.permissions;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.github.drkit.runtime.aws.api.SimulationContext;

/**
 * What the failover role grants a step on one scope: the statements' resources to simulate, nothing (the step makes no
 * call of the scope), or the reason the resource is known only at run time.
 *
 * @param targets   the resources and condition values to simulate; empty for {@link #none()} and {@link #atRunTime}
 * @param atRunTime why the scope's resource cannot be named before the step runs; null when it can
 */
public record Grant(List<Target> targets, String atRunTime) {
    public Grant {
        targets = List.copyOf(targets);
    }

    /**
     * Resources one statement names, with the condition values the runtime's call carries, for some or all of the
     * scope's actions.
     *
     * @param onlyActions the scope's actions the statement grants on these resources; empty for all of them
     */
    public record Target(List<String> resources, List<SimulationContext> context, Set<String> onlyActions) {
        public Target {
            resources = List.copyOf(resources);
            context = List.copyOf(context);
            onlyActions = Set.copyOf(onlyActions);
        }

        /** Every action of the scope on the resources, with these condition values. */
        public static Target of(List<String> resources, SimulationContext... context) {
            return new Target(resources, List.of(context), Set.of());
        }
    }

    /** Every action of the scope on these resources, without condition values. */
    public static Grant on(String... resources) {
        return on(List.of(resources));
    }

    /** Every action of the scope on these resources, without condition values. */
    public static Grant on(List<String> resources) {
        return new Grant(List.of(Target.of(resources)), null);
    }

    /** The scope's actions as several statements grant them, e.g. one with a condition and one without. */
    public static Grant of(Target... targets) {
        return new Grant(List.of(targets), null);
    }

    /** The step makes no call of this scope. */
    public static Grant none() {
        return new Grant(List.of(), null);
    }

    /** The scope's resource is known only when the step runs: not simulated, reported as not checked with the reason. */
    public static Grant atRunTime(String why) {
        return new Grant(List.of(), Objects.requireNonNull(why, "why"));
    }
}
