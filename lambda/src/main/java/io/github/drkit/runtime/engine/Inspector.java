package io.github.drkit.runtime.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.github.drkit.plan.DatabasePlan;
import io.github.drkit.plan.FleetPlan;
import io.github.drkit.plan.InstancePlan;
import io.github.drkit.plan.PlanValidationException;
import io.github.drkit.plan.RecordPlan;
import io.github.drkit.plan.RecoveryPlan;
import io.github.drkit.plan.SiteSwitchPlan;
import io.github.drkit.runtime.aws.api.MetricAlarm;
import io.github.drkit.plan.ZonePlan;
import io.github.drkit.plan.Capacity;
import io.github.drkit.runtime.aws.AwsServiceError;
import io.github.drkit.runtime.aws.api.AutoScalingGroup;
import io.github.drkit.runtime.aws.api.DbInstance;
import io.github.drkit.runtime.aws.api.Ec2Api;
import io.github.drkit.runtime.aws.api.RecordSet;

/**
 * Reads the live state of every resource in a plan, all Regions and services at once. Doubles as the
 * preflight: a resource the plan names but AWS does not know is a {@link PlanValidationException} naming
 * the plan field, raised before any mutating call.
 */
final class Inspector {
    private static final int ASG_NAMES_PER_CALL = 50;

    private final StepClients clients;
    private final Parallel parallel;

    Inspector(StepClients clients, Parallel parallel) {
        this.clients = clients;
        this.parallel = parallel;
    }

    /**
     * @param action             what the run does: restore kinds need a recovery point only when it goes forward
     * @param restorePointBefore the time restore kinds choose their recovery point at or before; null for the latest
     */
    LiveState read(RecoveryPlan plan, boolean checkTopic, Action action, java.time.Instant restorePointBefore) {
        Map<String, DbInstance> databases = new ConcurrentHashMap<>();
        Map<String, Map<String, String>> instances = new ConcurrentHashMap<>();
        Map<String, LiveState.FleetLive> fleets = new ConcurrentHashMap<>();
        Map<String, List<RecordSet>> zones = new ConcurrentHashMap<>();
        Map<String, Double> switches = new ConcurrentHashMap<>();
        Map<String, List<MetricAlarm>> switchAlarms = new ConcurrentHashMap<>();
        List<Callable<Void>> reads = new ArrayList<>();
        for (DatabasePlan db : plan.databases()) {
            reads.add(() -> { databases.put(db.path(), readDatabase(db)); return null; });
        }
        for (InstancePlan group : plan.instances()) {
            reads.add(() -> { instances.put(group.path(), readInstances(group)); return null; });
        }
        // One DescribeAutoScalingGroups call per account and Region (and per 50 groups), not one per fleet.
        Map<String, List<FleetPlan>> fleetsByRegion = byAccountAndRegion(plan.fleets());
        for (List<FleetPlan> regionFleets : fleetsByRegion.values()) {
            for (int i = 0; i < regionFleets.size(); i += ASG_NAMES_PER_CALL) {
                List<FleetPlan> chunk = regionFleets.subList(i, Math.min(regionFleets.size(), i + ASG_NAMES_PER_CALL));
                reads.add(() -> { readFleets(chunk).forEach(f -> fleets.put(f.plan().path(), f)); return null; });
            }
        }
        for (ZonePlan zone : plan.dns()) {
            reads.add(() -> { zones.put(zone.path(), readZone(zone)); return null; });
        }
        for (SiteSwitchPlan site : plan.siteSwitches()) {
            reads.add(() -> { readSwitch(site).ifPresent(v -> switches.put(site.path(), v)); return null; });
            reads.add(() -> { switchAlarms.put(site.path(), readSwitchAlarms(site)); return null; });
        }
        if (checkTopic && plan.notificationTopicArn() != null) {
            reads.add(() -> { checkTopic(plan.notificationTopicArn()); return null; });
        }
        Map<String, StepLive> steps = new ConcurrentHashMap<>();
        reads.add(() -> { steps.putAll(StepExecutors.inspect(plan, new Inspection(clients, parallel, restorePointBefore, action.failsOver()))); return null; });
        parallel.all(reads);

        Map<String, RecordSet> records = new HashMap<>();
        for (ZonePlan zone : plan.dns()) {
            for (RecordPlan record : zone.records()) {
                RecordSet live = DnsRecords.find(zones.get(zone.path()), record);
                if (live == null) {
                    throw new PlanValidationException(record.path(), "record " + record.key() + " not found in hosted zone "
                            + zone.hostedZoneId() + "; the runtime changes existing records, it does not create them");
                }
                records.put(record.path(), live);
            }
        }
        return new LiveState(databases, instances, fleets, zones, records, switches, switchAlarms, steps,
                report(plan, databases, instances, fleets, records, switches, switchAlarms, steps));
    }

