package io.github.drkit.runtime.aws.api;

import java.util.List;
import java.util.Optional;

/**
 * A DynamoDB table as DescribeTable reports it in one Region.
 *
 * @param status             the table's status in that Region (CREATING, ACTIVE, UPDATING ...)
 * @param globalTableVersion the global tables version (2019.11.21); null for a table that is not a global table
 * @param replicas           the global table's replicas as that Region lists them
 */
public record TableDescription(String tableName, String status, String globalTableVersion, List<Replica> replicas) {

    public TableDescription {
        replicas = List.copyOf(replicas);
    }

    /** @param status the replica's status (CREATING, ACTIVE, UPDATING, INACCESSIBLE_ENCRYPTION_CREDENTIALS ...) */
    public record Replica(String regionName, String status) {
    }

    /** The replica in {@code region} as this description lists it; empty when it lists none there. */
    public Optional<Replica> replica(String region) {
        return replicas.stream().filter(r -> region.equals(r.regionName())).findFirst();
    }
}
