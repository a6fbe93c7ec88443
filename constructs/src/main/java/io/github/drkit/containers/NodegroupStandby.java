package io.github.drkit.containers;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.github.drkit.failover.Capacity;
import io.github.drkit.failover.PlanNodegroup;
import io.github.drkit.failover.RecoveryTimings;
import io.github.drkit.internal.plan.Checks;
import io.github.drkit.internal.protection.NagSuppression;
import io.github.drkit.internal.topology.Estimates;
import io.github.drkit.objectives.DrStrategy;
import io.github.drkit.objectives.EstimateTerm;
import io.github.drkit.objectives.RecoveryEstimate;
import io.github.drkit.objectives.RecoveryEstimator;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ec2.BlockDevice;
import software.amazon.awscdk.services.ec2.BlockDeviceVolume;
import software.amazon.awscdk.services.ec2.EbsDeviceOptions;
import software.amazon.awscdk.services.ec2.EbsDeviceVolumeType;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.ec2.LaunchTemplate;
import software.amazon.awscdk.services.ec2.LaunchTemplateHttpTokens;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.eks.CfnNodegroup;
import software.amazon.awscdk.services.eks.ICluster;
import software.amazon.awscdk.services.eks.NodegroupAmiType;
import software.amazon.awscdk.services.iam.IManagedPolicy;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.constructs.Construct;

/**
 * An EKS managed node group in the recovery Region, in an existing cluster, at its standby size: pilot light when it
 * runs no node in normal operation ({@code desiredSize} 0, the default), warm standby when it runs a few. Failover sets
 * its scaling configuration to the recovery sizes and waits for the node group's update; failback sets it back. The
 * construct writes no plan of its own: {@link #getStep()} joins the plan of the function that recovers the application
 * ({@code FailoverPlan.Builder.otherSteps}), next to the steps that move its data and traffic.
 *
 * <p>The nodes launch from a launch template that encrypts their gp3 root volume and requires IMDSv2 with one network
 * hop, so that pods cannot read the node role's credentials from the instance metadata service.
 */
public final class NodegroupStandby extends Construct implements RecoveryEstimator {
    private static final String OWNER = "NodegroupStandby";
    /** AWS documents no bound for new nodes to join a cluster; this is drkit's default, replaced by a measured one. */
    public static final Duration DEFAULT_NODE_START_TIME = Duration.minutes(5);
    /** EKS's own default when a node group names no instance type. */
    public static final InstanceType DEFAULT_INSTANCE_TYPE = new InstanceType("t3.medium");
    /** The size of the EKS-optimized Amazon Linux AMIs' root volume, below which a node cannot launch. */
    public static final int MIN_DISK_SIZE = 20;
    /** The root device of the Amazon Linux AMI types (AL2 and AL2023), which the launch template encrypts. */
    private static final String ROOT_DEVICE = "/dev/xvda";
    /** The AWS managed policies every EKS node needs to join the cluster and pull images (AWS EKS User Guide, node IAM role). */
    static final List<String> NODE_POLICIES = List.of("AmazonEKSWorkerNodePolicy", "AmazonEC2ContainerRegistryPullOnly");
    static final String VPC_CNI_POLICY = "AmazonEKS_CNI_Policy";

    private final String clusterName;
    private final Capacity standby;
    private final Capacity recovery;
    private final Duration nodeStartTime;
    private final RecoveryTimings timings;
    private final IRole nodeRole;
    private final LaunchTemplate launchTemplate;
    private final CfnNodegroup nodegroup;
    private final PlanNodegroup step;

