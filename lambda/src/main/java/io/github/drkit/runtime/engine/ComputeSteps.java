package io.github.drkit.runtime.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.drkit.plan.Capacity;
import io.github.drkit.plan.FleetPlan;
import io.github.drkit.plan.InstancePlan;
import io.github.drkit.plan.RecoveryPlan;
import io.github.drkit.runtime.aws.api.AutoScalingGroup;
import io.github.drkit.runtime.aws.api.UpdateAutoScalingGroupRequest;

/** Starts and stops instances, scales fleets out and in, and changes their instance type. */
final class ComputeSteps {
    private final StepClients clients;

    ComputeSteps(StepClients clients) {
        this.clients = clients;
    }

    List<Step> instances(List<InstancePlan> groups, LiveState live, Action action) {
        List<Step> steps = new ArrayList<>();
        boolean start = action == Action.FAILOVER;
        for (InstancePlan group : groups) {
            Map<String, String> states = live.instanceStates().get(group.path());
            List<String> toChange = group.instanceIds().stream()
                    .filter(id -> start ? !isRunningOrStarting(states.get(id)) : !isStoppedOrStopping(states.get(id)))
                    .toList();
            String verb = start ? "StartInstances" : "StopInstances";
            List<String> changes = toChange.isEmpty() ? List.of()
                    : List.of(verb + " " + String.join(", ", toChange) + " (" + group.region() + ")");
            steps.add(Step.change((start ? "start" : "stop") + " instances " + group.path() + " (" + group.region() + ")",
                    group.path(), changes, () -> {
                        // Re-read just before acting: another run may have started (or stopped) them since the first read.
                        Map<String, String> now = clients.of(group).ec2().instanceStates(group.region(), toChange);
                        List<String> still = toChange.stream()
                                .filter(id -> start ? !isRunningOrStarting(now.get(id)) : !isStoppedOrStopping(now.get(id))).toList();
                        if (still.isEmpty()) {
                            return Step.Result.byAnotherRun(toChange.size() + " instance(s) already " + (start ? "running" : "stopped"));
                        }
                        if (start) {
                            clients.of(group).ec2().startInstances(group.region(), still);
                        } else {
                            clients.of(group).ec2().stopInstances(group.region(), still);
                        }
                        return Step.Result.done(verb + " accepted for " + still.size() + " instance(s)" + (still.size() == toChange.size()
                                ? "" : "; " + (toChange.size() - still.size()) + " were already " + (start ? "started" : "stopped")
                                       + " by another run"));
                    }, "already " + (start ? "running" : "stopped")));
        }
        return steps;
    }

    private static boolean isRunningOrStarting(String state) {
        return "running".equals(state) || "pending".equals(state);
    }

    private static boolean isStoppedOrStopping(String state) {
        return "stopped".equals(state) || "stopping".equals(state);
    }

    List<Step> fleets(List<FleetPlan> fleets, LiveState live, Action action) {
        List<Step> steps = new ArrayList<>();
        for (FleetPlan fleet : fleets) {
            steps.add(fleet(fleet, live.fleets().get(fleet.path()), action));
        }
        return steps;
    }

    private Step fleet(FleetPlan fleet, LiveState.FleetLive live, Action action) {
        AutoScalingGroup group = live.group();
        Capacity current = new Capacity(group.minSize(), group.desiredCapacity(), group.maxSize());
        Capacity target = action == Action.FAILOVER
                // Failover never shrinks: a fleet already larger (scaled by its own policies) stays larger.
                ? current.atLeast(fleet.recovery())
                : fleet.standby();
        String wantedType = !fleet.scalesVertically() ? null
                : action == Action.FAILOVER ? fleet.recoveryInstanceType() : fleet.standbyInstanceType();
        boolean changeType = wantedType != null && !wantedType.equals(live.instanceType());
        List<String> changes = new ArrayList<>();
        if (changeType) {
            changes.add("CreateLaunchTemplateVersion " + live.launchTemplateId() + " from version " + live.launchTemplateVersionNumber()
                    + ": instance type " + live.instanceType() + " -> " + wantedType);
        }
        if (!current.equals(target) || changeType) {
            changes.add("UpdateAutoScalingGroup " + fleet.autoScalingGroupName() + ": " + describe(current, target)
                    + (changeType && !"$Latest".equals(live.launchTemplateVersion()) ? ", launch template version -> the new version" : ""));
        }
        String name = (action == Action.FAILOVER ? "scale out " : "scale in ") + fleet.autoScalingGroupName() + " (" + fleet.region() + ")";
        return Step.change(name, fleet.path(), changes, () -> apply(fleet, live, target, changeType ? wantedType : null, action),
                "already at " + (action == Action.FAILOVER ? "recovery" : "standby") + " capacity (" + current + ")"
                        + (wantedType == null ? "" : " on " + wantedType));
    }

