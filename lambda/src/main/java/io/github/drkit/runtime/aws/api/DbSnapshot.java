package io.github.drkit.runtime.aws.api;

import java.time.Instant;

/**
 * An RDS DB snapshot as the runtime reads it.
 *
 * @param dbInstanceIdentifier the instance it was taken of (a copy keeps it)
 * @param type                 {@code manual}, {@code automated} or {@code awsbackup}
 * @param dataTime             when the data was captured: the original snapshot's time for a copy, else its own
 */
public record DbSnapshot(String identifier, String arn, String dbInstanceIdentifier, String status, String type, Instant dataTime) {
}
