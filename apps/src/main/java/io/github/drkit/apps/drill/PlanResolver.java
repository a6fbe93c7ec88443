package io.github.drkit.apps.drill;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.drkit.plan.FleetPlan;
import io.github.drkit.plan.InstancePlan;
import io.github.drkit.plan.DatabasePlan;
import io.github.drkit.plan.RecordPlan;
import io.github.drkit.plan.RecoveryPlan;
import io.github.drkit.plan.ZonePlan;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * Reads the recovery plan out of the deployed failover function, the way the function reads it at run
 * time, and checks that every resource it names exists in the emulator.
 *
 * <p>A plan that names a group, zone or record the stacks did not create would fail in a real disaster;
 * the drill finds it before any change is made.
 */
public final class PlanResolver {
    private final DrillClients clients;

    public PlanResolver(DrillClients clients) {
        this.clients = clients;
    }

    public ResolvedPlan resolve(DeployedStack planStack, String functionLogicalId) {
        String function = planStack.physicalIds().get(functionLogicalId);
        if (function == null || function.isEmpty()) {
            throw new DrillException("the failover function " + functionLogicalId + " of " + planStack.stack().stackName()
                    + " was not created by the emulator");
        }
        String region = planStack.stack().region();
        GetFunctionConfigurationResponse config = clients.lambda(region).getFunctionConfiguration(b -> b.functionName(function));
        Map<String, String> env = config.environment() == null ? Map.of() : config.environment().variables();
        String json;
        String source;
        if (env.containsKey(DrillTarget.PLAN_VARIABLE)) {
            json = env.get(DrillTarget.PLAN_VARIABLE);
            source = "environment variable " + DrillTarget.PLAN_VARIABLE + " of " + function;
        } else if (env.containsKey(DrillTarget.PLAN_PARAMETER_VARIABLE)) {
            String parameter = env.get(DrillTarget.PLAN_PARAMETER_VARIABLE);
            json = clients.ssm(region).getParameter(b -> b.name(parameter)).parameter().value();
            source = "SSM parameter " + parameter + " (" + region + ") named by " + function;
        } else {
            throw new DrillException("the failover function " + function + " has neither " + DrillTarget.PLAN_VARIABLE
                    + " nor " + DrillTarget.PLAN_PARAMETER_VARIABLE + " in its environment");
        }
        RecoveryPlan plan;
        try {
            plan = RecoveryPlan.parse(json);
        } catch (RuntimeException e) {
            throw new DrillException("the plan deployed in " + source + " is not valid: " + e.getMessage(), e);
        }
        return new ResolvedPlan(function, region, source, json, plan, resolution(plan));
    }

    private List<Check> resolution(RecoveryPlan plan) {
        List<Check> checks = new ArrayList<>();
        for (FleetPlan fleet : plan.fleets()) {
            int found = clients.autoScaling(fleet.region())
                    .describeAutoScalingGroups(b -> b.autoScalingGroupNames(fleet.autoScalingGroupName()))
                    .autoScalingGroups().size();
            checks.add(Check.of(fleet.path() + " Auto Scaling group " + fleet.autoScalingGroupName() + " (" + fleet.region() + ")",
                    "exists", found == 1 ? "exists" : "missing"));
            for (String tg : fleet.targetGroupArns()) {
                boolean exists;
                try {
                    exists = !clients.elbv2(fleet.region()).describeTargetGroups(b -> b.targetGroupArns(tg)).targetGroups().isEmpty();
                } catch (software.amazon.awssdk.awscore.exception.AwsServiceException e) {
                    exists = false;
                }
                checks.add(Check.of(fleet.path() + " target group " + tg, "exists", exists ? "exists" : "missing"));
            }
        }
        for (InstancePlan instances : plan.instances()) {
            for (String id : instances.instanceIds()) {
                boolean exists;
                try {
                    exists = clients.ec2(instances.region()).describeInstances(b -> b.instanceIds(id)).reservations().stream()
                            .mapToLong(r -> r.instances().size()).sum() == 1;
                } catch (software.amazon.awssdk.awscore.exception.AwsServiceException e) {
                    exists = false;
                }
                checks.add(Check.of("instance " + id + " (" + instances.region() + ")", "exists", exists ? "exists" : "missing"));
            }
        }
        for (DatabasePlan db : plan.databases()) {
            boolean exists;
            try {
                exists = !clients.rds(db.region()).describeDBInstances(b -> b.dbInstanceIdentifier(db.dbInstanceIdentifier()))
                        .dbInstances().isEmpty();
            } catch (software.amazon.awssdk.awscore.exception.AwsServiceException e) {
                exists = false;
            }
            checks.add(Check.of("database " + db.dbInstanceIdentifier() + " (" + db.region() + ")", "exists", exists ? "exists" : "missing"));
        }
        for (ZonePlan zone : plan.dns()) {
            List<ResourceRecordSet> records;
            try {
                records = DnsState.records(clients.route53(), zone.hostedZoneId());
            } catch (software.amazon.awssdk.awscore.exception.AwsServiceException e) {
                checks.add(Check.of(zone.path() + " hosted zone " + zone.hostedZoneId(), "exists", "missing"));
                continue;
            }
            checks.add(Check.of(zone.path() + " hosted zone " + zone.hostedZoneId(), "exists", "exists"));
            for (RecordPlan record : zone.records()) {
                boolean exists = DnsState.find(records, record) != null;
                checks.add(Check.of(record.path() + " record " + record.key(), "exists", exists ? "exists" : "missing"));
            }
        }
        return checks;
    }
}
