package io.github.drkit.apps.drill;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.drkit.plan.RecordPlan;
import io.github.drkit.plan.RecoveryPlan;
import io.github.drkit.plan.Routing;
import io.github.drkit.plan.SiteSwitchPlan;
import io.github.drkit.plan.ZonePlan;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * The disaster the drill injects: the primary site stops answering. Its Auto Scaling groups lose every
 * instance, its instances stop, and its Route 53 health checks fail (inverted, the usual game-day way to
 * fail a health check without touching the endpoint). {@link #repair()} puts the site back before failback.
 *
 * <p>A plan that switches sites off through the data plane (multi-site) and names no primary Region fails over
 * from those sites, which need not be in any Region (a data center): the disaster is then their endpoint
 * health checks failing, and no Region's fleet is touched.
 */
public final class Disaster {
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);

    private final DrillClients clients;
    private final String primaryRegion;
    private final List<String> switchedSites;
    private final List<FleetCapacity> fleets = new ArrayList<>();
    private final List<String> stoppedInstances = new ArrayList<>();
    private final List<String> invertedHealthChecks = new ArrayList<>();
    private final List<String> actions = new ArrayList<>();
    private final List<Check> checks = new ArrayList<>();

    /** An Auto Scaling group of the primary site and the capacity it had before the disaster. */
    private record FleetCapacity(String name, int min, int desired, int max) {
    }

    private Disaster(DrillClients clients, String primaryRegion, List<String> switchedSites) {
        this.clients = clients;
        this.primaryRegion = primaryRegion;
        this.switchedSites = switchedSites;
    }

    /**
     * The Region the plan fails over from: the plan's primary Region, else none when the plan switches sites off
     * (they fail over, wherever they are), else the target's other Region.
     */
    public static String primaryRegion(RecoveryPlan plan, DrillTarget target) {
        if (plan.primaryRegion() != null) {
            return plan.primaryRegion();
        }
        if (!plan.siteSwitches().isEmpty()) {
            return null;
        }
        return target.regions().stream().filter(r -> !r.equals(plan.recoveryRegion())).findFirst()
                .orElseThrow(() -> new DrillException("the plan of " + target.name() + " names no primaryRegion and every stack "
                        + "deploys to the recovery Region " + plan.recoveryRegion() + ": there is no primary site to fail"));
    }

    /** Fails the primary site of a deployed target. */
    public static Disaster inject(DrillClients clients, RecoveryPlan plan, DrillTarget target, List<DeployedStack> deployed) {
        Disaster d = new Disaster(clients, primaryRegion(plan, target), switchedSites(plan));
        if (d.primaryRegion != null) {
            d.failFleets(deployed);
            d.stopInstances(deployed);
        }
        d.failHealthChecks(plan, deployed);
        if (d.actions.isEmpty()) {
            throw new DrillException("the primary site of " + target.name() + " (" + d.site() + ") has no Auto Scaling group, "
                    + "instance or health check the drill could fail");
        }
        return d;
    }

    /** The Region the plan fails over from; null when the plan fails over from the sites it switches off. */
    public String primaryRegion() {
        return primaryRegion;
    }

    /** What fails, for the report: the primary Region, or the sites the plan switches off. */
    public String site() {
        return primaryRegion != null ? primaryRegion : "site" + (switchedSites.size() == 1 ? " " : "s ") + String.join(", ", switchedSites);
    }

    private static List<String> switchedSites(RecoveryPlan plan) {
        return plan.siteSwitches().stream().map(SiteSwitchPlan::site).distinct().toList();
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
        for (FleetCapacity f : fleets) {
            clients.autoScaling(primaryRegion).updateAutoScalingGroup(b -> b.autoScalingGroupName(f.name()).minSize(f.min()).maxSize(f.max()).desiredCapacity(f.desired()));
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
     * those defined by the primary Region's stacks, and the endpoint checks of the sites the plan switches off.
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
            ids.addAll(endpointChecksOfSites(stack, switchedSites));
        }
        for (String id : ids) {
            clients.route53().updateHealthCheck(b -> b.healthCheckId(id).inverted(true));
            invertedHealthChecks.add(id);
            actions.add("health check " + id + " fails (inverted)");
            Boolean inverted = clients.route53().getHealthCheck(b -> b.healthCheckId(id)).healthCheck().healthCheckConfig().inverted();
            checks.add(Check.of("primary health check " + id + " inverted", true, Boolean.TRUE.equals(inverted)));
        }
    }

    /**
     * The endpoint health checks guarding a site's records in one stack's template: the records whose set
     * identifier is the site's name, their health check, and, for a calculated check, its children that probe an
     * endpoint. The switch's own check (on a CloudWatch alarm) is left alone: failover, not the disaster, moves it.
     */
    static List<String> endpointChecksOfSites(DeployedStack stack, List<String> sites) {
        Set<String> ids = new LinkedHashSet<>();
        JsonNode resources = stack.stack().resources();
        resources.properties().forEach(resource -> {
            JsonNode properties = resource.getValue().path("Properties");
            if ("AWS::Route53::RecordSet".equals(resource.getValue().path("Type").asText())
                    && sites.contains(properties.path("SetIdentifier").asText())) {
                addEndpointChecks(stack, logicalId(properties.path("HealthCheckId")), ids);
            }
        });
        return List.copyOf(ids);
    }

    private static void addEndpointChecks(DeployedStack stack, String logicalId, Set<String> ids) {
        if (logicalId == null) {
            return;
        }
        JsonNode config = stack.stack().resources().path(logicalId).path("Properties").path("HealthCheckConfig");
        switch (config.path("Type").asText()) {
            case "CALCULATED" -> config.path("ChildHealthChecks").forEach(child -> addEndpointChecks(stack, logicalId(child), ids));
            case "CLOUDWATCH_METRIC", "RECOVERY_CONTROL", "" -> { }
            default -> {
                String id = stack.physicalIds().get(logicalId);
                if (id != null) {
                    ids.add(id);
                }
            }
        }
    }

    /** The logical id a template value refers to: {@code {"Ref": id}} or {@code {"Fn::GetAtt": [id, attribute]}}. */
    private static String logicalId(JsonNode reference) {
        if (reference.has("Ref")) {
            return reference.get("Ref").asText();
        }
        if (reference.has("Fn::GetAtt") && reference.get("Fn::GetAtt").isArray()) {
            return reference.get("Fn::GetAtt").get(0).asText();
        }
        return null;
    }

    private static AutoScalingGroup group(AutoScalingClient asg, String name) {
        List<AutoScalingGroup> groups = asg.describeAutoScalingGroups(b -> b.autoScalingGroupNames(name)).autoScalingGroups();
        if (groups.isEmpty()) {
            throw new DrillException("Auto Scaling group " + name + " is gone from the emulator");
        }
        return groups.get(0);
    }
}
