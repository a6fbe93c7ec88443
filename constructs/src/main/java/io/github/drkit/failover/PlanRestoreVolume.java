package io.github.drkit.failover;

import java.util.Map;

import io.github.drkit.internal.plan.Checks;
import io.github.drkit.internal.plan.PlanRules;
import io.github.drkit.internal.plan.RestoreVolumePermissions;
import io.github.drkit.plan.RestoreVolumePlan;
import software.amazon.awscdk.Duration;

/**
 * An EBS volume a restore creates in one Availability Zone of the recovery Region from the latest EBS snapshot copied
 * there (Data Lifecycle Manager's or AWS Backup's copies, selected by tag), or the latest at or before the operator's
 * time, and optionally attaches to an instance there. The volume is tagged {@code drkit:restored-volume} with
 * {@code volumeName}: the role may create volumes only with the plan's names, and attach only those.
 */
public final class PlanRestoreVolume implements RecoveryStep {
    private static final String OWNER = "PlanRestoreVolume";

    private final String region;
    private final String availabilityZone;
    private final Map<String, String> snapshotTags;
    private final String volumeName;
    private final String volumeType;
    private final String attachInstanceId;
    private final String attachDevice;
    private final Duration rpo;
    private final RestoreVolumePlan plan;

    private PlanRestoreVolume(Builder b) {
        this.region = Checks.required(OWNER, "region", b.region);
        this.availabilityZone = Checks.required(OWNER, "availabilityZone", b.availabilityZone);
        this.snapshotTags = Map.copyOf(Checks.required(OWNER, "snapshotTags", b.snapshotTags));
        this.volumeName = Checks.required(OWNER, "volumeName", b.volumeName);
        this.volumeType = b.volumeType;
        this.attachInstanceId = b.attachInstanceId;
        this.attachDevice = b.attachDevice;
        if ((attachInstanceId == null) != (attachDevice == null)) {
            throw new IllegalArgumentException(OWNER + ": attachInstanceId and attachDevice go together (got "
                    + (attachInstanceId == null ? "attachDevice '" + attachDevice + "' alone" : "attachInstanceId '" + attachInstanceId + "' alone")
                    + "): the volume is attached to an instance under a device name, or not at all");
        }
        this.rpo = b.rpo;
        Integer rpoSeconds = PlanRestoreDatabase.rpoSeconds(OWNER, rpo);
        RestoreVolumePlan.Attachment attachment = attachInstanceId == null ? null : new RestoreVolumePlan.Attachment(attachInstanceId, attachDevice);
        this.plan = PlanRules.check(OWNER, () -> PlanRules.reader().check(new RestoreVolumePlan(region, availabilityZone, snapshotTags,
                volumeName, volumeType, attachment, rpoSeconds)));
    }

    public static Builder builder() {
        return new Builder();
    }

    public String getRegion() {
        return region;
    }

    public String getAvailabilityZone() {
        return availabilityZone;
    }

    public Map<String, String> getSnapshotTags() {
        return snapshotTags;
    }

    public String getVolumeName() {
        return volumeName;
    }

    public String getVolumeType() {
        return volumeType;
    }

    public String getAttachInstanceId() {
        return attachInstanceId;
    }

    public String getAttachDevice() {
        return attachDevice;
    }

    public Duration getRpo() {
        return rpo;
    }

    @Override
    public RestoreVolumePlan toPlan() {
        return plan;
    }

    /** In the {@code data} stage: the data is back before the compute stage starts what reads it. */
    @Override
    public String stage() {
        return "data";
    }

    @Override
    public StepPermissions permissions() {
        return RestoreVolumePermissions.INSTANCE;
    }

    public static final class Builder {
        private String region;
        private String availabilityZone;
        private Map<String, String> snapshotTags;
        private String volumeName;
        private String volumeType;
        private String attachInstanceId;
        private String attachDevice;
        private Duration rpo;

        private Builder() {
        }

        /** The recovery Region, where the copied snapshots are. */
        public Builder region(String v) {
            this.region = v;
            return this;
        }

        /** The zone of {@code region} the volume is created in: an EBS volume lives, and attaches, in one zone. */
        public Builder availabilityZone(String v) {
            this.availabilityZone = v;
            return this;
        }

        /** The tags that select the copied snapshots, every one of them (1 to 10); copies keep their source's tags. */
        public Builder snapshotTags(Map<String, String> v) {
            this.snapshotTags = v;
            return this;
        }

        /** The restored volume's name, its {@code drkit:restored-volume} and {@code Name} tags; unique in the Region. */
        public Builder volumeName(String v) {
            this.volumeName = v;
            return this;
        }

        /**
         * The restored volume's type: gp2, gp3, io1, io2, st1, sc1 or standard.
         *
         * @default EC2's default volume type for CreateVolume (gp2)
         */
        public Builder volumeType(String v) {
            this.volumeType = v;
            return this;
        }

        /**
         * The instance the restored volume is attached to, in {@code availabilityZone}; with {@link #attachDevice}.
         *
         * @default none: the volume is left unattached
         */
        public Builder attachInstanceId(String v) {
            this.attachInstanceId = v;
            return this;
        }

        /**
         * The device name the instance sees the volume under ({@code /dev/sdf}, {@code xvdf}); with {@link #attachInstanceId}.
         *
         * @default none: the volume is left unattached
         */
        public Builder attachDevice(String v) {
            this.attachDevice = v;
            return this;
        }

        /**
         * The recovery point objective the report holds the chosen snapshot's age to.
         *
         * @default none: the report gives the age without a verdict
         */
        public Builder rpo(Duration v) {
            this.rpo = v;
            return this;
        }

        public PlanRestoreVolume build() {
            return new PlanRestoreVolume(this);
        }
    }
}
