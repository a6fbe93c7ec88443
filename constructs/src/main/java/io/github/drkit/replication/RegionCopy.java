package io.github.drkit.replication;

import software.amazon.awscdk.Duration;

import java.util.Objects;

/** One cross-Region copy rule of an {@link ImageReplication}: where copies go and how long they are kept. */
public final class RegionCopy {
    private final String targetRegion;
    private final Duration retention;
    private final String encryptionKeyArn;

    private RegionCopy(Builder b) {
        this.targetRegion = Objects.requireNonNull(b.targetRegion, "RegionCopy: targetRegion is required");
        this.retention = b.retention != null ? b.retention : Duration.days(7);
        this.encryptionKeyArn = b.encryptionKeyArn;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A copy to that Region, kept for the given time. */
    public static RegionCopy to(String targetRegion, Duration retention) {
        return builder().targetRegion(targetRegion).retention(retention).build();
    }

    public String getTargetRegion() {
        return targetRegion;
    }

    public Duration getRetention() {
        return retention;
    }

    /** The KMS key in the target Region that encrypts the copies, or null for the Region's default EBS key. */
    public String getEncryptionKeyArn() {
        return encryptionKeyArn;
    }

    public static final class Builder {
        private String targetRegion;
        private Duration retention;
        private String encryptionKeyArn;

        private Builder() {
        }

        /** The recovery Region, e.g. "us-west-2". Required. */
        public Builder targetRegion(String targetRegion) {
            this.targetRegion = targetRegion;
            return this;
        }

        /**
         * How long copies are kept in the target Region (whole days).
         *
         * @default 7 days
         */
        public Builder retention(Duration retention) {
            this.retention = retention;
            return this;
        }

        /**
         * A KMS key ARN in the target Region for the copies.
         *
         * @default the target Region's default EBS encryption key
         */
        public Builder encryptionKeyArn(String encryptionKeyArn) {
            this.encryptionKeyArn = encryptionKeyArn;
            return this;
        }

        public RegionCopy build() {
            return new RegionCopy(this);
        }
    }
}
