package io.github.drkit.containers;

import java.util.List;

import io.github.drkit.failover.RecoveryTimings;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.eks.ICluster;
import software.amazon.awscdk.services.eks.NodegroupAmiType;
import software.amazon.awscdk.services.iam.IRole;

/** Props of {@link NodegroupStandby}. */
public final class NodegroupStandbyProps {
    private final ICluster cluster;
    private final String clusterName;
    private final IVpc vpc;
    private final SubnetSelection vpcSubnets;
    private final String nodegroupName;
    private final List<InstanceType> instanceTypes;
    private final NodegroupAmiType amiType;
    private final Number diskSize;
    private final Number minSize;
    private final Number desiredSize;
    private final Number maxSize;
    private final Number recoveryMinSize;
    private final Number recoveryDesiredSize;
    private final Number recoveryMaxSize;
    private final IRole nodeRole;
    private final Boolean vpcCniOnNodeRole;
    private final Duration nodeStartTime;
    private final Duration updateTimeout;
    private final RecoveryTimings timings;

    private NodegroupStandbyProps(Builder b) {
        this.cluster = b.cluster;
        this.clusterName = b.clusterName;
        this.vpc = b.vpc;
        this.vpcSubnets = b.vpcSubnets;
        this.nodegroupName = b.nodegroupName;
        this.instanceTypes = b.instanceTypes == null ? null : List.copyOf(b.instanceTypes);
        this.amiType = b.amiType;
        this.diskSize = b.diskSize;
        this.minSize = b.minSize;
        this.desiredSize = b.desiredSize;
        this.maxSize = b.maxSize;
        this.recoveryMinSize = b.recoveryMinSize;
        this.recoveryDesiredSize = b.recoveryDesiredSize;
        this.recoveryMaxSize = b.recoveryMaxSize;
        this.nodeRole = b.nodeRole;
        this.vpcCniOnNodeRole = b.vpcCniOnNodeRole;
        this.nodeStartTime = b.nodeStartTime;
        this.updateTimeout = b.updateTimeout;
        this.timings = b.timings;
    }

    public static Builder builder() {
        return new Builder();
    }

    public ICluster getCluster() {
        return cluster;
    }

    public String getClusterName() {
        return clusterName;
    }

    public IVpc getVpc() {
        return vpc;
    }

    public SubnetSelection getVpcSubnets() {
        return vpcSubnets;
    }

    public String getNodegroupName() {
        return nodegroupName;
    }

    public List<InstanceType> getInstanceTypes() {
        return instanceTypes;
    }

    public NodegroupAmiType getAmiType() {
        return amiType;
    }

    public Number getDiskSize() {
        return diskSize;
    }

    public Number getMinSize() {
        return minSize;
    }

    public Number getDesiredSize() {
        return desiredSize;
    }

    public Number getMaxSize() {
        return maxSize;
    }

    public Number getRecoveryMinSize() {
        return recoveryMinSize;
    }

    public Number getRecoveryDesiredSize() {
        return recoveryDesiredSize;
    }

    public Number getRecoveryMaxSize() {
        return recoveryMaxSize;
    }

    public IRole getNodeRole() {
        return nodeRole;
    }

    public Boolean getVpcCniOnNodeRole() {
        return vpcCniOnNodeRole;
    }

    public Duration getNodeStartTime() {
        return nodeStartTime;
    }

    public Duration getUpdateTimeout() {
        return updateTimeout;
    }

    public RecoveryTimings getTimings() {
        return timings;
    }

    public static final class Builder {
        private ICluster cluster;
        private String clusterName;
        private IVpc vpc;
        private SubnetSelection vpcSubnets;
        private String nodegroupName;
        private List<InstanceType> instanceTypes;
        private NodegroupAmiType amiType;
        private Number diskSize;
        private Number minSize;
        private Number desiredSize;
        private Number maxSize;
        private Number recoveryMinSize;
        private Number recoveryDesiredSize;
        private Number recoveryMaxSize;
        private IRole nodeRole;
        private Boolean vpcCniOnNodeRole;
        private Duration nodeStartTime;
        private Duration updateTimeout;
        private RecoveryTimings timings;

        private Builder() {
        }

        /**
         * The EKS cluster in the recovery Region the node group joins, e.g. {@code Cluster.fromClusterAttributes(...)}.
         *
         * @default none: give {@code clusterName} instead (one of the two is required)
         */
        public Builder cluster(ICluster v) {
            this.cluster = v;
            return this;
        }

