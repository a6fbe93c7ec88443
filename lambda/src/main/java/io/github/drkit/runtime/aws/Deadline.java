package io.github.drkit.runtime.aws;

import java.time.Duration;
import java.util.Objects;

/**
 * The moment a run must end by. Every call, retry pause and wait of the run fits inside it: an attempt is cut
 * when the deadline comes, a retry is not started when its pause would pass it, and a wait stops polling.
 * Measured on the monotonic clock, so a wall-clock jump neither extends nor shortens a run.
 */
public final class Deadline {
    private static final Deadline NONE = new Deadline(null, Long.MAX_VALUE);

    private final Duration total;
    private final long atNanos;

    private Deadline(Duration total, long atNanos) {
        this.total = total;
        this.atNanos = atNanos;
    }

    /** A deadline {@code duration} from now. */
    public static Deadline after(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        long nanos = duration.isNegative() ? 0 : duration.toNanos();
        return new Deadline(duration, System.nanoTime() + nanos);
    }

    /** No deadline: calls keep the transport's own attempt timeout and retry count. */
    public static Deadline none() {
        return NONE;
    }

    /** The deadline of the calls made on this thread: the one of the bound {@link CallLog}, else none. */
    public static Deadline current() {
        CallLog log = CallLog.current();
        return log == null ? NONE : log.deadline();
    }

    public boolean isNone() {
        return total == null;
    }

    /** The time left, never negative; a very long duration when there is no deadline. */
    public Duration remaining() {
        if (isNone()) {
            return Duration.ofDays(365);
        }
        return Duration.ofNanos(Math.max(0, atNanos - System.nanoTime()));
    }

    public boolean expired() {
        return !isNone() && System.nanoTime() - atNanos >= 0;
    }

    /** {@code duration}, shortened to the time left. */
    public Duration cap(Duration duration) {
        Duration left = remaining();
        return duration.compareTo(left) > 0 ? left : duration;
    }

    /** The length the deadline was set with, e.g. "300 s"; "none" without one. */
    public String describe() {
        return isNone() ? "none" : total.toSeconds() + " s";
    }

    /** The error for work that the deadline stopped. */
    public DeadlineExceededException exceeded(String what) {
        return new DeadlineExceededException("deadline of " + describe() + " reached " + what);
    }
}
