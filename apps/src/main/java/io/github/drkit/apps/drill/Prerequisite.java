package io.github.drkit.apps.drill;

import java.util.Map;

/**
 * What an app expects to exist before its stacks deploy, e.g. the public hosted zone it imports by id. The
 * drill creates it in the emulator before the synth and passes what the app needs to find it as CDK context.
 */
@FunctionalInterface
public interface Prerequisite {
    /**
     * Creates what the app imports, in the emulator.
     *
     * @return CDK context values for the synth, e.g. {@code hostedZoneId}
     */
    Map<String, Object> prepare(DrillClients clients);
}
