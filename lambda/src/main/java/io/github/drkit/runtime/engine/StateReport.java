package io.github.drkit.runtime.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.drkit.plan.Capacity;

/**
 * Capacity, health and DNS as they are, resource by resource, and the state they add up to.
 *
 * <p>Databases do not vote on the state unless the plan has nothing else: a promoted replica stays promoted
 * after failback (it is never demoted), so counting it would call every failed-back system MIXED.
 */
public record StateReport(SystemState state, List<DatabaseStatus> databases, List<InstanceStatus> instances,
                          List<FleetStatus> fleets, List<RecordStatus> dns, List<SiteSwitchStatus> siteSwitches,
                          List<StepStatus> steps) {

    public StateReport {
        databases = List.copyOf(databases);
        instances = List.copyOf(instances);
        fleets = List.copyOf(fleets);
        dns = List.copyOf(dns);
        siteSwitches = List.copyOf(siteSwitches);
        steps = List.copyOf(steps);
    }

    /**
     * @param steps the status of the steps whose kinds read their own state ({@link StepExecutor#inspect}); they
     *              vote like fleets do, unless their position is {@link Position#EITHER}
     */
    static StateReport of(List<DatabaseStatus> databases, List<InstanceStatus> instances, List<FleetStatus> fleets,
                          List<RecordStatus> dns, List<SiteSwitchStatus> siteSwitches, List<StepStatus> steps) {
        List<Position> votes = new ArrayList<>();
        instances.forEach(i -> votes.add(i.position()));
        fleets.forEach(f -> votes.add(f.position()));
        dns.forEach(r -> votes.add(r.position()));
        siteSwitches.forEach(s -> votes.add(s.position()));
        steps.forEach(s -> votes.add(s.position()));
        if (votes.isEmpty()) {
            databases.forEach(d -> votes.add(d.position()));
        }
        return new StateReport(SystemState.of(votes), databases, instances, fleets, dns, siteSwitches, steps);
    }

    /**
     * @param replicaSource the source the replica follows; null once promoted
     * @param promoted      promoted by failover (tagged {@value Tags#PROMOTED}) or no longer a replica
     */
    public record DatabaseStatus(String path, String region, String dbInstanceIdentifier, String status,
                                 String replicaSource, boolean promoted, Position position) {
    }

    /** @param states instance id to EC2 state name (pending, running, stopping, stopped...) */
    public record InstanceStatus(String path, String region, Map<String, String> states, Position position) {
    }

    /**
     * @param inService       instances InService and Healthy
     * @param instanceType    the type the group launches (from its launch template version); null if unknown
     * @param inServiceTypes  instance type to count, over InService instances
     */
    public record FleetStatus(String path, String region, String autoScalingGroupName, Capacity capacity,
                              int inService, int minHealthy, String instanceType, Map<String, Integer> inServiceTypes,
                              List<TargetGroupStatus> targetGroups, boolean healthy, Position position) {
    }

    public record TargetGroupStatus(String targetGroupArn, int healthy, int registered) {
    }

    /** @param weight for weighted records; null otherwise. {@code target} is the values or the alias DNS name. */
    public record RecordStatus(String path, String hostedZoneId, String record, Long weight, String target,
                               String healthCheckId, Position position) {
    }

    /**
     * @param lastValue  the latest datapoint of the last 15 minutes; null when there is none
     * @param alarmState the state of the alarm(s) on the switch metric, which Route 53 follows: {@code ALARM} when one
     *                   is, else {@code OK} or {@code INSUFFICIENT_DATA}; null when no alarm watches the metric. When
     *                   it tells, it decides the position: a failback published in the same minute as the failover
     *                   leaves the metric's last value normal and the alarm (the site) switched off.
     */
    public record SiteSwitchStatus(String path, String region, String site, Double lastValue, String alarmState, Position position) {
    }

    /**
     * The state of one step of a kind that reads its own state ({@link StepExecutor#inspect}).
     *
     * @param kind     the step's kind, e.g. {@code scaleService}
     * @param resource what the step works on, as people name it (a service, a cluster, a function)
     * @param status   the resource's own status word as AWS gives it (ACTIVE, available ...); null when it has none
     * @param details  what else the kind reports, by name (counts, lag, versions); values are strings, numbers or
     *                 booleans
     */
    public record StepStatus(String path, String kind, String region, String resource, String status,
                             Map<String, Object> details, Position position) {
        public StepStatus {
            // Kept in the kind's order: the report reads better that way than in hash order.
            details = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(details));
        }
    }
}
