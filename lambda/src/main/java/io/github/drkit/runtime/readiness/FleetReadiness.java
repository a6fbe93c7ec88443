package io.github.drkit.runtime.readiness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.github.drkit.plan.FleetPlan;
import io.github.drkit.plan.ScaleFleetKind;
import io.github.drkit.runtime.aws.AwsServiceError;
import io.github.drkit.runtime.aws.api.AutoScalingGroup;
import io.github.drkit.runtime.aws.api.Ec2Api;

/**
 * Fleets: the Auto Scaling group exists, its launch template version exists, the AMI that version launches exists and
 * is available in the fleet's Region, its target groups exist, and the recovery capacity fits the Region's On-Demand
 * vCPU quota. A fleet in another account ({@code assumeRole}) is read through its role's session, as failover calls it.
 * Reads are batched per account and Region: one DescribeAutoScalingGroups per 50 groups, one DescribeImages and one
 * DescribeInstanceTypes, one GetServiceQuota per quota; one DescribeLaunchTemplateVersions per
 * fleet and one DescribeTargetHealth per target group (those APIs take one name a call).
 */
public final class FleetReadiness implements ReadinessCheck<FleetPlan> {
    private static final int GROUPS_PER_CALL = 50;
    private static final int IMAGES_PER_CALL = 100;
    private static final int TYPES_PER_CALL = 100;

    @Override
    public String kind() {
        return ScaleFleetKind.NAME;
    }

    @Override
    public Class<FleetPlan> type() {
        return FleetPlan.class;
    }

    @Override
    public List<Finding> check(List<FleetPlan> fleets, ReadinessContext context) {
        List<Finding> findings = new ArrayList<>();
        Map<String, AutoScalingGroup> groups = groups(fleets, context, findings);
        Map<String, Ec2Api.LaunchTemplateVersion> templates = templates(fleets, groups, context, findings);
        images(fleets, templates, context, findings);
        targetGroups(fleets, context, findings);
        capacity(fleets, templates, context, findings);
        return findings;
    }

    /** The groups that exist, by fleet path; a missing one is a finding. */
    private static Map<String, AutoScalingGroup> groups(List<FleetPlan> fleets, ReadinessContext context, List<Finding> findings) {
        Map<String, AutoScalingGroup> byName = new ConcurrentHashMap<>();
        List<Callable<Void>> reads = new ArrayList<>();
        for (Map.Entry<String, List<FleetPlan>> scope : byScope(fleets, context).entrySet()) {
            FleetPlan first = scope.getValue().get(0);
            List<String> names = scope.getValue().stream().map(FleetPlan::autoScalingGroupName).distinct().toList();
            for (int i = 0; i < names.size(); i += GROUPS_PER_CALL) {
                List<String> chunk = names.subList(i, Math.min(names.size(), i + GROUPS_PER_CALL));
                reads.add(() -> {
                    context.aws(first).autoScaling().describe(first.region(), chunk).forEach(g -> byName.put(scope.getKey() + "/" + g.name(), g));
                    return null;
                });
            }
        }
        try {
            context.all(reads);
        } catch (RuntimeException e) {
            findings.add(ReadinessContext.unchecked("fleets", "Auto Scaling groups", "the fleets' groups", e));
            return Map.of();
        }
        Map<String, AutoScalingGroup> groups = new LinkedHashMap<>();
        for (FleetPlan fleet : fleets) {
            AutoScalingGroup group = byName.get(scope(fleet, context) + "/" + fleet.autoScalingGroupName());
            if (group == null) {
                findings.add(Finding.of(Severity.CRITICAL, Finding.Category.EXISTENCE, fleet.path() + ".autoScalingGroupName",
                        resource(fleet), "Auto Scaling group '" + fleet.autoScalingGroupName() + "' not found in " + fleet.region()
                                + ": failover cannot scale it", "redeploy the stack that creates the group, or correct the plan's group name"));
            } else {
                groups.put(fleet.path(), group);
            }
        }
        return groups;
    }

