package io.github.drkit.runtime.readiness;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.github.drkit.plan.InstancePlan;
import io.github.drkit.plan.StartInstancesKind;

/** Stopped instances: each one the plan starts exists and is not terminated. One DescribeInstances per group of instances. */
public final class InstancesReadiness implements ReadinessCheck<InstancePlan> {
    @Override
    public String kind() {
        return StartInstancesKind.NAME;
    }

    @Override
    public Class<InstancePlan> type() {
        return InstancePlan.class;
    }

    @Override
    public List<Finding> check(List<InstancePlan> groups, ReadinessContext context) {
        List<Callable<List<Finding>>> reads = groups.stream().map(g -> (Callable<List<Finding>>) () -> group(g, context)).toList();
        return context.all(reads).stream().flatMap(List::stream).toList();
    }

    private static List<Finding> group(InstancePlan group, ReadinessContext context) {
        Map<String, String> states;
        try {
            states = context.aws(group).ec2().instanceStates(group.region(), group.instanceIds());
        } catch (RuntimeException e) {
            return List.of(ReadinessContext.unchecked(group.path(), "instances in " + group.region(), "the instances", e));
        }
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < group.instanceIds().size(); i++) {
            String id = group.instanceIds().get(i);
            String state = states.get(id);
            if (state == null || "terminated".equals(state) || "shutting-down".equals(state)) {
                findings.add(Finding.of(Severity.CRITICAL, Finding.Category.EXISTENCE, group.path() + ".instanceIds[" + i + "]",
                        "EC2 instance " + id + " (" + group.region() + ")", "EC2 instance '" + id + "' " + (state == null ? "not found"
                                : "is " + state) + " in " + group.region() + ": failover cannot start it",
                        "launch a replacement from the tier's AMI, stop it, and put its id in the plan"));
            }
        }
        return findings;
    }
}
