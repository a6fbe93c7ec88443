package io.github.drkit.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/** {@code scaleService}: scale an ECS service from its standby to its recovery desired count ({@link ServicePlan}). */
public final class ScaleServiceKind implements StepKind<ServicePlan> {
    public static final String NAME = "scaleService";
    /** The wait for steady state when the plan gives none. */
    public static final int DEFAULT_STEADY_STATE_TIMEOUT_SECONDS = 600;
    /** ECS cluster and service names: up to 255 letters, digits, hyphens and underscores. */
    private static final Pattern NAME_PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,254}");
    private static final String NAME_RULE = "must be an ECS %s name: 1-255 letters, digits, '-' and '_'";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<ServicePlan> type() {
        return ServicePlan.class;
    }

    @Override
    public ServicePlan read(Fields step, StepContext context) {
        String region = context.region(step, "region");
        String cluster = step.requiredMatching("cluster", NAME_PATTERN, NAME_RULE.formatted("cluster"));
        String service = step.requiredMatching("service", NAME_PATTERN, NAME_RULE.formatted("service"));
        int standby = step.requiredInt("standbyDesiredCount", 0, Capacity.LIMIT);
        int recovery = step.requiredInt("recoveryDesiredCount", 0, Capacity.LIMIT);
        if (recovery < standby) {
            throw new PlanValidationException(step.child("recoveryDesiredCount"), "must be at least standbyDesiredCount (got "
                    + recovery + ", standbyDesiredCount " + standby + "): failover never shrinks a service");
        }
        Integer percent = step.optionalInt("recoveryPercentOfPrimary", 1, 100);
        String primaryRegion = step.optionalString("primaryRegion");
        String primaryCluster = step.optionalMatching("primaryCluster", NAME_PATTERN, NAME_RULE.formatted("cluster"));
        String primaryService = step.optionalMatching("primaryService", NAME_PATTERN, NAME_RULE.formatted("service"));
        if (percent == null) {
            for (String field : List.of("primaryRegion", "primaryCluster", "primaryService")) {
                if (step.has(field)) {
                    throw new PlanValidationException(step.child(field), "is read only with recoveryPercentOfPrimary (got "
                            + field + " without it): set the share of the primary's desired count, or leave the primary out");
                }
            }
        } else {
            if (primaryRegion == null) {
                throw new PlanValidationException(step.child("primaryRegion"),
                        "is required when recoveryPercentOfPrimary is set (got recoveryPercentOfPrimary " + percent + "): the Region to read the primary service in");
            }
            primaryRegion = context.knownRegion(step.child("primaryRegion"), primaryRegion);
            if (!context.isUnresolved(primaryRegion) && primaryRegion.equals(region)) {
                throw new PlanValidationException(step.child("primaryRegion"), "must differ from the step's region (got '"
                        + primaryRegion + "' for both): the primary service runs in the other Region");
            }
            primaryCluster = primaryCluster == null ? cluster : primaryCluster;
            primaryService = primaryService == null ? service : primaryService;
        }
        Integer timeout = step.optionalInt("steadyStateTimeoutSeconds", 0, HealthGateKind.MAX_TIMEOUT_SECONDS);
        step.finish();
        return new ServicePlan(region, cluster, service, standby, recovery, percent, primaryRegion, primaryCluster, primaryService,
                timeout == null ? DEFAULT_STEADY_STATE_TIMEOUT_SECONDS : timeout, step.path());
    }

    @Override
    public Map<String, Object> write(ServicePlan step) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("region", step.region());
        m.put("cluster", step.cluster());
        m.put("service", step.service());
        m.put("standbyDesiredCount", step.standbyDesiredCount());
        m.put("recoveryDesiredCount", step.recoveryDesiredCount());
        if (step.followsPrimary()) {
            m.put("recoveryPercentOfPrimary", step.recoveryPercentOfPrimary());
            m.put("primaryRegion", step.primaryRegion());
            m.put("primaryCluster", step.primaryCluster());
            m.put("primaryService", step.primaryService());
        }
        m.put("steadyStateTimeoutSeconds", step.steadyStateTimeoutSeconds());
        return m;
    }

    @Override
    public void checkAcross(List<ServicePlan> steps) {
        Uniqueness.unique(steps, s -> s.region() + "/" + s.cluster() + "/" + s.service(), ServicePlan::path, "service", "ECS service");
    }

    /** Compute goes back after traffic has left it. */
    @Override
    public OptionalInt failbackRank() {
        return OptionalInt.of(20);
    }
}
