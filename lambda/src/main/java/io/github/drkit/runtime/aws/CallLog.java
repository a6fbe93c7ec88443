package io.github.drkit.runtime.aws;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The AWS calls made on behalf of one step. {@link AwsTransport} appends to the log bound to the calling
 * thread; calls run on the caller's thread, so concurrent steps keep separate logs.
 */
public final class CallLog {
    private static final ThreadLocal<CallLog> CURRENT = new ThreadLocal<>();

    private final List<AwsCall> calls = Collections.synchronizedList(new ArrayList<>());

    /** Runs {@code work} with this log bound to the current thread, restoring the previous binding after. */
    public <T> T bind(java.util.function.Supplier<T> work) {
        CallLog previous = CURRENT.get();
        CURRENT.set(this);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /** The log bound to the current thread; null when none is. */
    public static CallLog current() {
        return CURRENT.get();
    }

    void add(AwsCall call) {
        calls.add(call);
    }

    /** A snapshot of the calls recorded so far, in order. */
    public List<AwsCall> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }
}
