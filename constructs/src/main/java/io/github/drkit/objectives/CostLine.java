package io.github.drkit.objectives;

import java.util.Objects;

/** One priced item of a standby: a resource (or part of one), what was priced, and its monthly cost. */
public final class CostLine {
    private final String logicalId;
    private final String resourceType;
    private final String description;
    private final double monthlyUsd;

    CostLine(String logicalId, String resourceType, String description, double monthlyUsd) {
        this.logicalId = Objects.requireNonNull(logicalId, "logicalId");
        this.resourceType = Objects.requireNonNull(resourceType, "resourceType");
        this.description = Objects.requireNonNull(description, "description");
        this.monthlyUsd = monthlyUsd;
    }

    /** The CloudFormation logical id of the resource. */
    public String logicalId() {
        return logicalId;
    }

    /** e.g. "AWS::AutoScaling::AutoScalingGroup". */
    public String resourceType() {
        return resourceType;
    }

    /** What was priced, e.g. "2 x t3.small at $0.0208/h (desired capacity)". */
    public String description() {
        return description;
    }

    public double monthlyUsd() {
        return monthlyUsd;
    }

    @Override
    public String toString() {
        return logicalId + " " + Format.usd(monthlyUsd) + "/month: " + description;
    }
}
