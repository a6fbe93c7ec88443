package io.github.drkit.runtime.readiness;

import java.util.List;
import java.util.concurrent.Callable;

import io.github.drkit.plan.PlanStep;
import io.github.drkit.plan.RecoveryPlan;
import io.github.drkit.runtime.aws.AwsClients;
import io.github.drkit.runtime.aws.AwsServiceError;
import io.github.drkit.runtime.aws.DeadlineExceededException;
import io.github.drkit.runtime.engine.Parallel;
import io.github.drkit.runtime.engine.StepClients;

/**
 * What a {@link ReadinessCheck} works with: the plan, the clients (each step's: its role's session for a step in another
 * account, as a failover would call), the declared objectives, and a way to read at once.
 */
public final class ReadinessContext {
    private final RecoveryPlan plan;
    private final StepClients clients;
    private final Objectives objectives;
    private final Parallel parallel;

    ReadinessContext(RecoveryPlan plan, StepClients clients, Objectives objectives, Parallel parallel) {
        this.plan = plan;
        this.clients = clients;
        this.objectives = objectives;
        this.parallel = parallel;
    }

    public RecoveryPlan plan() {
        return plan;
    }

    /** The runtime's own clients, for reads that belong to no step; a step's reads go through {@link #aws(PlanStep)}. */
    public AwsClients aws() {
        return clients.own();
    }

    /**
     * The clients a failover would call the step's resources with: its role's session for a step that names an
     * {@code assumeRole}, the runtime's own otherwise. Reading with the runtime's own would look in the wrong account.
     */
    public AwsClients aws(PlanStep step) {
        return clients.of(step);
    }

    /**
     * Which credentials the step's reads are made with, as a key (empty for the runtime's own): steps with equal keys and
     * Regions may share a batched read, others may not, since each account answers for its own resources only.
     */
    public String account(PlanStep step) {
        return clients.account(step);
    }

    public Objectives objectives() {
        return objectives;
    }

    /**
     * Runs independent reads at once and returns their results in order; the calls belong to the caller's log and
     * deadline. Rethrows the first failure after all end.
     */
    public <T> List<T> all(List<? extends Callable<T>> reads) {
        return parallel.all(reads);
    }

    /**
     * The finding for a read that failed: the deadline is rethrown (the evaluation stops and says so), anything else
     * (access denied, an API the endpoint does not serve) becomes an {@link Finding.Category#UNCHECKED} warning naming
     * the call's error, because a check that could not be made is not a pass.
     */
    public static Finding unchecked(String path, String resource, String what, RuntimeException error) {
        return Finding.of(Severity.WARNING, Finding.Category.UNCHECKED, path, resource, what + " could not be checked: " + reason(error),
                "give the function's role the read this check needs, or run evaluate where the API is served");
    }

    /**
     * As {@link #unchecked(String, String, String, RuntimeException)}, for a read made with the step's credentials: the
     * finding names the role the read went through ({@link #role}), which for a step in another account is the workload
     * role, not the function's.
     */
    public Finding unchecked(PlanStep step, String path, String resource, String what, RuntimeException error) {
        return Finding.of(Severity.WARNING, Finding.Category.UNCHECKED, path, resource, what + " could not be checked with "
                + role(step) + ": " + reason(error), "give " + role(step) + " the read this check needs, or run evaluate where the API is served");
    }

    /** The role a step's reads are made with, for a message: its {@code assumeRole}'s ARN, or the function's own role. */
    public String role(PlanStep step) {
        String key = account(step);
        return key.isEmpty() ? "the function's role" : "role " + key.substring(0, key.indexOf('|'));
    }

    /** Why a read failed, for a message; the deadline is rethrown (the evaluation stops and says so). */
    static String reason(RuntimeException error) {
        if (error instanceof DeadlineExceededException deadline) {
            throw deadline;
        }
        return error instanceof AwsServiceError aws ? aws.getMessage() : error.getClass().getSimpleName() + ": " + error.getMessage();
    }
}
