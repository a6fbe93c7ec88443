package io.github.drkit.apps.drill;

import java.time.Duration;

/** Sleeping in a bounded poll loop; an interrupt ends the drill rather than being swallowed. */
final class Sleep {
    private Sleep() {
    }

    static void quietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("DrillCommand: interrupted", e);
        }
    }
}
