package io.github.drkit.runtime.aws.api;

import io.github.drkit.plan.Capacity;

/**
 * An EKS managed node group as DescribeNodegroup reports it.
 *
 * @param status  {@code ACTIVE}, {@code UPDATING}, {@code DEGRADED}, ...
 * @param scaling its scaling configuration (minSize, desiredSize, maxSize)
 */
public record EksNodegroup(String name, String status, Capacity scaling) {
}
