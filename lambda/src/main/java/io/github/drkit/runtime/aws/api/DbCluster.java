package io.github.drkit.runtime.aws.api;

/**
 * An Aurora DB cluster as the runtime reads it.
 *
 * @param status the cluster's status (available, modifying, promoting ...)
 */
public record DbCluster(String identifier, String arn, String status) {
}
