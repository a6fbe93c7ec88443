package io.github.drkit.runtime.archive;

import java.util.Objects;

/**
 * Where the inventory search runs: the Athena workgroup (its result location, encryption and bytes-scanned limit
 * apply) and the Glue table over the S3 Inventory report, as {@code ArchiveCatalog}'s inventory option creates them.
 *
 * @param region    the Region of the workgroup and the table
 * @param workGroup the Athena workgroup
 * @param database  the Glue database
 * @param table     the Glue table over the report's {@code hive/} folder, partitioned by {@code dt}
 * @param snapshot  the report to query ({@code dt}, e.g. {@code 2026-11-24-01-00}); null for the newest delivered
 */
public record InventoryTable(String region, String workGroup, String database, String table, String snapshot) {
    public InventoryTable {
        require(region, "region");
        require(workGroup, "workgroup");
        require(database, "database");
        require(table, "inventory table");
        snapshot = snapshot == null || snapshot.isBlank() ? null : snapshot.trim();
    }

    private static void require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw ArchiveException.invalid("search: the " + what + " is required for an inventory search (got "
                    + (value == null ? "none" : "'" + value + "'") + ")");
        }
    }

    String describe() {
        return Objects.requireNonNull(database) + "." + table;
    }
}