    /** The launch template version each group launches from, by fleet path; a missing one is a finding. */
    private static Map<String, Ec2Api.LaunchTemplateVersion> templates(List<FleetPlan> fleets, Map<String, AutoScalingGroup> groups,
                                                                      ReadinessContext context, List<Finding> findings) {
        Map<String, Ec2Api.LaunchTemplateVersion> templates = new ConcurrentHashMap<>();
        List<Callable<Finding>> reads = new ArrayList<>();
        for (FleetPlan fleet : fleets) {
            AutoScalingGroup group = groups.get(fleet.path());
            if (group == null) {
                continue;
            }
            AutoScalingGroup.LaunchTemplateRef ref = group.launchTemplate();
            if (ref == null) {
                if (fleet.scalesVertically()) {
                    findings.add(Finding.of(Severity.CRITICAL, Finding.Category.EXISTENCE, fleet.path() + ".recoveryInstanceType",
                            resource(fleet), "the group launches from " + (group.mixedInstancesPolicy() ? "a mixed instances policy"
                                    : group.launchConfigurationName() != null ? "launch configuration '" + group.launchConfigurationName() + "'"
                                    : "no launch template") + "; vertical scaling needs a launch template",
                            "move the group to a launch template"));
                }
                continue;
            }
            String version = ref.version() == null ? "$Default" : ref.version();
            reads.add(() -> {
                try {
                    Ec2Api.LaunchTemplateVersion live = context.aws(fleet).ec2().launchTemplateVersion(fleet.region(), ref.id(), ref.name(), version);
                    if (live == null) {
                        return missingTemplate(fleet, ref, version);
                    }
                    templates.put(fleet.path(), live);
                    return null;
                } catch (AwsServiceError e) {
                    if (e.is("InvalidLaunchTemplateId.NotFound", "InvalidLaunchTemplateName.NotFoundException",
                            "InvalidLaunchTemplateId.VersionNotFound", "InvalidLaunchTemplateId.Malformed")) {
                        return missingTemplate(fleet, ref, version);
                    }
                    return ReadinessContext.unchecked(fleet.path(), resource(fleet), "the launch template", e);
                } catch (RuntimeException e) {
                    return ReadinessContext.unchecked(fleet.path(), resource(fleet), "the launch template", e);
                }
            });
        }
        context.all(reads).stream().filter(f -> f != null).forEach(findings::add);
        return templates;
    }

    private static Finding missingTemplate(FleetPlan fleet, AutoScalingGroup.LaunchTemplateRef ref, String version) {
        return Finding.of(Severity.CRITICAL, Finding.Category.EXISTENCE, fleet.path() + ".autoScalingGroupName", resource(fleet),
                "launch template " + (ref.id() != null ? ref.id() : ref.name()) + " version " + version + " of the group not found in "
                        + fleet.region() + ": the group cannot launch instances",
                "point the group at an existing launch template version");
    }

    /** The AMI of every launch template version exists and is available in the fleet's Region. */
    private static void images(List<FleetPlan> fleets, Map<String, Ec2Api.LaunchTemplateVersion> templates, ReadinessContext context,
                               List<Finding> findings) {
        Map<String, Set<String>> imagesByScope = new LinkedHashMap<>();
        Map<String, FleetPlan> firstOfScope = new LinkedHashMap<>();
        for (FleetPlan fleet : fleets) {
            Ec2Api.LaunchTemplateVersion template = templates.get(fleet.path());
            if (template != null && template.imageId() != null && !template.imageId().startsWith("resolve:ssm:")) {
                imagesByScope.computeIfAbsent(scope(fleet, context), r -> new LinkedHashSet<>()).add(template.imageId());
                firstOfScope.putIfAbsent(scope(fleet, context), fleet);
            }
        }
        Map<String, String> states = new ConcurrentHashMap<>();
        List<Callable<Void>> reads = new ArrayList<>();
        for (Map.Entry<String, Set<String>> scope : imagesByScope.entrySet()) {
            FleetPlan first = firstOfScope.get(scope.getKey());
            List<String> ids = List.copyOf(scope.getValue());
            for (int i = 0; i < ids.size(); i += IMAGES_PER_CALL) {
                List<String> chunk = ids.subList(i, Math.min(ids.size(), i + IMAGES_PER_CALL));
                reads.add(() -> {
                    context.aws(first).ec2().imageStates(first.region(), chunk).forEach((id, state) -> states.put(scope.getKey() + "/" + id, state));
                    return null;
                });
            }
        }
        try {
            context.all(reads);
        } catch (RuntimeException e) {
            findings.add(ReadinessContext.unchecked("fleets", "AMIs", "the fleets' AMIs", e));
            return;
        }
        for (FleetPlan fleet : fleets) {
            Ec2Api.LaunchTemplateVersion template = templates.get(fleet.path());
            if (template == null || template.imageId() == null || template.imageId().startsWith("resolve:ssm:")) {
                continue;
            }
            String state = states.get(scope(fleet, context) + "/" + template.imageId());
            if (state == null) {
                findings.add(Finding.of(Severity.CRITICAL, Finding.Category.EXISTENCE, fleet.path() + ".autoScalingGroupName",
                        "AMI " + template.imageId() + " (" + fleet.region() + ")", "AMI " + template.imageId() + ", which launch template "
                                + template.launchTemplateId() + " version " + template.versionNumber() + " launches, does not exist in "
                                + fleet.region() + " (deregistered, or never copied there): the recovery fleet cannot launch",
                        "copy a current AMI to " + fleet.region() + " and make a launch template version that uses it the group's version"));
            } else if (!"available".equals(state)) {
                findings.add(Finding.of(Severity.WARNING, Finding.Category.EXISTENCE, fleet.path() + ".autoScalingGroupName",
                        "AMI " + template.imageId() + " (" + fleet.region() + ")", "AMI " + template.imageId() + " is " + state
                                + ", not available: instances launch from it only once it is",
                        "wait for the AMI copy to finish, or use an available AMI"));
            }
        }
    }