    public NodegroupStandby(Construct scope, String id, NodegroupStandbyProps props) {
        super(scope, id);
        Checks.required(OWNER, "props", props);
        ICluster cluster = props.getCluster();
        if (cluster != null && props.getClusterName() != null) {
            throw new IllegalArgumentException(OWNER + ": give cluster or clusterName, not both (got cluster " + cluster.getNode().getPath()
                    + " and clusterName " + props.getClusterName() + ")");
        }
        if (cluster == null && (props.getClusterName() == null || (!Checks.isToken(props.getClusterName()) && props.getClusterName().isBlank()))) {
            throw new IllegalArgumentException(OWNER + ": clusterName is required when cluster is not given (got "
                    + (props.getClusterName() == null ? "none" : "'" + props.getClusterName() + "'")
                    + "): the node group joins an existing EKS cluster in the recovery Region");
        }
        this.clusterName = cluster != null ? cluster.getClusterName() : props.getClusterName();
        IVpc vpc = props.getVpc() != null ? props.getVpc() : vpcOf(cluster);
        if (vpc == null) {
            throw new IllegalArgumentException(OWNER + ": vpc is required when the cluster carries none (got none): the nodes run in the"
                    + " cluster's VPC");
        }
        this.standby = standbySizes(props);
        this.recovery = recoverySizes(props, standby);
        int diskSize = props.getDiskSize() == null ? MIN_DISK_SIZE : Checks.range(OWNER, "diskSize", props.getDiskSize(), MIN_DISK_SIZE, 16_384);
        String amiType = amiType(props.getAmiType() == null ? NodegroupAmiType.AL2023_X86_64_STANDARD : props.getAmiType());
        if (!amiType.startsWith("AL2")) {
            throw new IllegalArgumentException(OWNER + ": amiType must be an Amazon Linux type, AL2023_* or AL2_* (got " + amiType
                    + "): the launch template encrypts " + ROOT_DEVICE + ", the root device of those AMIs");
        }
        List<InstanceType> instanceTypes = props.getInstanceTypes() == null ? List.of(DEFAULT_INSTANCE_TYPE)
                : Checks.notEmpty(OWNER, "instanceTypes", props.getInstanceTypes());
        this.nodeStartTime = props.getNodeStartTime() == null ? DEFAULT_NODE_START_TIME : props.getNodeStartTime();
        if (!nodeStartTime.isUnresolved() && nodeStartTime.toSeconds().doubleValue() <= 0) {
            throw new IllegalArgumentException(OWNER + ": nodeStartTime must be greater than zero (got " + nodeStartTime.toHumanString()
                    + "): new nodes take time to launch and join");
        }
        this.timings = RecoveryTimings.orDefaults(props.getTimings());
        String region = Stack.of(this).getRegion();

        this.nodeRole = props.getNodeRole() != null ? props.getNodeRole()
                : nodeRole(props.getVpcCniOnNodeRole() == null || props.getVpcCniOnNodeRole());
        this.launchTemplate = LaunchTemplate.Builder.create(this, "LaunchTemplate")
                .httpTokens(LaunchTemplateHttpTokens.REQUIRED)
                .httpPutResponseHopLimit(1)
                .blockDevices(List.of(BlockDevice.builder().deviceName(ROOT_DEVICE).volume(BlockDeviceVolume.ebs(diskSize,
                        EbsDeviceOptions.builder().volumeType(EbsDeviceVolumeType.GP3).encrypted(true).deleteOnTermination(true).build()))
                        .build()))
                .build();
        SubnetSelection subnets = props.getVpcSubnets() != null ? props.getVpcSubnets()
                : SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build();
        this.nodegroup = CfnNodegroup.Builder.create(this, "Nodegroup")
                .clusterName(clusterName)
                .nodegroupName(props.getNodegroupName())
                .nodeRole(nodeRole.getRoleArn())
                .subnets(vpc.selectSubnets(subnets).getSubnetIds())
                .amiType(amiType)
                .capacityType("ON_DEMAND")
                .instanceTypes(instanceTypes.stream().map(InstanceType::toString).collect(Collectors.toList()))
                .launchTemplate(CfnNodegroup.LaunchTemplateSpecificationProperty.builder()
                        .id(launchTemplate.getLaunchTemplateId()).version(launchTemplate.getLatestVersionNumber()).build())
                .scalingConfig(CfnNodegroup.ScalingConfigProperty.builder()
                        .minSize(standby.min()).desiredSize(standby.desired()).maxSize(standby.max()).build())
                .build();
        this.step = PlanNodegroup.builder().region(region).clusterName(clusterName).nodegroupName(nodegroup.getAttrNodegroupName())
                .standby(standby).recovery(recovery).updateTimeout(props.getUpdateTimeout()).build();
    }

