package io.github.drkit.pilotlight;

import io.github.drkit.failover.Capacity;
import io.github.drkit.internal.plan.Checks;
import java.util.Map;
import software.amazon.awscdk.services.ec2.IMachineImage;
import software.amazon.awscdk.services.ec2.InstanceClass;
import software.amazon.awscdk.services.ec2.InstanceSize;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.ec2.MachineImage;
import software.amazon.awscdk.services.ec2.UserData;

/**
 * One tier of servers that a pilot light keeps stopped (an Auto Scaling group at 0) until failover:
 * the reverse proxy, the application servers. The tier name is its construct id: renaming it
 * replaces the group.
 */
public final class ServerTier {
    private final String name;
    private final InstanceType instanceType;
    private final IMachineImage machineImage;
    private final UserData userData;
    private final Capacity recoveryCapacity;
    private final int port;
    private final String healthCheckPath;
    private final Map<String, String> imageTags;

    private ServerTier(Builder b) {
        String owner = "ServerTier";
        this.name = Checks.required(owner, "name", b.name);
        if (!name.matches("[A-Za-z][A-Za-z0-9]{0,31}")) {
            throw new IllegalArgumentException(owner + ": name must be 1 to 32 letters or digits, starting with a letter (got " + name + ")");
        }
        this.instanceType = b.instanceType != null ? b.instanceType : InstanceType.of(InstanceClass.T3, InstanceSize.SMALL);
        this.machineImage = b.machineImage != null ? b.machineImage : MachineImage.latestAmazonLinux2023();
        this.userData = b.userData;
        this.recoveryCapacity = b.recoveryCapacity != null ? b.recoveryCapacity : Capacity.of(2, 2, 4);
        if (recoveryCapacity.min() < 1) {
            throw new IllegalArgumentException(owner + ": recoveryCapacity min of tier " + name + " must be at least 1, or failover starts nothing (got "
                    + recoveryCapacity.min() + ")");
        }
        this.port = b.port == null ? 80 : Checks.range(owner, "port", b.port, 1, 65535);
        this.healthCheckPath = b.healthCheckPath == null ? "/" : b.healthCheckPath;
        if (b.imageTags != null && (b.imageTags.isEmpty() || b.imageTags.size() > 10)) {
            throw new IllegalArgumentException(owner + ": imageTags of tier " + name + " must hold 1 to 10 tags, the ones the tier's copied"
                    + " AMIs carry (got " + b.imageTags.size() + ")");
        }
        this.imageTags = b.imageTags == null ? null : Map.copyOf(b.imageTags);
    }

    public static Builder builder() {
        return new Builder();
    }

    public String getName() {
        return name;
    }

    public InstanceType getInstanceType() {
        return instanceType;
    }

    public IMachineImage getMachineImage() {
        return machineImage;
    }

    public UserData getUserData() {
        return userData;
    }

    public Capacity getRecoveryCapacity() {
        return recoveryCapacity;
    }

    public int getPort() {
        return port;
    }

    public String getHealthCheckPath() {
        return healthCheckPath;
    }

    /** The tags that select this tier's copied AMIs in a backup-and-restore site; null when the tier names none. */
    public Map<String, String> getImageTags() {
        return imageTags;
    }

    public static final class Builder {
        private String name;
        private InstanceType instanceType;
        private IMachineImage machineImage;
        private UserData userData;
        private Capacity recoveryCapacity;
        private Integer port;
        private String healthCheckPath;
        private Map<String, String> imageTags;

        private Builder() {
        }

        /** Required: "proxy", "app", ... (the construct id of the tier). */
        public Builder name(String v) {
            this.name = v;
            return this;
        }

        /**
         * @default t3.small
         */
        public Builder instanceType(InstanceType v) {
            this.instanceType = v;
            return this;
        }

        /**
         * The maintained image the servers launch from.
         *
         * @default the latest Amazon Linux 2023, read from SSM at deploy time, so each deploy picks up the
         *          patched image
         */
        public Builder machineImage(IMachineImage v) {
            this.machineImage = v;
            return this;
        }

        /**
         * @default none
         */
        public Builder userData(UserData v) {
            this.userData = v;
            return this;
        }

        /**
         * Capacity after failover.
         *
         * @default min 2, desired 2, max 4 (one per AZ of two, room to grow)
         */
        public Builder recoveryCapacity(Capacity v) {
            this.recoveryCapacity = v;
            return this;
        }

        /**
         * Port the servers listen on.
         *
         * @default 80
         */
        public Builder port(int v) {
            this.port = v;
            return this;
        }

        /**
         * Load balancer health check path of the first tier.
         *
         * @default "/"
         */
        public Builder healthCheckPath(String v) {
            this.healthCheckPath = v;
            return this;
        }

        /**
         * The tags that select this tier's AMIs among those copied to the recovery Region (every one of them, 1 to 10),
         * e.g. {@code drkit:ami=shop} and {@code drkit:ami-tier=app}: a restore launches the tier from the latest AMI that
         * carries them all. Read by {@code BackupRestoreSite} only; {@code PilotLightCore} launches from
         * {@link #machineImage(IMachineImage)} and ignores it.
         *
         * @default none: a {@code BackupRestoreSite} selects the tier's AMIs by its {@code imageTags}
         */
        public Builder imageTags(Map<String, String> v) {
            this.imageTags = v;
            return this;
        }

        public ServerTier build() {
            return new ServerTier(this);
        }
    }
}