    private static void targetGroups(List<FleetPlan> fleets, ReadinessContext context, List<Finding> findings) {
        List<Callable<Finding>> reads = new ArrayList<>();
        for (FleetPlan fleet : fleets) {
            for (int i = 0; i < fleet.targetGroupArns().size(); i++) {
                String arn = fleet.targetGroupArns().get(i);
                String path = fleet.path() + ".targetGroupArns[" + i + "]";
                reads.add(() -> {
                    try {
                        context.aws(fleet).elb().targetStates(fleet.region(), arn);
                        return null;
                    } catch (AwsServiceError e) {
                        if (e.is("TargetGroupNotFound")) {
                            return Finding.of(Severity.CRITICAL, Finding.Category.EXISTENCE, path, arn, "target group not found in "
                                    + fleet.region() + ": the health gate can never see the fleet healthy",
                                    "redeploy the load balancer stack, or correct the plan's target group ARN");
                        }
                        return ReadinessContext.unchecked(path, arn, "the target group", e);
                    } catch (RuntimeException e) {
                        return ReadinessContext.unchecked(path, arn, "the target group", e);
                    }
                });
            }
        }
        context.all(reads).stream().filter(f -> f != null).forEach(findings::add);
    }

    /**
     * The On-Demand vCPUs the recovery capacity needs, per Region and quota, against the quota's applied value. What
     * already runs in the Region also counts against the quota: a fit here is necessary, not sufficient.
     */
    private static void capacity(List<FleetPlan> fleets, Map<String, Ec2Api.LaunchTemplateVersion> templates, ReadinessContext context,
                                 List<Finding> findings) {
        Map<String, String> recoveryTypes = new LinkedHashMap<>();
        for (FleetPlan fleet : fleets) {
            Ec2Api.LaunchTemplateVersion template = templates.get(fleet.path());
            String type = fleet.recoveryInstanceType() != null ? fleet.recoveryInstanceType() : template == null ? null : template.instanceType();
            if (type != null) {
                recoveryTypes.put(fleet.path(), type);
            }
        }
        Map<String, List<String>> typesByScope = new LinkedHashMap<>();
        Map<String, FleetPlan> firstOfScope = new LinkedHashMap<>();
        for (FleetPlan fleet : fleets) {
            String type = recoveryTypes.get(fleet.path());
            String scope = scope(fleet, context);
            firstOfScope.putIfAbsent(scope, fleet);
            if (type != null && !typesByScope.computeIfAbsent(scope, r -> new ArrayList<>()).contains(type)) {
                typesByScope.get(scope).add(type);
            }
        }
        Map<String, Integer> vcpus = new ConcurrentHashMap<>();
        List<Callable<Void>> typeReads = new ArrayList<>();
        for (Map.Entry<String, List<String>> scope : typesByScope.entrySet()) {
            FleetPlan first = firstOfScope.get(scope.getKey());
            List<String> types = scope.getValue();
            for (int i = 0; i < types.size(); i += TYPES_PER_CALL) {
                List<String> chunk = types.subList(i, Math.min(types.size(), i + TYPES_PER_CALL));
                typeReads.add(() -> {
                    context.aws(first).ec2().instanceTypeVCpus(first.region(), chunk).forEach((t, n) -> vcpus.put(scope.getKey() + "/" + t, n));
                    return null;
                });
            }
        }
        try {
            context.all(typeReads);
        } catch (RuntimeException e) {
            findings.add(ReadinessContext.unchecked("fleets", "instance types", "the recovery instance types' vCPUs", e));
            return;
        }
        // Account, Region and quota code -> vCPUs at recovery.desired and at recovery.max, and the fleets that count.
        Map<String, long[]> needed = new TreeMap<>();
        Map<String, List<String>> counted = new TreeMap<>();
        Map<String, FleetPlan> firstCounted = new TreeMap<>();
        for (FleetPlan fleet : fleets) {
            String type = recoveryTypes.get(fleet.path());
            Integer perInstance = type == null ? null : vcpus.get(scope(fleet, context) + "/" + type);
            String code = type == null ? null : Ec2Quotas.onDemandVCpuQuota(type);
            if (perInstance == null || code == null) {
                continue;
            }
            String key = scope(fleet, context) + "/" + code;
            firstCounted.putIfAbsent(key, fleet);
            long[] sum = needed.computeIfAbsent(key, k -> new long[2]);
            sum[0] += (long) fleet.recovery().desired() * perInstance;
            sum[1] += (long) fleet.recovery().max() * perInstance;
            counted.computeIfAbsent(key, k -> new ArrayList<>()).add(fleet.path() + " (" + type + ")");
        }
        List<String> keys = List.copyOf(needed.keySet());
        List<Callable<Finding>> quotaReads = keys.stream().map(key -> (Callable<Finding>) () -> quota(firstCounted.get(key),
                        key.substring(key.lastIndexOf('/') + 1), needed.get(key), counted.get(key), context))
                .collect(Collectors.toList());
        context.all(quotaReads).stream().filter(f -> f != null).forEach(findings::add);
    }

