package io.github.drkit.replication;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.iam.IRole;

import java.util.List;
import java.util.Map;

/** Props of {@link ImageReplication}. */
public final class ImageReplicationProps {
    private final ImageKind kind;
    private final Map<String, String> targetTags;
    private final Duration interval;
    private final String startTime;
    private final int retainCount;
    private final List<RegionCopy> copyTo;
    private final boolean noReboot;
    private final IRole executionRole;

    private ImageReplicationProps(Builder b) {
        this.kind = b.kind != null ? b.kind : ImageKind.VOLUME_SNAPSHOTS;
        this.targetTags = b.targetTags != null ? Map.copyOf(b.targetTags) : Map.of();
        this.interval = b.interval != null ? b.interval : Duration.hours(24);
        this.startTime = b.startTime != null ? b.startTime : "05:00";
        this.retainCount = b.retainCount != null ? b.retainCount : 7;
        this.copyTo = b.copyTo != null ? List.copyOf(b.copyTo) : List.of();
        this.noReboot = b.noReboot == null || b.noReboot;
        this.executionRole = b.executionRole;
    }

    public static Builder builder() {
        return new Builder();
    }

    public ImageKind getKind() { return kind; }
    public Map<String, String> getTargetTags() { return targetTags; }
    public Duration getInterval() { return interval; }
    public String getStartTime() { return startTime; }
    public int getRetainCount() { return retainCount; }
    public List<RegionCopy> getCopyTo() { return copyTo; }
    public boolean getNoReboot() { return noReboot; }
    public IRole getExecutionRole() { return executionRole; }

    public static final class Builder {
        private ImageKind kind;
        private Map<String, String> targetTags;
        private Duration interval;
        private String startTime;
        private Integer retainCount;
        private List<RegionCopy> copyTo;
        private Boolean noReboot;
        private IRole executionRole;

        private Builder() {
        }

        /**
         * Snapshots of volumes, snapshot sets of instances, or AMIs.
         *
         * @default VOLUME_SNAPSHOTS
         */
        public Builder kind(ImageKind kind) {
            this.kind = kind;
            return this;
        }

        /** The tags that select volumes or instances; DLM targets a resource carrying any one of them. Required. */
        public Builder targetTags(Map<String, String> targetTags) {
            this.targetTags = targetTags;
            return this;
        }

        /**
         * How often a snapshot or AMI is taken: 1, 2, 3, 4, 6, 8, 12 or 24 hours.
         *
         * @default 24 hours
         */
        public Builder interval(Duration interval) {
            this.interval = interval;
            return this;
        }

        /**
         * The first run of the day, "HH:MM" UTC.
         *
         * @default "05:00"
         */
        public Builder startTime(String startTime) {
            this.startTime = startTime;
            return this;
        }

        /**
         * How many snapshots or AMIs are kept in the source Region (1-1000).
         *
         * @default 7
         */
        public Builder retainCount(int retainCount) {
            this.retainCount = retainCount;
            return this;
        }

        /**
         * Cross-Region copies, at most 3 Regions.
         *
         * @default none
         */
        public Builder copyTo(List<RegionCopy> copyTo) {
            this.copyTo = copyTo;
            return this;
        }

        /**
         * AMIs only: take the image without rebooting the instance (crash-consistent). DLM's own default
         * reboots, which a production instance should not do every interval.
         * @default true
         */
        public Builder noReboot(boolean noReboot) {
            this.noReboot = noReboot;
            return this;
        }

        /**
         * The role DLM assumes.
         *
         * @default a new role with the DLM service-role policy for the kind
         */
        public Builder executionRole(IRole executionRole) {
            this.executionRole = executionRole;
            return this;
        }

        public ImageReplicationProps build() {
            return new ImageReplicationProps(this);
        }
    }
}
