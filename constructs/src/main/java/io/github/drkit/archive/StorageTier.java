package io.github.drkit.archive;

import software.amazon.awscdk.services.s3.StorageClass;

import java.time.Duration;

/**
 * The S3 storage classes an archive moves through after S3 Standard, coldest last, with the
 * figures S3 documents for each: the minimum storage duration (a shorter stay is charged as the
 * minimum) and whether a read needs a restore first.
 */
public enum StorageTier {
    /** S3 Standard-IA: millisecond reads; minimum storage 30 days; reachable after 30 days in Standard. */
    STANDARD_IA(StorageClass.INFREQUENT_ACCESS, 30, true),
    /** S3 Glacier Instant Retrieval: millisecond reads; minimum storage 90 days. */
    GLACIER_INSTANT_RETRIEVAL(StorageClass.GLACIER_INSTANT_RETRIEVAL, 90, true),
    /** S3 Glacier Flexible Retrieval: restore first (expedited 1-5 min, standard 3-5 h, bulk 5-12 h); minimum storage 90 days. */
    GLACIER_FLEXIBLE_RETRIEVAL(StorageClass.GLACIER, 90, false),
    /** S3 Glacier Deep Archive: restore first (standard within 12 h, bulk within 48 h); minimum storage 180 days. */
    DEEP_ARCHIVE(StorageClass.DEEP_ARCHIVE, 180, false);

    private final StorageClass storageClass;
    private final int minimumStorageDays;
    private final boolean realTime;

    StorageTier(StorageClass storageClass, int minimumStorageDays, boolean realTime) {
        this.storageClass = storageClass;
        this.minimumStorageDays = minimumStorageDays;
        this.realTime = realTime;
    }

    /** The S3 storage class lifecycle transitions name. */
    public StorageClass storageClass() {
        return storageClass;
    }

    /** S3 charges an object that leaves this tier earlier as if it stayed this long. */
    public Duration minimumStorageDuration() {
        return Duration.ofDays(minimumStorageDays);
    }

    int minimumStorageDays() {
        return minimumStorageDays;
    }

    /** True when objects in this tier are read in milliseconds, without a restore. */
    public boolean realTime() {
        return realTime;
    }
}
