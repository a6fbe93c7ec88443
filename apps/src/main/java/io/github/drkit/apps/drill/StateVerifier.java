package io.github.drkit.apps.drill;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.drkit.plan.Capacity;
import io.github.drkit.plan.DatabasePlan;
import io.github.drkit.plan.FleetPlan;
import io.github.drkit.plan.InstancePlan;
import io.github.drkit.plan.RecordPlan;
import io.github.drkit.plan.RecoveryPlan;
import io.github.drkit.plan.Routing;
import io.github.drkit.plan.SiteSwitchPlan;
import io.github.drkit.plan.ZonePlan;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.LaunchTemplateSpecification;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * Reads the emulator's state and sets it against what the plan says it must be in one position: after
 * failover (recovery capacity, traffic on the recovery Region) or in normal operation (standby capacity,
 * traffic on the primary). It reads only; every answer is a {@link Check}.
 */
public final class StateVerifier {
    /** The two positions a drill verifies. */
    public enum Position {
        FAILED_OVER, NORMAL
    }

    private final DrillClients clients;
    private final boolean promotionHidden;
    private final java.util.function.Supplier<List<ApiCall>> calls;

    public StateVerifier(DrillClients clients) {
        this(clients, false, List::of);
    }

    /**
     * @param promotionHidden true for moto 5.2.1, whose PromoteReadReplica leaves the replica's source in place:
     *                        promotion is then verified from the calls made (a PromoteReadReplica that succeeded)
     * @param calls           every call the drill made so far, from its proxy
     */
    public StateVerifier(DrillClients clients, boolean promotionHidden, java.util.function.Supplier<List<ApiCall>> calls) {
        this.clients = clients;
        this.promotionHidden = promotionHidden;
        this.calls = calls;
    }

    public List<Check> verify(RecoveryPlan plan, Position position) {
        List<Check> checks = new ArrayList<>();
        boolean over = position == Position.FAILED_OVER;
        for (FleetPlan fleet : plan.fleets()) {
            fleet(fleet, over, checks);
        }
        for (InstancePlan instances : plan.instances()) {
            for (Instance i : clients.ec2(instances.region()).describeInstances(b -> b.instanceIds(instances.instanceIds()))
                    .reservations().stream().flatMap(r -> r.instances().stream()).toList()) {
                checks.add(Check.of("instance " + i.instanceId() + " (" + instances.region() + ") state",
                        over ? "running" : "stopped", i.state().nameAsString()));
            }
        }
        if (over) {
            for (DatabasePlan db : plan.databases()) {
                if (promotionHidden) {
                    long promoted = calls.get().stream().filter(c -> c.operation().equals("rds:PromoteReadReplica")
                            && c.region().equals(db.region()) && c.status() == 200).count();
                    checks.add(Check.of("database " + db.dbInstanceIdentifier() + " (" + db.region() + ") promotion requested "
                            + "(the emulator does not show promotion)", "PromoteReadReplica answered 200",
                            promoted > 0 ? "PromoteReadReplica answered 200" : "no successful PromoteReadReplica"));
                    continue;
                }
                String source = clients.rds(db.region()).describeDBInstances(b -> b.dbInstanceIdentifier(db.dbInstanceIdentifier()))
                        .dbInstances().get(0).readReplicaSourceDBInstanceIdentifier();
                checks.add(Check.of("database " + db.dbInstanceIdentifier() + " (" + db.region() + ") is a standalone writer",
                        "no replication source", source == null ? "no replication source" : "replica of " + source));
            }
        }
        for (ZonePlan zone : plan.dns()) {
            List<ResourceRecordSet> live = DnsState.records(clients.route53(), zone.hostedZoneId());
            for (RecordPlan record : zone.records()) {
                ResourceRecordSet r = DnsState.find(live, record);
                String subject = "record " + record.key();
                if (r == null) {
                    checks.add(Check.of(subject, "present", "missing"));
                } else if (record.routing() == Routing.WEIGHTED) {
                    checks.add(Check.of(subject + " weight", over ? record.failoverWeight() : record.normalWeight(), r.weight()));
                } else {
                    checks.add(Check.of(subject + " target", DnsState.target(over ? record.recovery() : record.normal()), DnsState.target(r)));
                }
            }
        }
        for (SiteSwitchPlan site : plan.siteSwitches()) {
            String subject = "site switch " + site.namespace() + "/" + site.metricName() + " " + site.dimensions() + " (" + site.region() + ")";
            String latest = latest(site);
            if (latest.equals(NO_DATA) && !over) {
                // Before the first failover the switch has never been published: the site is in service.
                checks.add(new Check(subject + " latest value", site.normalValue() + " or no data", "no data", true));
            } else {
                checks.add(Check.of(subject + " latest value", over ? site.failoverValue() : site.normalValue(), latest));
            }
        }
        return checks;
    }

