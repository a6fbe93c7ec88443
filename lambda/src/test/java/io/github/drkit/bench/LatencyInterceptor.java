package io.github.drkit.bench;

import java.time.Duration;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Adds a fixed delay to every HTTP attempt, standing in for the network round trip to an AWS endpoint
 * (tens of milliseconds) that a loopback emulator does not have. Blocking, like a real round trip.
 */
final class LatencyInterceptor implements ExecutionInterceptor {
    private final Duration delay;

    LatencyInterceptor(Duration delay) {
        this.delay = delay;
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
