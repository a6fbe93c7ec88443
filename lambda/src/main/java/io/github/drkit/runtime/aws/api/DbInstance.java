package io.github.drkit.runtime.aws.api;

import java.util.Map;

/**
 * An RDS DB instance as the runtime reads it.
 *
 * @param readReplicaSource the source instance when this is a read replica; null when it is standalone
 */
public record DbInstance(String identifier, String arn, String status, String readReplicaSource, Map<String, String> tags) {

    public DbInstance {
        tags = Map.copyOf(tags);
    }
}
