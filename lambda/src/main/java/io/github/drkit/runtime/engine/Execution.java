package io.github.drkit.runtime.engine;

import java.time.Duration;
import java.util.function.Supplier;

import io.github.drkit.plan.PlanStep;
import io.github.drkit.plan.RecoveryPlan;
import io.github.drkit.runtime.aws.AwsClients;
import io.github.drkit.runtime.aws.Deadline;

/**
 * What an executor works with during one run: the plan, the state read before the run, whether the run was forced,
 * the run's clients, a wait that keeps to the run's deadline, and the engine's per-resource step builders for the
 * kinds of the first plan version (which share its inspector and its timeouts).
 */
public final class Execution {
    final RecoveryPlan plan;
    final LiveState live;
    final boolean force;
    final DatabaseSteps databases;
    final ComputeSteps compute;
    final DnsSteps dns;
    final HealthGate health;
    private final StepClients clients;
    private final Progress progress;
    private final Duration pollInterval;
    private String runId;
    private String approve;
    private Action action = Action.FAILOVER;

    Execution(RecoveryPlan plan, LiveState live, boolean force, StepClients clients, Progress progress, Duration pollInterval,
              DatabaseSteps databases, ComputeSteps compute, DnsSteps dns, HealthGate health) {
        this.plan = plan;
        this.live = live;
        this.force = force;
        this.clients = clients;
        this.progress = progress;
        this.pollInterval = pollInterval;
        this.databases = databases;
        this.compute = compute;
        this.dns = dns;
        this.health = health;
    }

    public RecoveryPlan plan() {
        return plan;
    }

    /** The run's id: the request's, so that a resumed recovery keeps it, or one made for this run. */
    public String runId() {
        return runId;
    }

    /** The run's action: failover, restore (a failover from chosen recovery points) or failback. */
    public Action action() {
        return action;
    }

    /** The stage the request approved; null when it approved none. */
    public String approve() {
        return approve;
    }

    Execution request(String runId, String approve, Action action) {
        this.runId = runId;
        this.approve = approve;
        this.action = action;
        return this;
    }

    /** True when the operator forced the run past a guardrail (e.g. failback while the primary is unhealthy). */
    public boolean force() {
        return force;
    }

    /** The runtime's own clients; a step's calls go through {@link #aws(PlanStep)}. */
    public AwsClients aws() {
        return clients.own();
    }

    /**
     * The clients for the step's calls: a session of the role the step names ({@code assumeRole}) for a step in another
     * account, whose calls the report shows with that account; the runtime's own clients otherwise.
     */
    public AwsClients aws(PlanStep step) {
        return clients.of(step);
    }

    /**
     * The state the step's executor read for it before the run ({@link StepExecutor#inspect}), as the type it chose.
     *
     * @throws IllegalStateException when the executor read nothing for the step, or read another type
     */
    public <S> S state(PlanStep step, Class<S> type) {
        StepLive read = live.steps().get(step.path());
        if (read == null || !type.isInstance(read.state())) {
            throw new IllegalStateException("no " + type.getSimpleName() + " was read for " + step.path() + " (" + step.kind() + ")");
        }
        return type.cast(read.state());
    }

    /**
     * Waits until {@code pending} answers null (nothing left to wait for), polling at the engine's interval and saying
     * before each pause what it still waits for, for at most {@code timeout} and never past the run's deadline.
     *
     * @param step    the step that waits, as the progress lines name it
     * @param pending what is still awaited, in words ("service web: 2 of 4 tasks running"); null when done
     * @return null when done; otherwise what was still awaited when the time ran out
     */
    public String await(String step, Duration timeout, Supplier<String> pending) {
        Deadline run = Deadline.current();
        long end = System.nanoTime() + run.cap(timeout).toNanos();
        while (true) {
            String waitingFor = pending.get();
            if (waitingFor == null) {
                return null;
            }
            long left = end - System.nanoTime();
            if (left <= 0 || run.expired()) {
                return waitingFor;
            }
            progress.event(new Progress.Event(Progress.Kind.WAIT, step, "waiting for " + waitingFor + ", "
                    + Duration.ofNanos(left).toSeconds() + " s left", run.remaining().toSeconds()));
            Sleep.of(run.cap(pollInterval.compareTo(Duration.ofNanos(left)) < 0 ? pollInterval : Duration.ofNanos(left)));
        }
    }
}
