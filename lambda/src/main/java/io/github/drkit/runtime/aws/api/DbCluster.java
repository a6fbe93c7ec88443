package io.github.drkit.runtime.aws.api;

import java.util.List;

/**
 * An Aurora DB cluster as the runtime reads it.
 *
 * @param status    the cluster's status (available, modifying, promoting ...)
 * @param engine    the cluster's engine ({@code aurora-postgresql}, {@code aurora-mysql}); null when not reported
 * @param instances the identifiers of the cluster's DB instances ({@code DBClusterMembers}); empty for a headless cluster,
 *                  which holds the data but takes no connections
 */
public record DbCluster(String identifier, String arn, String status, String engine, List<String> instances) {
    public DbCluster {
        instances = instances == null ? List.of() : List.copyOf(instances);
    }
}
