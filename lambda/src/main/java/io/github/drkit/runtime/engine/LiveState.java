package io.github.drkit.runtime.engine;

import java.util.List;
import java.util.Map;

import io.github.drkit.runtime.aws.api.MetricAlarm;

import io.github.drkit.plan.FleetPlan;
import io.github.drkit.plan.RecordPlan;
import io.github.drkit.plan.ZonePlan;
import io.github.drkit.runtime.aws.api.AutoScalingGroup;
import io.github.drkit.runtime.aws.api.DbInstance;
import io.github.drkit.runtime.aws.api.RecordSet;

/**
 * What the runtime read from AWS: the raw answers the planner needs to compute changes, and the
 * {@link StateReport} people read. Keys are plan paths ({@code fleets[0]}, {@code dns[0].records[1]}); {@code steps}
 * holds what the executors of the other kinds read ({@link StepExecutor#inspect}).
 */
record LiveState(Map<String, DbInstance> databases,
                 Map<String, Map<String, String>> instanceStates,
                 Map<String, FleetLive> fleets,
                 Map<String, List<RecordSet>> zones,
                 Map<String, RecordSet> records,
                 Map<String, Double> switches,
                 Map<String, List<MetricAlarm>> switchAlarms,
                 Map<String, StepLive> steps,
                 StateReport report) {

    /**
     * An Auto Scaling group with the launch template version it uses.
     *
     * @param launchTemplateVersion as the group names it: a number, {@code $Latest} or {@code $Default}; null
     *                              when the fleet does not scale vertically
     * @param instanceType          the type that version launches; null when not read
     */
    record FleetLive(FleetPlan plan, AutoScalingGroup group, String launchTemplateId, String launchTemplateVersion,
                     Long launchTemplateVersionNumber, String instanceType, Map<String, int[]> targetHealth,
                     boolean healthy) {
    }

    RecordSet record(ZonePlan zone, RecordPlan record) {
        return records.get(record.path());
    }
}
