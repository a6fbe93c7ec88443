package io.github.drkit.arc;

import io.github.drkit.plan.ByKind;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** The registered {@link StepBlockMapper}s, by step kind, found with {@link ServiceLoader}. */
public final class StepBlockMappers {
    private static final Map<String, StepBlockMapper> BY_KIND = load();

    private StepBlockMappers() {
    }

    private static Map<String, StepBlockMapper> load() {
        return ByKind.load(StepBlockMapper.class, StepBlockMapper::kind, "mappers");
    }

    /**
     * The mapper of a step kind.
     *
     * @throws IllegalArgumentException naming the kind when no mapper is registered for it
     */
    public static StepBlockMapper of(String kind) {
        StepBlockMapper mapper = BY_KIND.get(kind);
        if (mapper == null) {
            throw new IllegalArgumentException("ArcRegionSwitchPlan: step kind '" + kind + "' has no StepBlockMapper; register one in "
                    + "META-INF/services/" + StepBlockMapper.class.getName() + " (kinds with one: " + List.copyOf(BY_KIND.keySet()) + ")");
        }
        return mapper;
    }

    /** Every registered kind. */
    public static List<String> kinds() {
        return List.copyOf(BY_KIND.keySet());
    }
}
