package io.github.drkit.archive;

/** How fast a restore from S3 Glacier Flexible Retrieval or Deep Archive is asked to run (and billed). */
public enum RetrievalOption {
    /** Glacier Flexible Retrieval within 1-5 minutes (capacity permitting); not offered by Deep Archive. */
    EXPEDITED,
    /** Glacier Flexible Retrieval within 3-5 hours; Deep Archive within 12 hours. */
    STANDARD,
    /** Glacier Flexible Retrieval within 5-12 hours; Deep Archive within 48 hours. The cheapest. */
    BULK
}
