package io.github.drkit.runtime.aws.api;

import java.util.Objects;

/**
 * What {@link AutoScalingApi#update} changes on a group: its capacity and, optionally, the launch template version it
 * launches from. Immutable; built with {@link #builder()}.
 */
public final class UpdateAutoScalingGroupRequest {
    private final String region;
    private final String groupName;
    private final int minSize;
    private final int desiredCapacity;
    private final int maxSize;
    private final String launchTemplateId;
    private final String launchTemplateVersion;

    private UpdateAutoScalingGroupRequest(Builder builder) {
        this.region = require("region", builder.region);
        this.groupName = require("groupName", builder.groupName);
        this.minSize = builder.minSize;
        this.desiredCapacity = builder.desiredCapacity;
        this.maxSize = builder.maxSize;
        if (minSize < 0 || minSize > desiredCapacity || desiredCapacity > maxSize) {
            throw new IllegalArgumentException("group " + groupName + ": capacity must satisfy 0 <= minSize <= desiredCapacity <= maxSize"
                    + " (got minSize " + minSize + ", desiredCapacity " + desiredCapacity + ", maxSize " + maxSize + ")");
        }
        this.launchTemplateId = builder.launchTemplateId;
        this.launchTemplateVersion = builder.launchTemplateVersion;
        if (launchTemplateVersion != null && launchTemplateId == null) {
            throw new IllegalArgumentException("group " + groupName + ": launchTemplateVersion " + launchTemplateVersion
                    + " needs the launchTemplateId it belongs to (got none)");
        }
    }

    private static String require(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required (got " + (value == null ? "none" : "\"" + value + "\"") + ")");
        }
        return value;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().region(region).groupName(groupName).minSize(minSize).desiredCapacity(desiredCapacity).maxSize(maxSize)
                .launchTemplate(launchTemplateId, launchTemplateVersion);
    }

    public String region() {
        return region;
    }

    public String groupName() {
        return groupName;
    }

    public int minSize() {
        return minSize;
    }

    public int desiredCapacity() {
        return desiredCapacity;
    }

    public int maxSize() {
        return maxSize;
    }

    /** The launch template the version belongs to; null when the group's template is left as it is. */
    public String launchTemplateId() {
        return launchTemplateId;
    }

    /** The version the group launches from after the update; null when left as it is. */
    public String launchTemplateVersion() {
        return launchTemplateVersion;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UpdateAutoScalingGroupRequest that && region.equals(that.region) && groupName.equals(that.groupName)
                && minSize == that.minSize && desiredCapacity == that.desiredCapacity && maxSize == that.maxSize
                && Objects.equals(launchTemplateId, that.launchTemplateId) && Objects.equals(launchTemplateVersion, that.launchTemplateVersion);
    }

    @Override
    public int hashCode() {
        return Objects.hash(region, groupName, minSize, desiredCapacity, maxSize, launchTemplateId, launchTemplateVersion);
    }

    @Override
    public String toString() {
        return "UpdateAutoScalingGroupRequest[" + region + " " + groupName + " min " + minSize + " desired " + desiredCapacity
                + " max " + maxSize + (launchTemplateVersion == null ? "" : " template " + launchTemplateId + " version " + launchTemplateVersion) + "]";
    }

    /** Builds an {@link UpdateAutoScalingGroupRequest}; the Region, the group name and the three sizes are required. */
    public static final class Builder {
        private String region;
        private String groupName;
        private int minSize;
        private int desiredCapacity;
        private int maxSize;
        private String launchTemplateId;
        private String launchTemplateVersion;

        private Builder() {
        }

        /** The Region the group is in. Required. */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /** The group's name. Required. */
        public Builder groupName(String groupName) {
            this.groupName = groupName;
            return this;
        }

        /** @default 0 */
        public Builder minSize(int minSize) {
            this.minSize = minSize;
            return this;
        }

        /** @default 0 */
        public Builder desiredCapacity(int desiredCapacity) {
            this.desiredCapacity = desiredCapacity;
            return this;
        }

        /** @default 0 */
        public Builder maxSize(int maxSize) {
            this.maxSize = maxSize;
            return this;
        }

        /**
         * Moves the group to {@code version} (a number, {@code $Latest} or {@code $Default}) of the template {@code id}.
         *
         * @default the group keeps the template version it has (both null)
         */
        public Builder launchTemplate(String id, String version) {
            this.launchTemplateId = id;
            this.launchTemplateVersion = version;
            return this;
        }

        public UpdateAutoScalingGroupRequest build() {
            return new UpdateAutoScalingGroupRequest(this);
        }
    }
}
