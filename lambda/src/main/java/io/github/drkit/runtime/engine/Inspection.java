package io.github.drkit.runtime.engine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.github.drkit.runtime.aws.AwsClients;

/**
 * What a {@link StepExecutor#inspect} reads with: the run's clients, and the engine's pool, so that the reads of one
 * kind run at once with every other read of the preflight (within the run's deadline and concurrency limit).
 */
public final class Inspection {
    private final StepClients clients;
    private final Parallel parallel;
    private final Instant restorePointBefore;
    private final boolean restoring;

    Inspection(StepClients clients, Parallel parallel, Instant restorePointBefore, boolean restoring) {
        this.clients = clients;
        this.parallel = parallel;
        this.restorePointBefore = restorePointBefore;
        this.restoring = restoring;
    }

    /**
     * True when the run goes forward (failover, restore): a kind that restores must find the recovery point it would use,
     * or refuse. False for status and failback, which need none: before the first backup exists they report "no recovery
     * point yet" instead of refusing to read the state or to move traffic back.
     */
    public boolean restoring() {
        return restoring;
    }

    /**
     * The time the operator asked a restore to go back to ({@link RecoveryRequest#before()}): a kind that restores picks
     * the latest recovery point taken at or before it. Empty: the latest recovery point.
     */
    public Optional<Instant> restorePointBefore() {
        return Optional.ofNullable(restorePointBefore);
    }

    /** The runtime's own clients; a step's reads go through {@link #aws(PlanStep)}. */
    public AwsClients aws() {
        return clients.own();
    }

    /** The clients for the step's reads: its role's session for a step in another account, the runtime's own otherwise. */
    public AwsClients aws(io.github.drkit.plan.PlanStep step) {
        return clients.of(step);
    }

    /** Runs the reads at once and returns their answers in order; the first failure is thrown once all have ended. */
    public <T> List<T> all(List<? extends Callable<T>> reads) {
        return parallel.all(reads);
    }
}
