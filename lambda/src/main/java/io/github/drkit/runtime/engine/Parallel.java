package io.github.drkit.runtime.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.drkit.runtime.aws.CallLog;

/**
 * Runs independent calls at once. SDK sync clients block their thread, so concurrency is threads: a pool
 * that grows to {@code maxThreads} and runs a task on the caller's thread beyond that (never queues
 * without bound, never rejects).
 */
public final class Parallel implements AutoCloseable {
    private final ExecutorService pool;

    public Parallel(int maxThreads) {
        AtomicInteger count = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(0, maxThreads, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
            Thread thread = new Thread(task, "drkit-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }, new ThreadPoolExecutor.CallerRunsPolicy());
    }

    /** Runs every task concurrently and returns their results in order; rethrows the first failure after all end. */
    public <T> List<T> all(List<? extends Callable<T>> tasks) {
        if (tasks.size() == 1) {
            List<T> single = new ArrayList<>();
            single.add(call(tasks.get(0)));
            return single;
        }
        // Calls made by the tasks belong to the caller's step.
        CallLog log = CallLog.current();
        List<CompletableFuture<T>> futures = new ArrayList<>();
        for (Callable<T> task : tasks) {
            futures.add(CompletableFuture.supplyAsync(() -> log == null ? call(task) : log.bind(() -> call(task)), pool));
        }
        RuntimeException first = null;
        List<T> results = new ArrayList<>();
        for (CompletableFuture<T> future : futures) {
            try {
                results.add(future.join());
            } catch (CompletionException e) {
                if (first == null) {
                    first = e.getCause() instanceof RuntimeException runtime ? runtime : e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
        return results;
    }

    private static <T> T call(Callable<T> task) {
        try {
            return task.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
