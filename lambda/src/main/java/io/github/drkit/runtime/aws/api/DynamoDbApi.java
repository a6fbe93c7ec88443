package io.github.drkit.runtime.aws.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.drkit.runtime.aws.AwsServiceError;
import io.github.drkit.runtime.aws.JsonProtocol;

/** The DynamoDB operations a recovery needs: reading a global table's replica before traffic moves to it. */
public final class DynamoDbApi {
    private final JsonProtocol json;

    public DynamoDbApi(JsonProtocol json) {
        this.json = json;
    }

    /** The table as {@code region} describes it; empty when the Region has no table of that name. */
    public Optional<TableDescription> describeTable(String region, String tableName) {
        JsonNode table;
        try {
            table = json.call(region, "DescribeTable", JsonProtocol.object().put("TableName", tableName)).path("Table");
        } catch (AwsServiceError e) {
            if (e.is("ResourceNotFoundException")) {
                return Optional.empty();
            }
            throw e;
        }
        List<TableDescription.Replica> replicas = new ArrayList<>();
        table.path("Replicas").forEach(r -> replicas.add(new TableDescription.Replica(text(r, "RegionName"), text(r, "ReplicaStatus"))));
        return Optional.of(new TableDescription(text(table, "TableName"), text(table, "TableStatus"), text(table, "GlobalTableVersion"), replicas));
    }

    /**
     * A table's status and the item count and size DynamoDB reports for it (refreshed about every six hours); empty when
     * the Region has no table of that name.
     */
    public Optional<TableStatistics> tableStatistics(String region, String tableName) {
        JsonNode table;
        try {
            table = json.call(region, "DescribeTable", JsonProtocol.object().put("TableName", tableName)).path("Table");
        } catch (AwsServiceError e) {
            if (e.is("ResourceNotFoundException")) {
                return Optional.empty();
            }
            throw e;
        }
        return Optional.of(new TableStatistics(text(table, "TableName"), text(table, "TableStatus"),
                table.hasNonNull("ItemCount") ? table.get("ItemCount").asLong() : null,
                table.hasNonNull("TableSizeBytes") ? table.get("TableSizeBytes").asLong() : null));
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
