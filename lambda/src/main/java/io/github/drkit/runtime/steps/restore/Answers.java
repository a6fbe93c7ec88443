package io.github.drkit.runtime.steps.restore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.github.drkit.runtime.readiness.ReadinessContext;

/**
 * What a readiness check's batched reads answered, by key: each read's value or the error it failed with. One read that
 * fails spoils only the steps that share it, so the others still get their findings.
 *
 * @param value the read's answer; null when it failed
 * @param error why it failed; null when it answered
 */
record Answers<T>(T value, RuntimeException error) {

    /** Runs the reads at once (one per key) and keeps every answer, failed ones included. */
    static <K, T> Map<K, Answers<T>> read(ReadinessContext context, Map<K, Callable<T>> reads) {
        List<K> keys = List.copyOf(reads.keySet());
        List<Callable<Answers<T>>> calls = keys.stream().map(key -> (Callable<Answers<T>>) () -> {
            try {
                return new Answers<>(reads.get(key).call(), null);
            } catch (RuntimeException e) {
                return new Answers<>(null, e);
            } catch (Exception e) {
                return new Answers<>(null, new IllegalStateException(e.getMessage(), e));
            }
        }).toList();
        List<Answers<T>> answers = context.all(calls);
        Map<K, Answers<T>> byKey = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            byKey.put(keys.get(i), answers.get(i));
        }
        return byKey;
    }
}
