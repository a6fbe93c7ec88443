package io.github.drkit.archive;

import io.github.drkit.objectives.AwsFigures;
import java.time.Duration;
import java.util.Objects;

/**
 * The worst-case time until an object in a tier can be read, by retrieval option, from the S3
 * documentation ("Understanding archive retrieval options"): Glacier Flexible Retrieval expedited
 * 1-5 minutes, standard 3-5 hours, bulk 5-12 hours; Deep Archive standard within 12 hours, bulk
 * within 48 hours, no expedited; Standard-IA and Glacier Instant Retrieval in milliseconds.
 */
public final class ReadBackTime {
    private final StorageTier tier;
    private final RetrievalOption option;
    private final Duration worstCase;
    private final String basis;

    private ReadBackTime(StorageTier tier, RetrievalOption option, Duration worstCase, String basis) {
        this.tier = tier;
        this.option = option;
        this.worstCase = worstCase;
        this.basis = basis;
    }

    /**
     * @param tier   where the object is; null means S3 Standard
     * @param option the retrieval option of the restore request (ignored by the real-time tiers)
     * @throws IllegalArgumentException for an option the tier does not offer (Deep Archive, expedited)
     */
    public static ReadBackTime of(StorageTier tier, RetrievalOption option) {
        Objects.requireNonNull(option, "option");
        if (tier == null || tier.realTime()) {
            String name = tier == null ? "S3 Standard" : tier.name();
            return new ReadBackTime(tier, option, Duration.ZERO, name + " is read in milliseconds, no restore");
        }
        if (tier == StorageTier.GLACIER_FLEXIBLE_RETRIEVAL) {
            return switch (option) {
                case EXPEDITED -> new ReadBackTime(tier, option, AwsFigures.GLACIER_FLEXIBLE_EXPEDITED,
                        "Glacier Flexible Retrieval expedited restore: 1-5 minutes (without provisioned capacity, "
                                + "expedited requests can be refused at peak demand)");
                case STANDARD -> new ReadBackTime(tier, option, AwsFigures.GLACIER_FLEXIBLE_STANDARD,
                        "Glacier Flexible Retrieval standard restore: 3-5 hours");
                case BULK -> new ReadBackTime(tier, option, AwsFigures.GLACIER_FLEXIBLE_BULK,
                        "Glacier Flexible Retrieval bulk restore: 5-12 hours");
            };
        }
        return switch (option) {
            case EXPEDITED -> throw new IllegalArgumentException(
                    "retrievalOption EXPEDITED is not available for DEEP_ARCHIVE (standard within 12 hours, bulk within 48 hours)");
            case STANDARD -> new ReadBackTime(tier, option, AwsFigures.DEEP_ARCHIVE_STANDARD, "Glacier Deep Archive standard restore: within 12 hours");
            case BULK -> new ReadBackTime(tier, option, AwsFigures.DEEP_ARCHIVE_BULK, "Glacier Deep Archive bulk restore: within 48 hours");
        };
    }

    /** The tier, or null for S3 Standard. */
    public StorageTier tier() {
        return tier;
    }

    public RetrievalOption option() {
        return option;
    }

    /** The longest a restore of this kind takes before the object can be read. */
    public Duration worstCase() {
        return worstCase;
    }

    /** The documented figure the worst case rests on. */
    public String basis() {
        return basis;
    }

    @Override
    public String toString() {
        return (tier == null ? "STANDARD" : tier.name()) + "/" + option + " " + worstCase + " (" + basis + ")";
    }
}
