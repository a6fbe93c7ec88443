package io.github.drkit.apps.drill;

import java.util.List;
import java.util.Map;

/**
 * A stack as the emulator created it.
 *
 * @param physicalIds    logical id to physical id, for every resource the emulator created
 * @param notRepresented resources of the template the emulator skipped, as {@code LogicalId (Type)}
 * @param adaptations    what the drill changed in the template so that the emulator accepts it, and why
 */
public record DeployedStack(AssemblyStack stack, Map<String, String> physicalIds, List<String> notRepresented,
                            List<String> adaptations) {
    public DeployedStack {
        physicalIds = Map.copyOf(physicalIds);
        notRepresented = List.copyOf(notRepresented);
        adaptations = List.copyOf(adaptations);
    }

    /** Physical ids of the template's resources of one type, e.g. {@code AWS::AutoScaling::AutoScalingGroup}. */
    public List<String> physicalIdsOfType(String type) {
        return stack.resources().properties().stream()
                .filter(e -> type.equals(e.getValue().path("Type").asText()))
                .map(e -> physicalIds.get(e.getKey()))
                .filter(java.util.Objects::nonNull)
                .sorted()
                .toList();
    }
}
