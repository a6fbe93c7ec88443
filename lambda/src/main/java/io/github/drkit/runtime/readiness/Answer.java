package io.github.drkit.runtime.readiness;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * What one of a readiness check's batched reads answered: its value or the error it failed with. One read that fails
 * spoils only the steps that share it, so the others still get their findings.
 *
 * @param value the read's answer; null when it failed
 * @param error why it failed; null when it answered
 */
public record Answer<T>(T value, RuntimeException error) {

    /** Runs the reads at once (one per key, within the context's deadline) and keeps every answer, failed ones included. */
    public static <K, T> Map<K, Answer<T>> readAll(ReadinessContext context, Map<K, Callable<T>> reads) {
        List<K> keys = List.copyOf(reads.keySet());
        List<Callable<Answer<T>>> calls = keys.stream().map(key -> (Callable<Answer<T>>) () -> {
            try {
                return new Answer<>(reads.get(key).call(), null);
            } catch (RuntimeException e) {
                return new Answer<>(null, e);
            } catch (Exception e) {
                return new Answer<>(null, new IllegalStateException(e.getMessage(), e));
            }
        }).toList();
        List<Answer<T>> answers = context.all(calls);
        Map<K, Answer<T>> byKey = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            byKey.put(keys.get(i), answers.get(i));
        }
        return byKey;
    }
}
