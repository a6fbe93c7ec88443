package io.github.drkit.objectives.pricing;

import java.util.Objects;

/** One priced item: a resource (or part of one), what was priced, and its monthly cost in USD. */
public final class Charge {
    private final String logicalId;
    private final String resourceType;
    private final String description;
    private final double monthlyUsd;

    Charge(String logicalId, String resourceType, String description, double monthlyUsd) {
        this.logicalId = Objects.requireNonNull(logicalId, "logicalId");
        this.resourceType = Objects.requireNonNull(resourceType, "resourceType");
        this.description = Objects.requireNonNull(description, "description");
        this.monthlyUsd = monthlyUsd;
    }

    public String getLogicalId() {
        return logicalId;
    }

    public String getResourceType() {
        return resourceType;
    }

    public String getDescription() {
        return description;
    }

    public double getMonthlyUsd() {
        return monthlyUsd;
    }

    @Override
    public String toString() {
        return logicalId + " " + monthlyUsd + "/month: " + description;
    }
}
