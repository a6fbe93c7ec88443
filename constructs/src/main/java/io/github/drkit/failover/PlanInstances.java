package io.github.drkit.failover;

import io.github.drkit.internal.plan.Checks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Stopped EC2 instances that failover starts and failback stops again. */
public final class PlanInstances {
    private final String region;
    private final List<String> instanceIds;

    private PlanInstances(String region, List<String> instanceIds) {
        this.region = Checks.required("PlanInstances", "region", region);
        this.instanceIds = List.copyOf(Checks.notEmpty("PlanInstances", "instanceIds", instanceIds));
        for (String id : this.instanceIds) {
            if (!Checks.isToken(id) && !id.matches("i-[0-9a-f]{8,17}")) {
                throw new IllegalArgumentException("PlanInstances: instanceIds must be EC2 instance ids like i-0123456789abcdef0 (got " + id + ")");
            }
        }
    }

    public static PlanInstances of(String region, List<String> instanceIds) {
        return new PlanInstances(region, instanceIds);
    }

    public String region() {
        return region;
    }

    public List<String> instanceIds() {
        return instanceIds;
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("region", region);
        m.put("instanceIds", instanceIds);
        return m;
    }
}
