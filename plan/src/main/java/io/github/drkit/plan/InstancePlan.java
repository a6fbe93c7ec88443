package io.github.drkit.plan;

import java.util.List;

/** Stopped EC2 instances of one Region: started on failover, stopped again on failback. */
public record InstancePlan(String region, List<String> instanceIds, String path) implements PlanStep {
    /** Instances written by a construct, before they have a place in a plan. */
    public InstancePlan(String region, List<String> instanceIds) {
        this(region, instanceIds, null);
    }


    public InstancePlan {
        instanceIds = List.copyOf(instanceIds);
    }

    @Override
    public String kind() {
        return StartInstancesKind.NAME;
    }
}
