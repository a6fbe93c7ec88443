package io.github.drkit.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** {@code restoreImage}: point an Auto Scaling group at a copied AMI in the recovery Region ({@link RestoreImagePlan}). */
public final class RestoreImageKind implements StepKind<RestoreImagePlan> {
    public static final String NAME = "restoreImage";
    private static final Pattern ASG_NAME = Pattern.compile("[^:\\s][^:]{0,254}");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<RestoreImagePlan> type() {
        return RestoreImagePlan.class;
    }

    @Override
    public RestoreImagePlan read(Fields step, StepContext context) {
        String region = context.region(step, "region");
        String group = step.requiredMatching("autoScalingGroupName", ASG_NAME, "must be an Auto Scaling group name: 1-255 characters, no ':'");
        Map<String, String> tags = TagSelection.read(step, "imageTags", "copied AMIs");
        Integer rpo = step.optionalInt("rpoSeconds", 1, RestoreDatabaseKind.MAX_RPO_SECONDS);
        step.finish();
        return new RestoreImagePlan(region, group, tags, rpo, step.path());
    }

    @Override
    public Map<String, Object> write(RestoreImagePlan step) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("region", step.region());
        m.put("autoScalingGroupName", step.autoScalingGroupName());
        m.put("imageTags", new LinkedHashMap<>(new TreeMap<>(step.imageTags())));
        if (step.rpoSeconds() != null) {
            m.put("rpoSeconds", step.rpoSeconds());
        }
        return m;
    }

    @Override
    public void checkAcross(List<RestoreImagePlan> steps) {
        Uniqueness.unique(steps, s -> s.region() + "/" + s.autoScalingGroupName(), RestoreImagePlan::path, "autoScalingGroupName",
                "Auto Scaling group to restore");
    }

    /** Failback leaves the group on the restored image: the scaleFleet step returns it to standby capacity. */
    @Override
    public OptionalInt failbackRank() {
        return OptionalInt.empty();
    }
}
