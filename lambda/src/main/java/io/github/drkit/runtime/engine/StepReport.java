package io.github.drkit.runtime.engine;

import java.util.List;

import io.github.drkit.runtime.aws.AwsCall;

/**
 * One step of a run as the report shows it.
 *
 * @param resource the plan path of what the step acts on, e.g. {@code fleets[0]}
 * @param changes  what the step changes (or, in a dry run, would change), one line per change
 * @param calls    every AWS call the step made, with attempts and errors
 * @param error    why the step failed; null unless {@code outcome} is FAILED
 */
public record StepReport(String name, String resource, String startedAt, String endedAt, long millis,
                         Outcome outcome, String detail, List<String> changes, List<AwsCall> calls, String error) {

    public StepReport {
        changes = List.copyOf(changes);
        calls = List.copyOf(calls);
    }

    /** How a step ended. */
    public enum Outcome {
        /** Changes made and verified. */
        DONE,
        /** Already as wanted: nothing to change. */
        NO_CHANGE,
        /** Dry run: the changes listed would be made. */
        PLANNED,
        /** A health gate that failed but was passed because the request said force. */
        FORCED,
        /** Failed: the run stopped here. */
        FAILED,
        /** Not run, because an earlier step failed or a gate stopped the run. */
        NOT_RUN
    }
}
