package io.github.drkit.runtime.engine;

import java.util.List;

/**
 * What a run did: each step with its start, end, outcome and calls, the state before and after, what was
 * not done, and what is left for a person. The handler returns it, the CLI prints it, SNS gets it.
 *
 * @param runId      the recovery this run belongs to: the request's ({@link RecoveryRequest#runId()}), so that a run that
 *                   continues after an approval carries the id of the run that stopped for it, or a new one; the audit
 *                   trail keys the report by it
 * @param stateAfter null for status and dry runs (nothing changed) and when the run failed before reading it
 * @param notDone    the steps that did not run because the run stopped, in plain words
 */
public record Report(String action, String runId, String application, String strategy, String recoveryRegion, boolean dryRun,
                     boolean force, RunOutcome outcome, String message, String startedAt, String endedAt,
                     long millis, StateReport stateBefore, StateReport stateAfter, List<StepReport> steps,
                     List<String> notDone, List<String> leftForOperator) {

    public Report {
        java.util.Objects.requireNonNull(runId, "runId");
        steps = List.copyOf(steps);
        notDone = List.copyOf(notDone);
        leftForOperator = List.copyOf(leftForOperator);
    }

    /** How a run ended. */
    public enum RunOutcome {
        /** Every step done (or nothing needed); status always ends so. */
        SUCCEEDED,
        /** Nothing to change: already failed over, or already failed back. */
        ALREADY_DONE,
        /** Dry run: the steps list the exact changes, none made. */
        DRY_RUN,
        /** A step failed or a gate stopped the run; {@code notDone} says what was not done. */
        FAILED,
        /**
         * Failover stopped before a stage that waits for a person's approval; the message names the stage and how to
         * approve it, {@code notDone} lists what waits. Running again with the approval continues.
         */
        WAITING_FOR_APPROVAL
    }
}
