package io.github.drkit.apps.drill;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.drkit.plan.FleetPlan;
import io.github.drkit.plan.RecordPlan;
import io.github.drkit.plan.RecoveryPlan;
import io.github.drkit.plan.Routing;
import io.github.drkit.plan.ZonePlan;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * What must hold whatever point a failover stopped at, e.g. when AWS failed one of its calls:
 *
 * <ul>
 *   <li>each hosted zone's records are all in their normal position or all in their failover position
 *       (the engine changes a zone in one batch);</li>
 *   <li>no weighted record set has every weight at zero;</li>
 *   <li>if any record sends traffic to the recovery Region, every recovery fleet has at least its
 *       {@code minHealthy} instances in service.</li>
 * </ul>
 */
public final class ConsistencyCheck {
    private final DrillClients clients;

    public ConsistencyCheck(DrillClients clients) {
        this.clients = clients;
    }

    public List<Check> verify(RecoveryPlan plan) {
        List<Check> checks = new ArrayList<>();
        boolean trafficMoved = false;
        for (ZonePlan zone : plan.dns()) {
            List<ResourceRecordSet> live = DnsState.records(clients.route53(), zone.hostedZoneId());
            Map<String, String> positions = new LinkedHashMap<>();
            for (RecordPlan record : zone.records()) {
                positions.put(record.key(), position(record, DnsState.find(live, record)));
            }
            Set<String> distinct = new LinkedHashSet<>(positions.values());
            checks.add(new Check("zone " + zone.hostedZoneId() + " records in one position", "all normal or all failover",
                    positions.toString(), distinct.size() == 1 && !distinct.contains("other") && !distinct.contains("missing")));
            trafficMoved |= distinct.contains("failover");
            Map<String, Long> weightSums = new LinkedHashMap<>();
            for (ResourceRecordSet r : live) {
                if (r.weight() != null) {
                    weightSums.merge(r.name() + " " + r.typeAsString(), r.weight(), Long::sum);
                }
            }
            weightSums.forEach((name, sum) -> checks.add(new Check("weighted records " + name + " total weight", "> 0",
                    Long.toString(sum), sum > 0)));
        }
        if (trafficMoved) {
            for (FleetPlan fleet : plan.fleets()) {
                List<AutoScalingGroup> groups = clients.autoScaling(fleet.region())
                        .describeAutoScalingGroups(b -> b.autoScalingGroupNames(fleet.autoScalingGroupName())).autoScalingGroups();
                int inService = groups.isEmpty() ? 0 : (int) groups.get(0).instances().stream()
                        .filter(i -> "InService".equals(i.lifecycleStateAsString())).count();
                checks.add(Check.atLeast("traffic moved, so fleet " + fleet.autoScalingGroupName() + " (" + fleet.region()
                        + ") must be ready: in-service instances", fleet.minHealthy(), inService));
            }
        }
        return checks;
    }

    private static String position(RecordPlan plan, ResourceRecordSet live) {
        if (live == null) {
            return "missing";
        }
        if (plan.routing() == Routing.WEIGHTED) {
            long w = live.weight() == null ? -1 : live.weight();
            if (w == plan.failoverWeight() && w != plan.normalWeight()) {
                return "failover";
            }
            return w == plan.normalWeight() ? "normal" : "other";
        }
        String target = DnsState.target(live);
        if (target.equals(DnsState.target(plan.recovery()))) {
            return "failover";
        }
        return target.equals(DnsState.target(plan.normal())) ? "normal" : "other";
    }
}
