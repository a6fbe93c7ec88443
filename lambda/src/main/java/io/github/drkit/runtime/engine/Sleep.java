package io.github.drkit.runtime.engine;

import java.time.Duration;

/** Sleeping that turns an interrupt into a failure of the step, keeping the interrupt flag. */
final class Sleep {
    private Sleep() {
    }

    static void of(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }
}
