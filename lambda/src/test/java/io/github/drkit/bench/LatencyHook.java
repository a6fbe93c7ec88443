package io.github.drkit.bench;

import java.time.Duration;

import io.github.drkit.runtime.aws.CallHook;

/**
 * Adds a fixed delay to every HTTP attempt, standing in for the network round trip to an AWS endpoint
 * (tens of milliseconds) that a loopback emulator does not have. Blocking, like a real round trip.
 */
final class LatencyHook implements CallHook {
    private final Duration delay;

    LatencyHook(Duration delay) {
        this.delay = delay;
    }

    @Override
    public void beforeAttempt(Attempt attempt) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
