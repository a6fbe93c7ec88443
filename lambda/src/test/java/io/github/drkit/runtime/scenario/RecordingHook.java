package io.github.drkit.runtime.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.github.drkit.runtime.aws.CallHook;

/** Records the name of every operation the runtime calls, so tests can prove nothing was changed. */
public final class RecordingHook implements CallHook {
    private final List<String> operations = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void beforeAttempt(Attempt attempt) {
        if (attempt.number() == 1) {
            operations.add(attempt.operation());
        }
    }

    public List<String> operations() {
        synchronized (operations) {
            return List.copyOf(operations);
        }
    }

    /** Operations that are not Describe*, List* or Get*. */
    public List<String> mutating() {
        return operations().stream()
                .filter(op -> !(op.startsWith("Describe") || op.startsWith("List") || op.startsWith("Get")))
                .toList();
    }

    public long count(String operation) {
        return operations().stream().filter(operation::equals).count();
    }
}
