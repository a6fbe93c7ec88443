package io.github.drkit.runtime.aws;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The AWS calls made on behalf of one step. {@link AwsTransport} appends to the log bound to the calling
 * thread; calls run on the caller's thread, so concurrent steps keep separate logs. The log also carries the
 * run's {@link Deadline}, so every call a step makes, on whatever thread it is bound to, fits inside it.
 */
public final class CallLog {
    private static final ThreadLocal<CallLog> CURRENT = new ThreadLocal<>();

    private final List<AwsCall> calls;
    private final Deadline deadline;

    /** A log whose calls have no deadline beyond the transport's own attempt timeout and retry count. */
    public CallLog() {
        this(Deadline.none());
    }

    /** A log whose calls, made on any thread it is bound to, all end by {@code deadline}. */
    public CallLog(Deadline deadline) {
        this(Collections.synchronizedList(new ArrayList<>()), deadline);
    }

    private CallLog(List<AwsCall> calls, Deadline deadline) {
        this.calls = calls;
        this.deadline = java.util.Objects.requireNonNull(deadline, "deadline");
    }

    /**
     * A log that records into this one and whose calls end within {@code limit} from now, or by this log's deadline when
     * that is sooner: one step's own timeout inside the run's deadline.
     */
    public CallLog within(java.time.Duration limit) {
        return deadline.remaining().compareTo(limit) <= 0 ? this : new CallLog(calls, Deadline.after(limit));
    }

    /** The deadline of the calls made under this log. */
    public Deadline deadline() {
        return deadline;
    }

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