        /**
         * The name of the existing EKS cluster in the recovery Region the node group joins.
         *
         * @default the name of {@code cluster} (one of the two is required)
         */
        public Builder clusterName(String v) {
            this.clusterName = v;
            return this;
        }

        /**
         * The cluster's VPC, where the nodes run.
         *
         * @default the VPC of {@code cluster}; required with {@code clusterName}
         */
        public Builder vpc(IVpc v) {
            this.vpc = v;
            return this;
        }

        /** @default the VPC's private subnets with egress (nodes pull images and reach the EKS API through NAT) */
        public Builder vpcSubnets(SubnetSelection v) {
            this.vpcSubnets = v;
            return this;
        }

        /**
         * A fixed name for the node group (replacing it then needs a new name).
         *
         * @default a name CloudFormation generates
         */
        public Builder nodegroupName(String v) {
            this.nodegroupName = v;
            return this;
        }

        /**
         * The instance types the node group launches; the standby cost is priced at the first.
         *
         * @default t3.medium, EKS's own default
         */
        public Builder instanceTypes(List<InstanceType> v) {
            this.instanceTypes = v;
            return this;
        }

        /**
         * An Amazon Linux AMI type (AL2023 or AL2), whose root device the launch template encrypts.
         *
         * @default AL2023_X86_64_STANDARD
         */
        public Builder amiType(NodegroupAmiType v) {
            this.amiType = v;
            return this;
        }

        /**
         * Size of each node's encrypted gp3 root volume, in GiB: 20 (the EKS-optimized AMI's size) to 16,384.
         *
         * @default 20
         */
        public Builder diskSize(Number v) {
            this.diskSize = v;
            return this;
        }

        /**
         * Nodes the group keeps in normal operation at least.
         *
         * @default 0
         */
        public Builder minSize(Number v) {
            this.minSize = v;
            return this;
        }

        /**
         * Nodes in normal operation: 0 is pilot light (the group exists, nothing runs), 1 or more warm standby.
         *
         * @default {@code minSize}
         */
        public Builder desiredSize(Number v) {
            this.desiredSize = v;
            return this;
        }

        /**
         * Nodes the group may reach in normal operation; at least 1, as EKS requires of a node group.
         *
         * @default the larger of {@code desiredSize} and 1
         */
        public Builder maxSize(Number v) {
            this.maxSize = v;
            return this;
        }

        /**
         * Nodes the group keeps at least after failover.
         *
         * @default {@code recoveryDesiredSize}
         */
        public Builder recoveryMinSize(Number v) {
            this.recoveryMinSize = v;
            return this;
        }

        /** Required: nodes after failover, at least 1 and at least {@code desiredSize}. */
        public Builder recoveryDesiredSize(Number v) {
            this.recoveryDesiredSize = v;
            return this;
        }

        /**
         * Nodes the group may reach after failover.
         *
         * @default the larger of {@code recoveryDesiredSize} and {@code maxSize}
         */
        public Builder recoveryMaxSize(Number v) {
            this.recoveryMaxSize = v;
            return this;
        }

        /**
         * The nodes' role.
         *
         * @default a new role with the AWS managed worker node and ECR pull-only policies (and the VPC CNI policy, see
         *          {@code vpcCniOnNodeRole})
         */
        public Builder nodeRole(IRole v) {
            this.nodeRole = v;
            return this;
        }

        /**
         * Whether the new node role carries AmazonEKS_CNI_Policy. AWS recommends giving it to the VPC CNI's service account
         * (IAM roles for service accounts or Pod Identity) instead: set false when the cluster does so.
         *
         * @default true: nodes get pod addresses on a cluster whose VPC CNI has no role of its own
         */
        public Builder vpcCniOnNodeRole(Boolean v) {
            this.vpcCniOnNodeRole = v;
            return this;
        }

        /**
         * Time from a raised desired size to nodes that are Ready in the cluster (instance launch, bootstrap, join). AWS
         * documents no bound; measure it in a drill.
         *
         * @default 5 minutes
         */
        public Builder nodeStartTime(Duration v) {
            this.nodeStartTime = v;
            return this;
        }

        /** How long failover and failback wait for the node group's update. @default 15 minutes; at most 1 hour */
        public Builder updateTimeout(Duration v) {
            this.updateTimeout = v;
            return this;
        }

        /** @default {@link RecoveryTimings#defaults()} */
        public Builder timings(RecoveryTimings v) {
            this.timings = v;
            return this;
        }

        public NodegroupStandbyProps build() {
            return new NodegroupStandbyProps(this);
        }
    }
}
