package io.github.drkit.objectives.pricing;

import static io.github.drkit.objectives.pricing.TemplateValues.num;
import static io.github.drkit.objectives.pricing.TemplateValues.ref;
import static io.github.drkit.objectives.pricing.TemplateValues.str;

import java.util.Map;

/**
 * An ECS service on Fargate: DesiredCount tasks, each charged for the vCPU and memory its task definition reserves
 * (Linux on x86, per vCPU-hour and GB-hour). A service that runs no task in standby (pilot light) costs nothing; a
 * service on EC2 capacity is charged through its instances, not here.
 */
final class EcsServicePricer implements ResourcePricer {
    @Override
    public String resourceType() {
        return "AWS::ECS::Service";
    }

    @Override
    public void price(PricedResource r) {
        Double desired = num(r.property("DesiredCount"));
        if (desired == null) {
            r.unpriced("DesiredCount is not a literal");
            return;
        }
        int n = desired.intValue();
        if (!"FARGATE".equals(str(r.property("LaunchType")))) {
            r.unpriced("not a Fargate service (LaunchType " + r.property("LaunchType") + "): its tasks run on the cluster's instances, priced there");
            return;
        }
        if (n == 0) {
            r.free("0 Fargate tasks (desired count 0: nothing runs in standby)");
            return;
        }
        String task = ref(r.property("TaskDefinition"));
        Map<String, Object> definition = task == null || !r.hasResource(task) ? null : r.propertiesOf(task);
        Double cpuUnits = definition == null ? null : num(definition.get("Cpu"));
        Double memoryMiB = definition == null ? null : num(definition.get("Memory"));
        if (cpuUnits == null || memoryMiB == null) {
            r.unpriced("its task definition's Cpu and Memory are not literals in this template");
            return;
        }
        double vcpu = cpuUnits / 1024;
        double gb = memoryMiB / 1024;
        r.charge("fargate:vcpu", n * vcpu, n + " Fargate task(s) x " + fmt(vcpu) + " vCPU");
        r.charge("fargate:gb", n * gb, n + " Fargate task(s) x " + fmt(gb) + " GB");
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
