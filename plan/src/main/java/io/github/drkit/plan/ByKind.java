package io.github.drkit.plan;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * The one way a per-kind extension is found: every implementation of a service on the class path
 * ({@link ServiceLoader}, its {@code META-INF/services} file), by the step kind it names, two for one kind refused.
 * The plan's {@link StepKind}s, the runtime's executors, readiness checks and permission scopes and the constructs'
 * ARC block mappers are all registered this way.
 */
public final class ByKind {
    private ByKind() {
    }

    /**
     * @param service the extension's interface
     * @param kind    the step kind an implementation names
     * @param what    what the implementations are, in the plural, for the error (e.g. "executors")
     * @return the implementations by kind, in the order found, unmodifiable
     * @throws IllegalStateException naming the kind and both classes when two implementations name one kind
     */
    // ServiceLoader yields the raw service type; S is that type with its wildcards (StepExecutor<?> for StepExecutor).
    @SuppressWarnings("unchecked")
    public static <S> Map<String, S> load(Class<? super S> service, Function<? super S, String> kind, String what) {
        Map<String, S> found = new LinkedHashMap<>();
        for (Object loaded : ServiceLoader.load(service, service.getClassLoader())) {
            S implementation = (S) loaded;
            S previous = found.putIfAbsent(kind.apply(implementation), implementation);
            if (previous != null) {
                throw new IllegalStateException("two " + what + " for step kind " + kind.apply(implementation) + ": "
                        + previous.getClass().getName() + " and " + implementation.getClass().getName());
            }
        }
        return Collections.unmodifiableMap(found);
    }
}
