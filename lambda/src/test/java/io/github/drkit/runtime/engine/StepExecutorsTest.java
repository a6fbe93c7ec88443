package io.github.drkit.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.github.drkit.plan.StepKind;
import io.github.drkit.plan.StepKinds;

/** Every step kind the plan module registers has exactly one executor here, for the same model type. */
class StepExecutorsTest {

    @Test
    @SuppressWarnings("rawtypes")
    void executors_whenComparedWithTheStepKinds_coverEachKindOnceForItsType() {
        Map<String, Class<?>> executors = new TreeMap<>();
        for (StepExecutor executor : ServiceLoader.load(StepExecutor.class)) {
            assertEquals(null, executors.put(executor.kind(), executor.type()), "two executors for " + executor.kind());
        }
        Map<String, Class<?>> kinds = new TreeMap<>();
        for (StepKind<?> kind : StepKinds.all()) {
            kinds.put(kind.name(), kind.type());
        }

        assertEquals(kinds, executors);
    }
}