    private Step.Result apply(FleetPlan fleet, LiveState.FleetLive live, Capacity planned, String newType, Action action) {
        // Re-read just before acting: another run may have made the same change since the first read, and the group
        // may have grown on its own (target tracking as load arrives), which failover must not undo.
        AutoScalingGroup now = reread(fleet);
        Capacity target = action == Action.FAILOVER && now != null ? capacity(now).atLeast(fleet.recovery()) : planned;
        if (now != null && alreadyAt(fleet, now, target, newType)) {
            return Step.Result.byAnotherRun("capacity already " + target + (newType == null ? "" : " on " + newType));
        }
        String version = null;
        String detail = "";
        if (newType != null) {
            long number = clients.of(fleet).ec2().createLaunchTemplateVersion(fleet.region(), live.launchTemplateId(),
                    String.valueOf(live.launchTemplateVersionNumber()), "drkit: instance type " + newType, newType);
            // A group on $Latest follows the new version by itself; any other reference is moved to it.
            version = "$Latest".equals(live.launchTemplateVersion()) ? null : String.valueOf(number);
            detail = "launch template " + live.launchTemplateId() + " version " + number + " (" + newType + "); ";
        }
        clients.of(fleet).autoScaling().update(UpdateAutoScalingGroupRequest.builder().region(fleet.region()).groupName(fleet.autoScalingGroupName())
                .minSize(target.min()).desiredCapacity(target.desired()).maxSize(target.max())
                .launchTemplate(version == null ? null : live.launchTemplateId(), version).build());
        return Step.Result.done(detail + "capacity " + target);
    }

    private AutoScalingGroup reread(FleetPlan fleet) {
        List<AutoScalingGroup> groups = clients.of(fleet).autoScaling().describe(fleet.region(), List.of(fleet.autoScalingGroupName()));
        return groups.isEmpty() ? null : groups.get(0);
    }

    private static Capacity capacity(AutoScalingGroup group) {
        return new Capacity(group.minSize(), group.desiredCapacity(), group.maxSize());
    }

    /** Whether the group already has the target capacity and, when the type changes, the new type. */
    private boolean alreadyAt(FleetPlan fleet, AutoScalingGroup now, Capacity target, String newType) {
        if (!capacity(now).equals(target)) {
            return false;
        }
        if (newType == null) {
            return true;
        }
        AutoScalingGroup.LaunchTemplateRef spec = now.launchTemplate();
        if (spec == null) {
            return false;
        }
        var version = clients.of(fleet).ec2().launchTemplateVersion(fleet.region(), spec.id(), spec.name(),
                spec.version() == null ? "$Default" : spec.version());
        return version != null && newType.equals(version.instanceType());
    }

    private static String describe(Capacity from, Capacity to) {
        return "min " + from.min() + " -> " + to.min() + ", desired " + from.desired() + " -> " + to.desired()
                + ", max " + from.max() + " -> " + to.max();
    }

    /** Instances still on the old type after vertical scaling: the group replaces them only as it cycles. */
    static List<String> leftForOperator(RecoveryPlan plan, StateReport state, Action action) {
        List<String> left = new ArrayList<>();
        for (int i = 0; i < plan.fleets().size(); i++) {
            FleetPlan fleet = plan.fleets().get(i);
            if (!fleet.scalesVertically()) {
                continue;
            }
            String wanted = action == Action.FAILOVER ? fleet.recoveryInstanceType() : fleet.standbyInstanceType();
            StateReport.FleetStatus status = state.fleets().get(i);
            int others = status.inServiceTypes().entrySet().stream()
                    .filter(e -> !e.getKey().equals(wanted)).mapToInt(Map.Entry::getValue).sum();
            if (others > 0) {
                left.add(fleet.path() + ": " + others + " InService instance(s) of " + fleet.autoScalingGroupName()
                        + " still run another type than " + wanted + "; new instances launch as " + wanted + ". To replace them now: "
                        + "aws autoscaling start-instance-refresh --region " + fleet.region() + " --auto-scaling-group-name "
                        + fleet.autoScalingGroupName() + " --preferences MinHealthyPercentage=100");
            }
        }
        return left;
    }
}