    private void fleet(FleetPlan fleet, boolean over, List<Check> checks) {
        List<AutoScalingGroup> groups = clients.autoScaling(fleet.region())
                .describeAutoScalingGroups(b -> b.autoScalingGroupNames(fleet.autoScalingGroupName())).autoScalingGroups();
        String name = "fleet " + fleet.autoScalingGroupName() + " (" + fleet.region() + ")";
        if (groups.isEmpty()) {
            checks.add(Check.of(name, "present", "missing"));
            return;
        }
        AutoScalingGroup g = groups.get(0);
        Capacity want = over ? fleet.recovery() : fleet.standby();
        checks.add(Check.of(name + " min/desired/max", want.min() + "/" + want.desired() + "/" + want.max(),
                g.minSize() + "/" + g.desiredCapacity() + "/" + g.maxSize()));
        int inService = (int) g.instances().stream().filter(i -> "InService".equals(i.lifecycleStateAsString())).count();
        if (over) {
            checks.add(Check.atLeast(name + " in-service instances", fleet.minHealthy(), inService));
            for (String tg : fleet.targetGroupArns()) {
                int healthy = (int) clients.elbv2(fleet.region()).describeTargetHealth(b -> b.targetGroupArn(tg))
                        .targetHealthDescriptions().stream()
                        .filter(t -> t.targetHealth() != null && "healthy".equals(t.targetHealth().stateAsString())).count();
                checks.add(Check.atLeast(name + " healthy targets in " + tg, fleet.minHealthy(), healthy));
            }
        } else {
            checks.add(Check.of(name + " in-service instances", want.desired(), inService));
        }
        if (fleet.scalesVertically()) {
            checks.add(Check.of(name + " launch template instance type",
                    over ? fleet.recoveryInstanceType() : fleet.standbyInstanceType(), instanceType(fleet.region(), g)));
        }
    }

    private String instanceType(String region, AutoScalingGroup g) {
        LaunchTemplateSpecification lt = g.launchTemplate();
        if (lt == null && g.mixedInstancesPolicy() != null) {
            lt = g.mixedInstancesPolicy().launchTemplate().launchTemplateSpecification();
        }
        if (lt == null) {
            return "(no launch template)";
        }
        LaunchTemplateSpecification spec = lt;
        String version = spec.version() == null ? "$Default" : spec.version();
        try {
            return clients.ec2(region).describeLaunchTemplateVersions(b -> {
                        if (spec.launchTemplateId() != null) {
                            b.launchTemplateId(spec.launchTemplateId());
                        } else {
                            b.launchTemplateName(spec.launchTemplateName());
                        }
                        b.versions(version);
                    }).launchTemplateVersions().stream()
                    .map(v -> v.launchTemplateData().instanceTypeAsString()).findFirst().orElse("(no version " + version + ")");
        } catch (AwsServiceException e) {
            return "(unreadable: " + e.awsErrorDetails().errorMessage() + ")";
        }
    }

    /** The newest datapoint's Maximum over the last hour, as the runtime reads a switch; why it cannot be read, if it cannot. */
    private String latest(SiteSwitchPlan site) {
        try {
            return clients.cloudWatch().latestMaximum(site.region(), site.namespace(), site.metricName(), site.dimensions(),
                    Duration.ofHours(1)).map(value -> Double.toString(value)).orElse(NO_DATA);
        } catch (RuntimeException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static final String NO_DATA = "(no data)";
}
