package io.github.drkit.runtime.aws.api;

import java.util.Collections;
import java.util.List;

/**
 * One page of an Athena query's results.
 *
 * @param columns   the result's column names, in order
 * @param rows      the rows, each a value per column (null for SQL NULL); the first page starts with the header row
 * @param nextToken the token of the next page, or null at the end
 */
public record AthenaResultPage(List<String> columns, List<List<String>> rows, String nextToken) {
    public AthenaResultPage {
        columns = List.copyOf(columns);
        // Rows hold nulls (SQL NULL), which List.copyOf refuses.
        rows = rows.stream().map(r -> Collections.unmodifiableList(new java.util.ArrayList<>(r))).toList();
    }
}
