package io.github.drkit.runtime.archive;

import java.util.Locale;

import software.amazon.awssdk.services.s3.model.Tier;

/**
 * How fast S3 restores an archived object. Glacier Flexible Retrieval: expedited 1-5 minutes, standard 3-5
 * hours, bulk 5-12 hours. Deep Archive: standard within 12 hours, bulk within 48 hours, no expedited.
 */
public enum RestoreTier {
    EXPEDITED(Tier.EXPEDITED),
    STANDARD(Tier.STANDARD),
    BULK(Tier.BULK);

    private final Tier sdkTier;

    RestoreTier(Tier sdkTier) {
        this.sdkTier = sdkTier;
    }

    Tier sdkTier() {
        return sdkTier;
    }

    /** Parses {@code expedited|standard|bulk}, in any case. */
    public static RestoreTier parse(String value) {
        if (value == null || value.isBlank()) {
            throw ArchiveException.invalid("tier is required: one of expedited, standard, bulk");
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ArchiveException.invalid("tier must be one of expedited, standard, bulk (got '" + value + "')");
        }
    }
}
