package io.github.drkit.internal.topology;

import io.github.drkit.failover.Capacity;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.autoscaling.AdditionalHealthCheckType;
import software.amazon.awscdk.services.autoscaling.AdditionalHealthChecksOptions;
import software.amazon.awscdk.services.autoscaling.AutoScalingGroup;
import software.amazon.awscdk.services.autoscaling.HealthChecks;
import software.amazon.awscdk.services.autoscaling.NotificationConfiguration;
import software.amazon.awscdk.services.autoscaling.ScalingEvents;
import software.amazon.awscdk.services.ec2.BlockDevice;
import software.amazon.awscdk.services.ec2.BlockDeviceVolume;
import software.amazon.awscdk.services.ec2.EbsDeviceOptions;
import software.amazon.awscdk.services.ec2.EbsDeviceVolumeType;
import software.amazon.awscdk.services.ec2.IMachineImage;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.ec2.LaunchTemplate;
import software.amazon.awscdk.services.ec2.LaunchTemplateHttpTokens;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.UserData;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.sns.ITopic;
import software.constructs.Construct;

/**
 * An Auto Scaling group in private subnets launched from a launch template: IMDSv2 only, encrypted
 * gp3 root volume, detailed monitoring, ELB health checks, every scaling event notified.
 */
public final class ServerFleet {
    private final LaunchTemplate launchTemplate;
    private final AutoScalingGroup group;
    private final SecurityGroup securityGroup;
    private final Role role;

    public ServerFleet(Construct scope, IVpc vpc, InstanceType instanceType, IMachineImage image, UserData userData, Capacity standby,
            Duration healthCheckGrace, ITopic notifications, boolean elbHealthCheck) {
        this.securityGroup = SecurityGroup.Builder.create(scope, "SecurityGroup")
                .vpc(vpc)
                .description("Servers of the recovery site")
                .allowAllOutbound(true)
                .build();
        this.role = Role.Builder.create(scope, "InstanceRole")
                .assumedBy(new ServicePrincipal("ec2.amazonaws.com"))
                .description("Servers of the recovery site; grant what the application needs")
                .build();
        LaunchTemplate.Builder lt = LaunchTemplate.Builder.create(scope, "LaunchTemplate")
                .instanceType(instanceType)
                .machineImage(image)
                .securityGroup(securityGroup)
                .role(role)
                .httpTokens(LaunchTemplateHttpTokens.REQUIRED)
                .requireImdsv2(true)
                .detailedMonitoring(true)
                .blockDevices(List.of(BlockDevice.builder()
                        .deviceName("/dev/xvda")
                        .volume(BlockDeviceVolume.ebs(20, EbsDeviceOptions.builder().encrypted(true).volumeType(EbsDeviceVolumeType.GP3).build()))
                        .build()));
        if (userData != null) {
            lt.userData(userData);
        }
        this.launchTemplate = lt.build();
        AutoScalingGroup.Builder asg = AutoScalingGroup.Builder.create(scope, "Group")
                .vpc(vpc)
                .vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build())
                .launchTemplate(launchTemplate)
                .minCapacity(standby.min())
                .maxCapacity(standby.max())
                .defaultInstanceWarmup(healthCheckGrace)
                .notifications(List.of(NotificationConfiguration.builder().topic(notifications).scalingEvents(ScalingEvents.ALL).build()));
        if (elbHealthCheck) {
            asg.healthChecks(HealthChecks.withAdditionalChecks(AdditionalHealthChecksOptions.builder()
                    .additionalTypes(List.of(AdditionalHealthCheckType.ELB))
                    .gracePeriod(healthCheckGrace)
                    .build()));
        }
        // Desired capacity stays out of the template unless it differs from min: a deploy during an
        // incident must not reset the capacity failover set.
        if (standby.desired() != standby.min()) {
            asg.desiredCapacity(standby.desired());
        }
        this.group = asg.build();
    }

    public LaunchTemplate launchTemplate() {
        return launchTemplate;
    }

    public AutoScalingGroup group() {
        return group;
    }

    public SecurityGroup securityGroup() {
        return securityGroup;
    }

    public Role role() {
        return role;
    }
}
