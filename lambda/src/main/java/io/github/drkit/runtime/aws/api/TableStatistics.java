package io.github.drkit.runtime.aws.api;

/**
 * A DynamoDB table's status and the statistics DescribeTable reports for it.
 *
 * @param status    CREATING, ACTIVE, UPDATING, DELETING, ARCHIVED ...
 * @param itemCount the approximate item count DynamoDB refreshes about every six hours; null when the answer has none
 * @param sizeBytes the approximate size, refreshed like the item count; null when the answer has none
 */
public record TableStatistics(String tableName, String status, Long itemCount, Long sizeBytes) {
}
