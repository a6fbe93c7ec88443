package io.github.drkit.runtime.aws.api;

/**
 * An Athena query execution as {@code GetQueryExecution} reports it.
 *
 * @param id             the query execution id
 * @param state          {@code QUEUED}, {@code RUNNING}, {@code SUCCEEDED}, {@code FAILED} or {@code CANCELLED}
 * @param reason         why it failed or was cancelled, as Athena words it; null otherwise
 * @param bytesScanned   the bytes it read so far, what Athena bills
 * @param errorType      Athena's error type number for a failed query, or null
 * @param outputLocation where its results are written, or null
 */
public record AthenaQuery(String id, String state, String reason, long bytesScanned, Integer errorType, String outputLocation) {

    /** Whether the query has ended, one way or the other. */
    public boolean done() {
        return "SUCCEEDED".equals(state) || "FAILED".equals(state) || "CANCELLED".equals(state);
    }
}
