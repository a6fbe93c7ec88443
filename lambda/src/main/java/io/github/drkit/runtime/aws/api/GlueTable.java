package io.github.drkit.runtime.aws.api;

import java.util.List;

/**
 * A table of the AWS Glue Data Catalog, as far as the inventory search reads it.
 *
 * @param database      the database it belongs to
 * @param name          the table's name
 * @param location      where its files are, e.g. {@code s3://inventory/records-archive/catalog/hive/}
 * @param columns       its column names
 * @param partitionKeys its partition columns, e.g. {@code dt}
 */
public record GlueTable(String database, String name, String location, List<String> columns, List<String> partitionKeys) {
    public GlueTable {
        columns = List.copyOf(columns);
        partitionKeys = List.copyOf(partitionKeys);
    }
}