    /** Re-reads only what the health gate needs: fleets (with target groups), instances and databases. */
    Map<String, LiveState.FleetLive> readFleetsOnly(List<FleetPlan> plans) {
        Map<String, LiveState.FleetLive> fleets = new ConcurrentHashMap<>();
        Map<String, List<FleetPlan>> byRegion = byAccountAndRegion(plans);
        List<Callable<Void>> reads = new ArrayList<>();
        for (List<FleetPlan> regionFleets : byRegion.values()) {
            for (int i = 0; i < regionFleets.size(); i += ASG_NAMES_PER_CALL) {
                List<FleetPlan> chunk = regionFleets.subList(i, Math.min(regionFleets.size(), i + ASG_NAMES_PER_CALL));
                reads.add(() -> { readFleetsHealth(chunk).forEach(f -> fleets.put(f.plan().path(), f)); return null; });
            }
        }
        parallel.all(reads);
        return fleets;
    }

    /** Fleets grouped so that one describe call reads a group: same clients (account) and Region. */
    private Map<String, List<FleetPlan>> byAccountAndRegion(List<FleetPlan> fleets) {
        return fleets.stream().collect(Collectors.groupingBy(f -> clients.account(f) + "/" + f.region(),
                LinkedHashMap::new, Collectors.toList()));
    }

    DbInstance readDatabase(DatabasePlan db) {
        try {
            return clients.of(db).rds().describe(db.region(), db.dbInstanceIdentifier());
        } catch (AwsServiceError e) {
            if (e.is("DBInstanceNotFound", "DBInstanceNotFoundFault")) {
                throw new PlanValidationException(db.path() + ".dbInstanceIdentifier", "DB instance '" + db.dbInstanceIdentifier()
                        + "' not found in " + db.region());
            }
            throw e;
        }
    }

