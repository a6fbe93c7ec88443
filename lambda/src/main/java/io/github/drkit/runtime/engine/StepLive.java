package io.github.drkit.runtime.engine;

/**
 * The state of one step as its kind's {@link StepExecutor#inspect} read it before the run: what the report shows
 * and what the executor computes its changes from.
 *
 * @param status what the report shows under {@code steps}, and the step's vote on the system's state
 * @param state  the answers the executor needs, in whatever type the kind chooses (read back with
 *               {@link Execution#state})
 */
public record StepLive(StateReport.StepStatus status, Object state) {
}