    /**
     * The CloudFormation value of an AMI type: the enum's name with its architecture {@code x86_64} in lower case, as
     * EKS spells it ({@code AL2023_x86_64_STANDARD}, {@code AL2_ARM_64}).
     */
    static String amiType(NodegroupAmiType type) {
        return type.name().replace("X86_64", "x86_64");
    }

    /** The VPC of a cluster, or null when it was imported without one (the L2 then throws on reading it). */
    private static IVpc vpcOf(ICluster cluster) {
        if (cluster == null) {
            return null;
        }
        try {
            return cluster.getVpc();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The node role: what a node needs to join the cluster, pull images and (optionally) give pods addresses; nothing more. */
    private IRole nodeRole(boolean vpcCni) {
        List<String> names = new ArrayList<>(NODE_POLICIES);
        if (vpcCni) {
            names.add(VPC_CNI_POLICY);
        }
        List<IManagedPolicy> policies = names.stream().map(ManagedPolicy::fromAwsManagedPolicyName).collect(Collectors.toList());
        Role role = Role.Builder.create(this, "NodeRole").assumedBy(new ServicePrincipal("ec2.amazonaws.com"))
                .description("Nodes of the recovery node group: join the EKS cluster, pull images").managedPolicies(policies).build();
        NagSuppression.add(role, "AwsSolutions-IAM4", "The AWS managed EKS node policies are the ones EKS documents for a node"
                + " role and AWS keeps them current as the kubelet and the VPC CNI need new actions; their resource scope cannot be"
                + " narrowed because a node reads cluster-wide EC2 and EKS state and ECR images by any repository it is told to run.",
                names.stream().map(n -> "Policy::arn:<AWS::Partition>:iam::aws:policy/" + n).collect(Collectors.toList()));
        return role;
    }

    private static Capacity standbySizes(NodegroupStandbyProps props) {
        int min = props.getMinSize() == null ? 0 : Checks.range(OWNER, "minSize", props.getMinSize(), 0, io.github.drkit.plan.Capacity.LIMIT);
        int desired = props.getDesiredSize() == null ? min
                : Checks.range(OWNER, "desiredSize", props.getDesiredSize(), 0, io.github.drkit.plan.Capacity.LIMIT);
        int max = props.getMaxSize() == null ? Math.max(desired, 1)
                : Checks.range(OWNER, "maxSize", props.getMaxSize(), 0, io.github.drkit.plan.Capacity.LIMIT);
        return sizes("", min, desired, max);
    }

    private static Capacity recoverySizes(NodegroupStandbyProps props, Capacity standby) {
        int desired = Checks.range(OWNER, "recoveryDesiredSize", props.getRecoveryDesiredSize(), 0, io.github.drkit.plan.Capacity.LIMIT);
        if (desired == 0) {
            throw new IllegalArgumentException(OWNER + ": recoveryDesiredSize must be at least 1 (got 0): a recovery node group with no node"
                    + " runs no pod");
        }
        if (desired < standby.desired()) {
            throw new IllegalArgumentException(OWNER + ": recoveryDesiredSize must be at least desiredSize (got " + desired + ", desiredSize "
                    + standby.desired() + "): failover never shrinks the node group");
        }
        int min = props.getRecoveryMinSize() == null ? desired
                : Checks.range(OWNER, "recoveryMinSize", props.getRecoveryMinSize(), 0, io.github.drkit.plan.Capacity.LIMIT);
        int max = props.getRecoveryMaxSize() == null ? Math.max(desired, standby.max())
                : Checks.range(OWNER, "recoveryMaxSize", props.getRecoveryMaxSize(), 0, io.github.drkit.plan.Capacity.LIMIT);
        if (min < standby.min()) {
            throw new IllegalArgumentException(OWNER + ": recoveryMinSize must be at least minSize (got " + min + ", minSize " + standby.min()
                    + "): failover never shrinks the node group");
        }
        if (max < standby.max()) {
            throw new IllegalArgumentException(OWNER + ": recoveryMaxSize must be at least maxSize (got " + max + ", maxSize " + standby.max()
                    + "): failover never shrinks the node group");
        }
        return sizes("recovery", min, desired, max);
    }

    /** EKS's rules for a scaling configuration, named by the props that set it ({@code prefix} "" or "recovery"). */
    private static Capacity sizes(String prefix, int min, int desired, int max) {
        String minProp = prop(prefix, "minSize");
        String desiredProp = prop(prefix, "desiredSize");
        String maxProp = prop(prefix, "maxSize");
        if (max < 1) {
            throw new IllegalArgumentException(OWNER + ": " + maxProp + " must be at least 1 (got " + max + "): EKS refuses a node group"
                    + " whose maximum size is 0");
        }
        if (min > max) {
            throw new IllegalArgumentException(OWNER + ": " + minProp + " must be at most " + maxProp + " (got " + min + ", " + maxProp + " "
                    + max + ")");
        }
        if (desired < min || desired > max) {
            throw new IllegalArgumentException(OWNER + ": " + desiredProp + " must be from " + minProp + " to " + maxProp + " (got " + desired
                    + ", " + minProp + " " + min + ", " + maxProp + " " + max + ")");
        }
        return Capacity.of(min, desired, max);
    }

    private static String prop(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** Pilot light when no node runs in normal operation, warm standby otherwise. */
    public DrStrategy strategy() {
        return standby.desired() == 0 ? DrStrategy.PILOT_LIGHT : DrStrategy.WARM_STANDBY;
    }

    /**
     * Decision, orchestration, node start and application warm-up: the compute path. The node group moves no traffic
     * and keeps no data, so failure detection, DNS and the RPO belong to the constructs that own them (their estimates
     * run beside this one, and the slowest decides).
     */
    @Override
    public RecoveryEstimate recoveryEstimate() {
        String p = OWNER + ".";
        List<EstimateTerm> rto = new ArrayList<>();
        rto.add(Estimates.decision(timings, p + "timings.decisionTime"));
        rto.add(Estimates.orchestration(timings, p + "timings.orchestrationTime"));
        rto.add(EstimateTerm.of("node start", nodeStartTime, "a raised desired size to nodes Ready in the cluster: instance launch,"
                + " bootstrap, join (assumption; AWS documents no bound, measure it in a drill)", p + "nodeStartTime"));
        rto.add(Estimates.warmUp(timings, p + "timings.appWarmUpTime"));
        return RecoveryEstimate.builder().source(getNode().getPath()).strategy(strategy()).rtoTerms(rto).rpoTerms(List.of()).build();
    }

    /** The step that scales the node group, for the plan of the function that recovers the application. */
    public PlanNodegroup getStep() {
        return step;
    }

    /** The node group's name (generated by CloudFormation unless {@code nodegroupName} was given). */
    public String getNodegroupName() {
        return nodegroup.getAttrNodegroupName();
    }

    public String getClusterName() {
        return clusterName;
    }

    /** The scaling configuration of normal operation, as deployed. */
    public Capacity getStandbySize() {
        return standby;
    }

    /** The scaling configuration failover sets. */
    public Capacity getRecoverySize() {
        return recovery;
    }

    public IRole getNodeRole() {
        return nodeRole;
    }

    public LaunchTemplate getLaunchTemplate() {
        return launchTemplate;
    }

    public CfnNodegroup getNodegroup() {
        return nodegroup;
    }
}
