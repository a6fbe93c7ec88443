package io.github.drkit.objectives;

import java.time.Duration;

/**
 * How an archived object is brought back: its S3 storage class and retrieval option. Only the
 * combinations S3 offers exist (Deep Archive has no Expedited option), each with the documented
 * worst-case time from {@link AwsFigures}.
 */
public enum ArchiveRestore {
    /** S3 Glacier Instant Retrieval: read in milliseconds, no restore step. */
    GLACIER_INSTANT(AwsFigures.GLACIER_INSTANT_RETRIEVAL, "S3 Glacier Instant Retrieval: milliseconds, no restore step"),
    /** S3 Glacier Flexible Retrieval, Expedited: 1-5 minutes. */
    FLEXIBLE_EXPEDITED(AwsFigures.GLACIER_FLEXIBLE_EXPEDITED, "S3 Glacier Flexible Retrieval, Expedited: 1-5 min"),
    /** S3 Glacier Flexible Retrieval, Standard: 3-5 hours. */
    FLEXIBLE_STANDARD(AwsFigures.GLACIER_FLEXIBLE_STANDARD, "S3 Glacier Flexible Retrieval, Standard: 3-5 h"),
    /** S3 Glacier Flexible Retrieval, Bulk: 5-12 hours. */
    FLEXIBLE_BULK(AwsFigures.GLACIER_FLEXIBLE_BULK, "S3 Glacier Flexible Retrieval, Bulk: 5-12 h"),
    /** S3 Glacier Deep Archive, Standard: within 12 hours. */
    DEEP_ARCHIVE_STANDARD(AwsFigures.DEEP_ARCHIVE_STANDARD, "S3 Glacier Deep Archive, Standard: within 12 h"),
    /** S3 Glacier Deep Archive, Bulk: within 48 hours. */
    DEEP_ARCHIVE_BULK(AwsFigures.DEEP_ARCHIVE_BULK, "S3 Glacier Deep Archive, Bulk: within 48 h");

    private final Duration worstCase;
    private final String basis;

    ArchiveRestore(Duration worstCase, String basis) {
        this.worstCase = worstCase;
        this.basis = basis;
    }

    /** The upper end of the documented restore time. */
    public Duration worstCase() {
        return worstCase;
    }

    /** The documented range, for an estimate term's basis. */
    public String basis() {
        return basis;
    }
}