    /** The quota {@code code} in the account and Region of {@code fleet}, read with its clients, against the vCPUs needed. */
    private static Finding quota(FleetPlan fleet, String code, long[] needed, List<String> fleets, ReadinessContext context) {
        String region = fleet.region();
        String resource = "Service Quotas ec2/" + code + " (" + region + ")";
        String path = fleets.get(0).substring(0, fleets.get(0).indexOf(' '));
        double quota;
        try {
            quota = context.aws(fleet).serviceQuotas().quotaValue(region, "ec2", code);
        } catch (AwsServiceError e) {
            if (e.is("NoSuchResourceException", "NoSuchResource")) {
                return Finding.of(Severity.INFO, Finding.Category.UNCHECKED, path, resource, "quota " + code
                        + " could not be read in " + region + " (the endpoint knows no such quota); the recovery capacity needs "
                        + needed[0] + " vCPUs at recovery.desired and " + needed[1] + " at recovery.max", "none");
            }
            return ReadinessContext.unchecked(path, resource, "the On-Demand vCPU quota", e);
        } catch (RuntimeException e) {
            return ReadinessContext.unchecked(path, resource, "the On-Demand vCPU quota", e);
        }
        String who = String.join(", ", fleets);
        if (needed[0] > quota) {
            return Finding.of(Severity.CRITICAL, Finding.Category.CAPACITY, path, resource, "the recovery capacity needs " + needed[0]
                            + " On-Demand vCPUs at recovery.desired (" + who + "), above the quota of " + (long) quota + " in " + region
                            + ": failover cannot launch it", "request a quota increase for " + code + " in " + region + " to at least "
                            + needed[1]);
        }
        if (needed[1] > quota) {
            return Finding.of(Severity.WARNING, Finding.Category.CAPACITY, path, resource, "the recovery capacity needs " + needed[1]
                            + " On-Demand vCPUs at recovery.max (" + who + "), above the quota of " + (long) quota + " in " + region
                            + ": the fleets cannot scale to their maximum", "request a quota increase for " + code + " in " + region
                            + " to at least " + needed[1]);
        }
        return null;
    }

    /**
     * The fleets by account and Region: one batched read serves the fleets its credentials can see, so fleets in another
     * account (their {@code assumeRole}) are read apart from the runtime's own.
     */
    private static Map<String, List<FleetPlan>> byScope(List<FleetPlan> fleets, ReadinessContext context) {
        return fleets.stream().collect(Collectors.groupingBy(fleet -> scope(fleet, context), LinkedHashMap::new, Collectors.toList()));
    }

    /** The account (as {@link ReadinessContext#account} keys it) and Region a fleet's reads go to. */
    private static String scope(FleetPlan fleet, ReadinessContext context) {
        return context.account(fleet) + "|" + fleet.region();
    }

    private static String resource(FleetPlan fleet) {
        return "Auto Scaling group " + fleet.autoScalingGroupName() + " (" + fleet.region() + ")";
    }
}
