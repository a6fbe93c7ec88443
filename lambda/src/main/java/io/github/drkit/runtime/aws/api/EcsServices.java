package io.github.drkit.runtime.aws.api;

import java.util.List;

/**
 * One DescribeServices answer: the services found, and the names ECS reported as failures (a service that does not
 * exist in the cluster is reported with reason {@code MISSING}).
 */
public record EcsServices(List<EcsService> services, List<String> missing) {
    public EcsServices {
        services = List.copyOf(services);
        missing = List.copyOf(missing);
    }
}
