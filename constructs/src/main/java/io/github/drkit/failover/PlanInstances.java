package io.github.drkit.failover;

import io.github.drkit.internal.plan.InstancesPermissions;
import io.github.drkit.internal.plan.Checks;
import io.github.drkit.internal.plan.PlanRules;
import io.github.drkit.plan.InstancePlan;
import java.util.List;

/** Stopped EC2 instances that failover starts and failback stops again. */
public final class PlanInstances implements RecoveryStep {
    private final String region;
    private final List<String> instanceIds;

    private PlanInstances(String region, List<String> instanceIds) {
        this.region = Checks.required("PlanInstances", "region", region);
        this.instanceIds = List.copyOf(Checks.required("PlanInstances", "instanceIds", instanceIds));
        PlanRules.check("PlanInstances", () -> PlanRules.reader().check(toPlan()));
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

    /** The instances as the plan carries them. */
    @Override
    public InstancePlan toPlan() {
        return new InstancePlan(region, instanceIds);
    }

    /** In the {@code compute} stage. */
    @Override
    public String stage() {
        return "compute";
    }

    @Override
    public StepPermissions permissions() {
        return InstancesPermissions.INSTANCE;
    }
}
