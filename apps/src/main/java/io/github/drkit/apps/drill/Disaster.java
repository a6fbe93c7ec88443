package io.github.drkit.apps.drill;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.drkit.runtime.plan.RecordPlan;
import io.github.drkit.runtime.plan.RecoveryPlan;
import io.github.drkit.runtime.plan.Routing;
import io.github.drkit.runtime.plan.ZonePlan;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * The disaster the drill injects: the primary site stops answering. Its Auto Scaling groups lose every
 * instance, its instances stop, and its Route 53 health checks fail (inverted, the usual game-day way to
 * fail a health check without touching the endpoint). {@link #repair()} puts the site back before failback.
 */
public final class Disaster {
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);

    private final DrillClients clients;
    private final String primaryRegion;
    private final List<FleetCapacity> fleets = new ArrayList<>();
    private final List<String> stoppedInstances = new ArrayList<>();
    private final List<String> invertedHealthChecks = new ArrayList<>();
    private final List<String> actions = new ArrayList<>();
    private final List<Check> checks = new ArrayList<>();

    /** An Auto Scaling group of the primary site and the capacity it had before the disaster. */
    private record FleetCapacity(String name, int min, int desired, int max) {
    }

    private Disaster(DrillClients clients, String primaryRegion) {
        this.clients = clients;
        this.primaryRegion = primaryRegion;
    }

    /** The Region the plan fails over from: the plan's primary Region, else the target's other Region. */
    public static String primaryRegion(RecoveryPlan plan, DrillTarget target) {
        if (plan.primaryRegion() != null) {
            return plan.primaryRegion();
        }
        return target.regions().stream().filter(r -> !r.equals(plan.recoveryRegion())).findFirst()
                .orElseThrow(() -> new DrillException("the plan of " + target.name() + " names no primaryRegion and every stack "
                        + "deploys to the recovery Region " + plan.recoveryRegion() + ": there is no primary site to fail"));
    }

    /** Fails the primary site of a deployed target. */
    public static Disaster inject(DrillClients clients, RecoveryPlan plan, DrillTarget target, List<DeployedStack> deployed) {
        Disaster d = new Disaster(clients, primaryRegion(plan, target));
        d.failFleets(deployed);
        d.stopInstances(deployed);
        d.failHealthChecks(plan, deployed);
        if (d.actions.isEmpty()) {
            throw new DrillException("the primary site of " + target.name() + " in " + d.primaryRegion + " has no Auto Scaling group, "
                    + "instance or health check the drill could fail");
        }
        return d;
    }

    public String primaryRegion() {
        return primaryRegion;
    }

    /** What was done to the primary site, one line each. */
    public List<String> actions() {
        return List.copyOf(actions);
    }

    /** Checks that the primary site is down in the emulator. */
    public List<Check> checks() {
        return List.copyOf(checks);
    }

    /** Brings the primary site back: capacity as before, instances started, health checks passing. */
    public List<String> repair() {
        List<String> done = new ArrayList<>();
        AutoScalingClient asg = clients.autoScaling(primaryRegion);
        for (FleetCapacity f : fleets) {
            asg.updateAutoScalingGroup(b -> b.autoScalingGroupName(f.name()).minSize(f.min()).maxSize(f.max()).desiredCapacity(f.desired()));
            done.add("restored " + f.name() + " (" + primaryRegion + ") to min " + f.min() + ", desired " + f.desired() + ", max " + f.max());
        }
        if (!stoppedInstances.isEmpty()) {
            clients.ec2(primaryRegion).startInstances(b -> b.instanceIds(stoppedInstances));
            done.add("started " + String.join(", ", stoppedInstances) + " (" + primaryRegion + ")");
        }
        for (String id : invertedHealthChecks) {
            clients.route53().updateHealthCheck(b -> b.healthCheckId(id).inverted(false));
            done.add("health check " + id + " passes again (no longer inverted)");
        }
        return done;
    }

    private void failFleets(List<DeployedStack> deployed) {
        AutoScalingClient asg = clients.autoScaling(primaryRegion);
        for (DeployedStack stack : deployed) {
            if (!stack.stack().region().equals(primaryRegion)) {
                continue;
            }
            for (String name : stack.physicalIdsOfType("AWS::AutoScaling::AutoScalingGroup")) {
                AutoScalingGroup g = group(asg, name);
                fleets.add(new FleetCapacity(name, g.minSize(), g.desiredCapacity(), g.maxSize()));
                asg.updateAutoScalingGroup(b -> b.autoScalingGroupName(name).minSize(0).desiredCapacity(0));
                actions.add("fleet " + name + " (" + primaryRegion + ") lost its " + g.instances().size()
                        + " instance(s): capacity " + g.desiredCapacity() + " -> 0");
                int left = awaitDrained(asg, name);
                checks.add(Check.of("primary fleet " + name + " in-service instances", 0, left));
            }
        }
    }

    private static int awaitDrained(AutoScalingClient asg, String name) {
        Instant deadline = Instant.now().plus(DRAIN_TIMEOUT);
        while (true) {
            int inService = (int) group(asg, name).instances().stream()
                    .filter(i -> "InService".equals(i.lifecycleStateAsString())).count();
            if (inService == 0 || Instant.now().isAfter(deadline)) {
                return inService;
            }
            Sleep.quietly(Duration.ofMillis(250));
        }
    }

    private void stopInstances(List<DeployedStack> deployed) {
        for (DeployedStack stack : deployed) {
            if (stack.stack().region().equals(primaryRegion)) {
                stoppedInstances.addAll(stack.physicalIdsOfType("AWS::EC2::Instance"));
            }
        }
        if (!stoppedInstances.isEmpty()) {
            clients.ec2(primaryRegion).stopInstances(b -> b.instanceIds(stoppedInstances));
            actions.add("stopped " + String.join(", ", stoppedInstances) + " (" + primaryRegion + ")");
        }
    }

    /**
     * The health checks of the primary site: those on the records that carry traffic in normal operation
     * (weighted records whose normal weight is above their failover weight, and failover-routing records),
     * and those defined by the primary Region's stacks.
     */
    private void failHealthChecks(RecoveryPlan plan, List<DeployedStack> deployed) {
        Set<String> ids = new LinkedHashSet<>();
        for (ZonePlan zone : plan.dns()) {
            List<ResourceRecordSet> live = DnsState.records(clients.route53(), zone.hostedZoneId());
            for (RecordPlan record : zone.records()) {
                boolean primaryFacing = record.routing() == Routing.FAILOVER
                        || record.routing() == Routing.WEIGHTED && record.normalWeight() > record.failoverWeight();
                ResourceRecordSet r = DnsState.find(live, record);
                if (primaryFacing && r != null && r.healthCheckId() != null) {
                    ids.add(r.healthCheckId());
                }
            }
        }
        for (DeployedStack stack : deployed) {
            if (stack.stack().region().equals(primaryRegion)) {
                ids.addAll(stack.physicalIdsOfType("AWS::Route53::HealthCheck"));
            }
        }
        for (String id : ids) {
            clients.route53().updateHealthCheck(b -> b.healthCheckId(id).inverted(true));
            invertedHealthChecks.add(id);
            actions.add("health check " + id + " fails (inverted)");
            Boolean inverted = clients.route53().getHealthCheck(b -> b.healthCheckId(id)).healthCheck().healthCheckConfig().inverted();
            checks.add(Check.of("primary health check " + id + " inverted", true, Boolean.TRUE.equals(inverted)));
        }
    }

    private static AutoScalingGroup group(AutoScalingClient asg, String name) {
        List<AutoScalingGroup> groups = asg.describeAutoScalingGroups(b -> b.autoScalingGroupNames(name)).autoScalingGroups();
        if (groups.isEmpty()) {
            throw new DrillException("Auto Scaling group " + name + " is gone from the emulator");
        }
        return groups.get(0);
    }
}
