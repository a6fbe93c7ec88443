package io.github.drkit.runtime.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/** Records the name of every operation the runtime's clients attempt, so tests can prove nothing was changed. */
public final class RecordingInterceptor implements ExecutionInterceptor {
    private final List<String> operations = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        operations.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
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