    Map<String, String> readInstances(InstancePlan group) {
        Map<String, String> states = clients.of(group).ec2().instanceStates(group.region(), group.instanceIds());
        for (int i = 0; i < group.instanceIds().size(); i++) {
            String id = group.instanceIds().get(i);
            if (!states.containsKey(id) || "terminated".equals(states.get(id))) {
                throw new PlanValidationException(group.path() + ".instanceIds[" + i + "]", "EC2 instance '" + id + "' "
                        + (states.containsKey(id) ? "is terminated" : "not found") + " in " + group.region());
            }
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        group.instanceIds().forEach(id -> ordered.put(id, states.get(id)));
        return ordered;
    }

    private List<LiveState.FleetLive> readFleets(List<FleetPlan> plans) {
        List<LiveState.FleetLive> health = readFleetsHealth(plans);
        List<Callable<LiveState.FleetLive>> withTemplates = new ArrayList<>();
        for (LiveState.FleetLive fleet : health) {
            withTemplates.add(() -> fleet.plan().scalesVertically() ? withLaunchTemplate(fleet) : fleet);
        }
        return parallel.all(withTemplates);
    }

    private List<LiveState.FleetLive> readFleetsHealth(List<FleetPlan> plans) {
        String region = plans.get(0).region();
        Map<String, AutoScalingGroup> groups = new HashMap<>();
        clients.of(plans.get(0)).autoScaling().describe(region, plans.stream().map(FleetPlan::autoScalingGroupName).toList())
                .forEach(g -> groups.put(g.name(), g));
        List<Callable<LiveState.FleetLive>> reads = new ArrayList<>();
        for (FleetPlan fleet : plans) {
            AutoScalingGroup group = groups.get(fleet.autoScalingGroupName());
            if (group == null) {
                throw new PlanValidationException(fleet.path() + ".autoScalingGroupName", "Auto Scaling group '"
                        + fleet.autoScalingGroupName() + "' not found in " + region);
            }
            reads.add(() -> {
                Map<String, int[]> targets = new LinkedHashMap<>();
                for (int i = 0; i < fleet.targetGroupArns().size(); i++) {
                    targets.put(fleet.targetGroupArns().get(i), targetHealth(fleet, i));
                }
                int inService = inService(group);
                boolean healthy = inService >= fleet.minHealthy()
                        && targets.values().stream().allMatch(t -> t[0] >= fleet.minHealthy());
                return new LiveState.FleetLive(fleet, group, null, null, null, null, targets, healthy);
            });
        }
        return parallel.all(reads);
    }

    static int inService(AutoScalingGroup group) {
        return (int) group.instances().stream()
                .filter(i -> "InService".equals(i.lifecycleState()) && "Healthy".equalsIgnoreCase(i.healthStatus()))
                .count();
    }

    /** Healthy and registered targets of one target group. */
    private int[] targetHealth(FleetPlan fleet, int index) {
        String arn = fleet.targetGroupArns().get(index);
        try {
            List<String> targets = clients.of(fleet).elb().targetStates(fleet.region(), arn);
            int healthy = (int) targets.stream().filter("healthy"::equals).count();
            return new int[] {healthy, targets.size()};
        } catch (AwsServiceError e) {
            if (e.is("TargetGroupNotFound")) {
                throw new PlanValidationException(fleet.path() + ".targetGroupArns[" + index + "]", "target group '" + arn
                        + "' not found in " + fleet.region());
            }
            throw e;
        }
    }

    private LiveState.FleetLive withLaunchTemplate(LiveState.FleetLive fleet) {
        FleetPlan plan = fleet.plan();
        AutoScalingGroup group = fleet.group();
        AutoScalingGroup.LaunchTemplateRef spec = group.launchTemplate();
        if (spec == null) {
            String uses = group.mixedInstancesPolicy() ? "a mixed instances policy"
                    : group.launchConfigurationName() != null ? "launch configuration '" + group.launchConfigurationName() + "'"
                    : "no launch template";
            throw new PlanValidationException(plan.path() + ".recoveryInstanceType", "Auto Scaling group '"
                    + plan.autoScalingGroupName() + "' uses " + uses + "; vertical scaling needs a launch template");
        }
        String version = spec.version() == null ? "$Default" : spec.version();
        Ec2Api.LaunchTemplateVersion live = clients.of(plan).ec2().launchTemplateVersion(plan.region(), spec.id(), spec.name(), version);
        if (live == null) {
            throw new PlanValidationException(plan.path() + ".autoScalingGroupName", "launch template version " + version
                    + " of Auto Scaling group '" + plan.autoScalingGroupName() + "' not found");
        }
        String type = live.instanceType();
        return new LiveState.FleetLive(plan, group, live.launchTemplateId(), version, live.versionNumber(), type,
                fleet.targetHealth(), fleet.healthy());
    }

    private List<RecordSet> readZone(ZonePlan zone) {
        try {
            return clients.of(zone).route53().allRecords(zone.hostedZoneId());
        } catch (AwsServiceError e) {
            if (e.is("NoSuchHostedZone")) {
                throw new PlanValidationException(zone.path() + ".hostedZoneId", "hosted zone '" + zone.hostedZoneId() + "' not found");
            }
            throw e;
        }
    }

    /**
     * The latest value of a site switch metric, empty when there is none or it cannot be read: the switch is
     * written by failover whatever its last value, so an unreadable metric must not block a recovery.
     */
    private java.util.Optional<Double> readSwitch(SiteSwitchPlan site) {
        try {
            return readSwitchValue(site);
        } catch (RuntimeException unreadable) {
            return java.util.Optional.empty();
        }
    }

    /**
     * The threshold alarms on a switch metric; empty when there are none or they cannot be read (then the metric's
     * value alone tells the position, as before alarms were read).
     */
    List<MetricAlarm> readSwitchAlarms(SiteSwitchPlan site) {
        try {
            return switchAlarms(site);
        } catch (io.github.drkit.runtime.aws.DeadlineExceededException e) {
            throw e;
        } catch (RuntimeException unreadable) {
            return List.of();
        }
    }

    /** The threshold alarms on a switch metric; throws when they cannot be read (a switch step must then not claim success). */
    List<MetricAlarm> switchAlarms(SiteSwitchPlan site) {
        return clients.of(site).cloudWatch().alarmsForMetric(site.region(), site.namespace(), site.metricName(), site.dimensions())
                .stream().filter(MetricAlarm::thresholdBased).toList();
    }

    /** The state the alarms add up to: ALARM when one is, else OK when one is, else INSUFFICIENT_DATA; null without alarms. */
    static String alarmState(List<MetricAlarm> alarms) {
        if (alarms == null || alarms.isEmpty()) {
            return null;
        }
        if (alarms.stream().anyMatch(a -> MetricAlarm.ALARM.equals(a.state()))) {
            return MetricAlarm.ALARM;
        }
        return alarms.stream().anyMatch(a -> MetricAlarm.OK.equals(a.state())) ? MetricAlarm.OK : "INSUFFICIENT_DATA";
    }

    /** Where the alarms put the switch: the position whose value gives their state; null when they do not tell. */
    static Position alarmPosition(SiteSwitchPlan site, List<MetricAlarm> alarms) {
        String state = alarmState(alarms);
        if (state == null || !(MetricAlarm.OK.equals(state) || MetricAlarm.ALARM.equals(state))) {
            return null;
        }
        boolean normal = alarms.stream().allMatch(a -> a.stateFor(site.normalValue()).equals(a.state()));
        boolean failedOver = alarms.stream().allMatch(a -> a.stateFor(site.failoverValue()).equals(a.state()));
        return normal == failedOver ? null : normal ? Position.NORMAL : Position.FAILED_OVER;
    }

    private java.util.Optional<Double> readSwitchValue(SiteSwitchPlan site) {
        return clients.of(site).cloudWatch().latestMaximum(site.region(), site.namespace(), site.metricName(), site.dimensions(),
                Duration.ofMinutes(15));
    }

    private void checkTopic(String arn) {
        String region = arn.split(":")[3];
        try {
            clients.own().sns().checkTopic(region, arn);
        } catch (AwsServiceError e) {
            if (e.is("NotFound", "NotFoundException")) {
                throw new PlanValidationException("notificationTopicArn", "SNS topic '" + arn + "' not found");
            }
            throw e;
        }
    }

    private StateReport report(RecoveryPlan plan, Map<String, DbInstance> databases, Map<String, Map<String, String>> instances,
                               Map<String, LiveState.FleetLive> fleets, Map<String, RecordSet> records,
                               Map<String, Double> switches, Map<String, List<MetricAlarm>> switchAlarms,
                               Map<String, StepLive> steps) {
        List<StateReport.DatabaseStatus> dbs = new ArrayList<>();
        for (DatabasePlan db : plan.databases()) {
            dbs.add(databaseStatus(db, databases.get(db.path())));
        }
        List<StateReport.InstanceStatus> groups = new ArrayList<>();
        for (InstancePlan group : plan.instances()) {
            Map<String, String> states = instances.get(group.path());
            boolean running = states.values().stream().allMatch("running"::equals);
            boolean stopped = states.values().stream().allMatch("stopped"::equals);
            groups.add(new StateReport.InstanceStatus(group.path(), group.region(), states,
                    running ? Position.FAILED_OVER : stopped ? Position.NORMAL : Position.OTHER));
        }
        List<StateReport.FleetStatus> fleetStatuses = new ArrayList<>();
        for (FleetPlan fleet : plan.fleets()) {
            fleetStatuses.add(fleetStatus(fleets.get(fleet.path())));
        }
        List<StateReport.RecordStatus> dns = new ArrayList<>();
        for (ZonePlan zone : plan.dns()) {
            for (RecordPlan record : zone.records()) {
                RecordSet live = records.get(record.path());
                dns.add(new StateReport.RecordStatus(record.path(), zone.hostedZoneId(), record.key(), live.weight(),
                        DnsRecords.describeTarget(live), live.healthCheckId(), DnsRecords.position(record, live)));
            }
        }
        List<StateReport.SiteSwitchStatus> sites = new ArrayList<>();
        for (SiteSwitchPlan site : plan.siteSwitches()) {
            Double value = switches.get(site.path());
            List<MetricAlarm> alarms = switchAlarms.get(site.path());
            Position byAlarm = alarmPosition(site, alarms);
            Position position = byAlarm != null ? byAlarm
                    : value == null ? Position.EITHER
                    : value == site.failoverValue() ? Position.FAILED_OVER
                    : value == site.normalValue() ? Position.NORMAL : Position.OTHER;
            sites.add(new StateReport.SiteSwitchStatus(site.path(), site.region(), site.site(), value, alarmState(alarms), position));
        }
        // A step built in code may have no path (a converted version 1 health gate): it has no state of its own.
        List<StateReport.StepStatus> others = plan.steps().stream().filter(step -> step.path() != null)
                .map(step -> steps.get(step.path())).filter(Objects::nonNull).map(StepLive::status).toList();
        return StateReport.of(dbs, groups, fleetStatuses, dns, sites, others);
    }

    static StateReport.DatabaseStatus databaseStatus(DatabasePlan db, DbInstance live) {
        boolean tagged = live.tags().containsKey(Tags.PROMOTED);
        String source = live.readReplicaSource();
        // A replica whose source is gone is promoted; so is one failover promoted and that is available again.
        boolean promoted = source == null || (tagged && "available".equals(live.status()));
        return new StateReport.DatabaseStatus(db.path(), db.region(), db.dbInstanceIdentifier(), live.status(),
                source, promoted, promoted ? Position.FAILED_OVER : Position.NORMAL);
    }

    static StateReport.FleetStatus fleetStatus(LiveState.FleetLive live) {
        FleetPlan plan = live.plan();
        AutoScalingGroup group = live.group();
        Capacity capacity = new Capacity(group.minSize(), group.desiredCapacity(), group.maxSize());
        Map<String, Integer> types = new TreeMap<>();
        group.instances().stream().filter(i -> "InService".equals(i.lifecycleState()))
                .forEach(i -> types.merge(Objects.requireNonNullElse(i.instanceType(), "unknown"), 1, Integer::sum));
        List<StateReport.TargetGroupStatus> targets = new ArrayList<>();
        live.targetHealth().forEach((arn, counts) -> targets.add(new StateReport.TargetGroupStatus(arn, counts[0], counts[1])));
        return new StateReport.FleetStatus(plan.path(), plan.region(), plan.autoScalingGroupName(), capacity,
                inService(group), plan.minHealthy(), live.instanceType(), types, targets, live.healthy(), fleetPosition(plan, live));
    }

    static Position fleetPosition(FleetPlan plan, LiveState.FleetLive live) {
        AutoScalingGroup group = live.group();
        Capacity recovery = plan.recovery();
        Capacity standby = plan.standby();
        boolean failedOver = group.minSize() >= recovery.min() && group.desiredCapacity() >= recovery.desired()
                && group.maxSize() >= recovery.max()
                && (!plan.scalesVertically() || plan.recoveryInstanceType().equals(live.instanceType()));
        // Desired capacity may float between min and max in normal operation (scaling policies); min and max may not.
        boolean normal = group.minSize() == standby.min() && group.maxSize() == standby.max()
                && group.desiredCapacity() <= Math.max(standby.desired(), standby.min())
                && (!plan.scalesVertically() || plan.standbyInstanceType().equals(live.instanceType()));
        if (normal && failedOver) {
            return Position.EITHER;
        }
        return failedOver ? Position.FAILED_OVER : normal ? Position.NORMAL : Position.OTHER;
    }
}
