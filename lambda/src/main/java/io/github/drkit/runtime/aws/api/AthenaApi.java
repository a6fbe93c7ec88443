package io.github.drkit.runtime.aws.api;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.drkit.runtime.aws.JsonProtocol;

/**
 * The Athena operations of the archive catalog's inventory search: start a query in a workgroup, read its state,
 * page through its results, and stop it when the caller's deadline comes first.
 */
public final class AthenaApi {
    private final JsonProtocol json;

    public AthenaApi(JsonProtocol json) {
        this.json = json;
    }

    /**
     * Starts {@code sql} in {@code workGroup} with {@code database} of the AWS Glue Data Catalog as its default, and
     * returns the query execution id. The workgroup's settings (result location, encryption, bytes-scanned limit)
     * apply. A fresh client request token makes the call idempotent across the transport's retries.
     */
    public String startQuery(String region, String workGroup, String database, String sql) {
        ObjectNode input = JsonProtocol.object().put("QueryString", sql)
                .put("ClientRequestToken", UUID.randomUUID().toString())
                .put("WorkGroup", workGroup);
        input.putObject("QueryExecutionContext").put("Database", database);
        return json.call(region, "StartQueryExecution", input).path("QueryExecutionId").asText();
    }

    /** The state of a query, what it scanned so far and, once it failed or was cancelled, why. */
    public AthenaQuery query(String region, String queryExecutionId) {
        JsonNode q = json.call(region, "GetQueryExecution", JsonProtocol.object().put("QueryExecutionId", queryExecutionId))
                .path("QueryExecution");
        JsonNode status = q.path("Status");
        JsonNode error = status.path("AthenaError");
        return new AthenaQuery(q.path("QueryExecutionId").asText(), status.path("State").asText(null),
                status.path("StateChangeReason").asText(null), q.path("Statistics").path("DataScannedInBytes").asLong(0),
                error.hasNonNull("ErrorType") ? error.get("ErrorType").asInt() : null,
                q.path("ResultConfiguration").path("OutputLocation").asText(null));
    }

    /**
     * One page of a succeeded query's results, at most {@code maxResults} rows (1 to 1,000); the first page starts with
     * the header row. {@code nextToken} is null for the first page.
     */
    public AthenaResultPage results(String region, String queryExecutionId, String nextToken, int maxResults) {
        ObjectNode input = JsonProtocol.object().put("QueryExecutionId", queryExecutionId);
        if (nextToken != null) {
            input.put("NextToken", nextToken);
        }
        input.put("MaxResults", maxResults);
        JsonNode answer = json.call(region, "GetQueryResults", input);
        List<String> columns = new ArrayList<>();
        answer.path("ResultSet").path("ResultSetMetadata").path("ColumnInfo").forEach(c -> columns.add(c.path("Name").asText()));
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode row : answer.path("ResultSet").path("Rows")) {
            List<String> values = new ArrayList<>();
            // A SQL NULL arrives as a datum without VarCharValue.
            row.path("Data").forEach(d -> values.add(d.hasNonNull("VarCharValue") ? d.get("VarCharValue").asText() : null));
            rows.add(values);
        }
        return new AthenaResultPage(columns, rows, answer.hasNonNull("NextToken") ? answer.get("NextToken").asText() : null);
    }

    /** Asks Athena to cancel a query; a query that already ended is left as it is. */
    public void stopQuery(String region, String queryExecutionId) {
        json.call(region, "StopQueryExecution", JsonProtocol.object().put("QueryExecutionId", queryExecutionId));
    }
}
