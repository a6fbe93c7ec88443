package io.github.drkit.plan;

import java.util.List;

/**
 * A validated recovery plan: what failover changes in the recovery Region and what failback puts back.
 * The JSON form is documented in {@code docs/recovery-plan.md} and {@code docs/recovery-plan.schema.json}.
 *
 * <p>Instances come only from {@link #parse(String)}, which rejects any plan the runtime could not carry out
 * safely, so every other part of the runtime can trust its content.
 *
 * @param primaryRegion        the Region that normally serves traffic; null when the plan does not say
 * @param notificationTopicArn the SNS topic that gets every report; null for none
 */
public record RecoveryPlan(int version, String application, Strategy strategy, String primaryRegion,
                           String recoveryRegion, List<DatabasePlan> databases, List<InstancePlan> instances,
                           List<FleetPlan> fleets, List<ZonePlan> dns, List<SiteSwitchPlan> siteSwitches,
                           int healthTimeoutSeconds, String notificationTopicArn) {

    /** The only plan version this runtime reads. */
    public static final int CURRENT_VERSION = 1;

    /** How long failover waits for health when the plan does not say. */
    public static final int DEFAULT_HEALTH_TIMEOUT_SECONDS = 600;

    public RecoveryPlan {
        databases = List.copyOf(databases);
        instances = List.copyOf(instances);
        fleets = List.copyOf(fleets);
        dns = List.copyOf(dns);
        siteSwitches = List.copyOf(siteSwitches);
    }

    /**
     * Parses and validates a plan.
     *
     * @throws PlanValidationException naming the first offending field, its value and the rule
     */
    public static RecoveryPlan parse(String json) {
        return PlanReader.strict().read(json);
    }

    /** Every Region the plan touches, recovery Region first. */
    public List<String> regions() {
        java.util.LinkedHashSet<String> regions = new java.util.LinkedHashSet<>();
        regions.add(recoveryRegion);
        databases.forEach(d -> regions.add(d.region()));
        instances.forEach(i -> regions.add(i.region()));
        fleets.forEach(f -> regions.add(f.region()));
        siteSwitches.forEach(s -> regions.add(s.region()));
        return List.copyOf(regions);
    }
}
