package io.github.drkit.failover;

import java.util.Map;

import io.github.drkit.internal.plan.Checks;
import io.github.drkit.internal.plan.PlanRules;
import io.github.drkit.internal.plan.RestoreImagePermissions;
import io.github.drkit.plan.RestoreImagePlan;
import software.amazon.awscdk.Duration;

/**
 * An Auto Scaling group in the recovery Region that a restore points at the latest AMI copied there (Data Lifecycle
 * Manager's or AWS Backup's copies, selected by tag), or the latest at or before the operator's time, through a new
 * version of its launch template. Give the group its capacity with a {@link PlanFleet} of the same group. The launch
 * template and the instance role are not part of the plan; the {@link FailoverFunction} needs them to scope its
 * permissions.
 */
public final class PlanRestoreImage implements RecoveryStep {
    private static final String OWNER = "PlanRestoreImage";

    private final String region;
    private final String autoScalingGroupName;
    private final Map<String, String> imageTags;
    private final String launchTemplateId;
    private final String instanceRoleArn;
    private final Duration rpo;
    private final RestoreImagePlan plan;

    private PlanRestoreImage(Builder b) {
        this.region = Checks.required(OWNER, "region", b.region);
        this.autoScalingGroupName = Checks.required(OWNER, "autoScalingGroupName", b.autoScalingGroupName);
        this.imageTags = Map.copyOf(Checks.required(OWNER, "imageTags", b.imageTags));
        this.launchTemplateId = Checks.required(OWNER, "launchTemplateId", b.launchTemplateId);
        this.instanceRoleArn = b.instanceRoleArn;
        this.rpo = b.rpo;
        Integer rpoSeconds = PlanRestoreDatabase.rpoSeconds(OWNER, rpo);
        this.plan = PlanRules.check(OWNER, () -> PlanRules.reader().check(new RestoreImagePlan(region, autoScalingGroupName, imageTags,
                rpoSeconds)));
    }

    public static Builder builder() {
        return new Builder();
    }

    public String getRegion() {
        return region;
    }

    public String getAutoScalingGroupName() {
        return autoScalingGroupName;
    }

    public Map<String, String> getImageTags() {
        return imageTags;
    }

    public String getLaunchTemplateId() {
        return launchTemplateId;
    }

    public String getInstanceRoleArn() {
        return instanceRoleArn;
    }

    public Duration getRpo() {
        return rpo;
    }

    @Override
    public RestoreImagePlan toPlan() {
        return plan;
    }

    /** In the {@code data} stage: the image is chosen before the compute stage scales the group. */
    @Override
    public String stage() {
        return "data";
    }

    @Override
    public StepPermissions permissions() {
        return RestoreImagePermissions.INSTANCE;
    }

    public static final class Builder {
        private String region;
        private String autoScalingGroupName;
        private Map<String, String> imageTags;
        private String launchTemplateId;
        private String instanceRoleArn;
        private Duration rpo;

        private Builder() {
        }

        /** The recovery Region, where the copied AMIs and the group are. */
        public Builder region(String v) {
            this.region = v;
            return this;
        }

        public Builder autoScalingGroupName(String v) {
            this.autoScalingGroupName = v;
            return this;
        }

        /** The tags that select the copied AMIs, every one of them (1 to 10); copies keep their source's tags. */
        public Builder imageTags(Map<String, String> v) {
            this.imageTags = v;
            return this;
        }

        /** The launch template the group launches from: the only one the role may add versions to. */
        public Builder launchTemplateId(String v) {
            this.launchTemplateId = v;
            return this;
        }

        /**
         * The role of the group's instance profile, passed when the group moves to the new launch template version.
         *
         * @default none: the launch template names no instance profile
         */
        public Builder instanceRoleArn(String v) {
            this.instanceRoleArn = v;
            return this;
        }

        /**
         * The recovery point objective the report holds the chosen image's age to.
         *
         * @default none: the report gives the age without a verdict
         */
        public Builder rpo(Duration v) {
            this.rpo = v;
            return this;
        }

        public PlanRestoreImage build() {
            return new PlanRestoreImage(this);
        }
    }
}
