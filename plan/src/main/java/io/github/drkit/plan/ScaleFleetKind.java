package io.github.drkit.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/** {@code scaleFleet}: scale an Auto Scaling group from standby to recovery capacity ({@link FleetPlan}). */
public final class ScaleFleetKind implements StepKind<FleetPlan> {
    public static final String NAME = "scaleFleet";
    private static final Pattern ASG_NAME = Pattern.compile("[^:\\s][^:]{0,254}");
    private static final Pattern INSTANCE_TYPE = Pattern.compile("[a-z][a-z0-9-]*\\.[a-z0-9-]+");
    private static final Pattern TARGET_GROUP_ARN = Pattern.compile(
            "arn:aws[a-z-]*:elasticloadbalancing:([a-z0-9-]+):\\d{12}:targetgroup/[A-Za-z0-9-]{1,32}/[0-9a-f]+");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<FleetPlan> type() {
        return FleetPlan.class;
    }

    @Override
    public FleetPlan read(Fields fleet, StepContext context) {
        String region = context.region(fleet, "region");
        String name = fleet.requiredMatching("autoScalingGroupName", ASG_NAME, "must be an Auto Scaling group name: 1-255 characters, no ':'");
        Capacity standby = capacity(fleet.requiredObject("standby"));
        Capacity recovery = capacity(fleet.requiredObject("recovery"));
        FleetPlan.requireRecoveryNotBelowStandby(standby, recovery, fleet.path());
        String standbyType = fleet.optionalMatching("standbyInstanceType", INSTANCE_TYPE, "must be an EC2 instance type such as t3.small");
        String recoveryType = fleet.optionalMatching("recoveryInstanceType", INSTANCE_TYPE, "must be an EC2 instance type such as m5.large");
        if (recoveryType != null && standbyType == null) {
            throw new PlanValidationException(fleet.child("standbyInstanceType"),
                    "is required when recoveryInstanceType is set: failback needs the type to return to");
        }
        if (standbyType != null && recoveryType == null) {
            throw new PlanValidationException(fleet.child("recoveryInstanceType"),
                    "is required when standbyInstanceType is set (got only standbyInstanceType '" + standbyType + "')");
        }
        Integer minHealthy = fleet.optionalInt("minHealthy", 0, Capacity.LIMIT);
        int healthy = FleetPlan.minHealthy(minHealthy, recovery, fleet.path());
        List<String> targetGroups = fleet.list("targetGroupArns", (element, elementPath) -> {
            String arn = Fields.text(element);
            if (context.isUnresolved(arn) || context.isUnresolved(region)) {
                return arn;
            }
            if (arn == null || !TARGET_GROUP_ARN.matcher(arn).matches()) {
                throw new PlanValidationException(elementPath, "must be a target group ARN, arn:aws:elasticloadbalancing:<region>:<account>:targetgroup/<name>/<id> (got "
                        + Fields.describe(element) + ")");
            }
            String arnRegion = context.arnRegion(TARGET_GROUP_ARN, arn);
            if (!arnRegion.equals(region)) {
                throw new PlanValidationException(elementPath, "is in " + arnRegion + " but the fleet is in " + region
                        + ": a target group serves the Auto Scaling groups of its own Region");
            }
            return arn;
        });
        if (new HashSet<>(targetGroups).size() != targetGroups.size()) {
            throw new PlanValidationException(fleet.child("targetGroupArns"), "lists a target group twice");
        }
        fleet.finish();
        return new FleetPlan(region, name, standby, recovery, standbyType, recoveryType, healthy, targetGroups, fleet.path());
    }

    private static Capacity capacity(Fields fields) {
        int min = fields.requiredInt("min", 0, Capacity.LIMIT);
        int desired = fields.requiredInt("desired", 0, Capacity.LIMIT);
        int max = fields.requiredInt("max", 0, Capacity.LIMIT);
        fields.finish();
        return Capacity.of(min, desired, max, fields.path());
    }

    @Override
    public Map<String, Object> write(FleetPlan fleet) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("region", fleet.region());
        m.put("autoScalingGroupName", fleet.autoScalingGroupName());
        m.put("standby", PlanWriter.capacity(fleet.standby()));
        m.put("recovery", PlanWriter.capacity(fleet.recovery()));
        if (fleet.standbyInstanceType() != null) {
            m.put("standbyInstanceType", fleet.standbyInstanceType());
        }
        if (fleet.recoveryInstanceType() != null) {
            m.put("recoveryInstanceType", fleet.recoveryInstanceType());
        }
        m.put("minHealthy", fleet.minHealthy());
        if (!fleet.targetGroupArns().isEmpty()) {
            m.put("targetGroupArns", new ArrayList<>(fleet.targetGroupArns()));
        }
        return m;
    }

    @Override
    public void checkAcross(List<FleetPlan> fleets) {
        Uniqueness.unique(fleets, f -> f.region() + "/" + f.autoScalingGroupName(), FleetPlan::path, "autoScalingGroupName", "Auto Scaling group");
    }

    /** Compute goes back after traffic has left it. */
    @Override
    public OptionalInt failbackRank() {
        return OptionalInt.of(20);
    }

    @Override
    public String version1Field() {
        return "fleets";
    }

    @Override
    public String version1Stage() {
        return "compute";
    }
}
