package io.github.drkit.runtime.scenario;

import java.util.concurrent.atomic.AtomicInteger;

import io.github.drkit.runtime.aws.AwsServiceError;
import io.github.drkit.runtime.aws.CallHook;

/**
 * Answers one operation with an error for its first {@code times} attempts: how a test sees the runtime meet
 * throttling and 5xx answers. Throttling is answered before the request is sent (a throttled request is not
 * acted on); a 500 replaces the answer after the emulator acted on the request, as when a proxy loses the
 * answer. The runtime's own retry logic handles both.
 */
public final class FaultInjector implements CallHook {
    private final String operation;
    private final int times;
    private final boolean beforeSending;
    private final int status;
    private final String code;
    private final String message;
    private final AtomicInteger injected = new AtomicInteger();

    private FaultInjector(String operation, int times, boolean beforeSending, int status, String code, String message) {
        this.operation = operation;
        this.times = times;
        this.beforeSending = beforeSending;
        this.status = status;
        this.code = code;
        this.message = message;
    }

    /** A throttling answer ({@code 400 Throttling}). */
    public static FaultInjector throttling(String operation, int times) {
        return new FaultInjector(operation, times, true, 400, "Throttling", "Rate exceeded");
    }

    /** A {@code 500 InternalFailure} answer, after the request was acted on. */
    public static FaultInjector serverError(String operation, int times) {
        return new FaultInjector(operation, times, false, 500, "InternalFailure", "We encountered an internal error");
    }

    public int injected() {
        return injected.get();
    }

    @Override
    public void beforeAttempt(Attempt attempt) {
        if (beforeSending) {
            inject(attempt);
        }
    }

    @Override
    public void afterAttempt(Attempt attempt) {
        if (!beforeSending) {
            inject(attempt);
        }
    }

    private void inject(Attempt attempt) {
        if (operation.equals(attempt.operation()) && injected.getAndUpdate(n -> n < times ? n + 1 : n) < times) {
            throw new AwsServiceError(attempt.service(), attempt.operation(), status, code, message, "drkit-test");
        }
    }
}
