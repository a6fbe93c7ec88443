package io.github.drkit.runtime.plan;

import java.util.List;

/** Stopped EC2 instances of one Region: started on failover, stopped again on failback. */
public record InstancePlan(String region, List<String> instanceIds, String path) {
    public InstancePlan {
        instanceIds = List.copyOf(instanceIds);
    }
}
