package io.github.drkit.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.drkit.failover.FailoverFunction;
import io.github.drkit.failover.FailoverFunctionProps;
import io.github.drkit.failover.FailoverPlan;
import io.github.drkit.objectives.CostLine;
import io.github.drkit.objectives.DrStrategy;
import io.github.drkit.objectives.RecoveryEstimate;
import io.github.drkit.objectives.StandbyCost;
import io.github.drkit.plan.NodegroupPlan;
import io.github.drkit.testsupport.Fixtures;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.eks.Cluster;
import software.amazon.awscdk.services.eks.ClusterAttributes;
import software.amazon.awscdk.services.eks.NodegroupAmiType;

class NodegroupStandbyTest {

    static NodegroupStandbyProps.Builder props(Stack stack) {
        return NodegroupStandbyProps.builder().clusterName("shop").vpc(Fixtures.vpc(stack)).recoveryDesiredSize(3);
    }

    @Test
    void constructor_whenDefaults_createsAnEmptyNodegroupThatFailoverScalesToRecovery() {
        Stack stack = Fixtures.recoveryStack();
        NodegroupStandby standby = new NodegroupStandby(stack, "Nodes", props(stack).build());
        Template t = Template.fromStack(stack);

        t.hasResourceProperties("AWS::EKS::Nodegroup", Map.of("ClusterName", "shop", "AmiType", "AL2023_x86_64_STANDARD",
                "CapacityType", "ON_DEMAND", "InstanceTypes", List.of("t3.medium"),
                "ScalingConfig", Map.of("MinSize", 0, "DesiredSize", 0, "MaxSize", 1),
                "LaunchTemplate", Match.objectLike(Map.of("Id", Match.anyValue()))));
        t.hasResourceProperties("AWS::EC2::LaunchTemplate", Map.of("LaunchTemplateData", Match.objectLike(Map.of(
                "MetadataOptions", Map.of("HttpTokens", "required", "HttpPutResponseHopLimit", 1),
                "BlockDeviceMappings", List.of(Map.of("DeviceName", "/dev/xvda", "Ebs",
                        Map.of("VolumeSize", 20, "VolumeType", "gp3", "Encrypted", true, "DeleteOnTermination", true)))))));
        assertEquals(DrStrategy.PILOT_LIGHT, standby.strategy());
        NodegroupPlan step = standby.getStep().toPlan();
        assertEquals("shop", step.clusterName());
        assertEquals(List.of(0, 0, 1), List.of(step.standby().min(), step.standby().desired(), step.standby().max()));
        assertEquals(List.of(3, 3, 3), List.of(step.recovery().min(), step.recovery().desired(), step.recovery().max()));
        assertEquals("compute", standby.getStep().stage());
    }

    @Test
    void constructor_whenDefaultRole_grantsTheNodePoliciesWithAReasonForTheManagedOnes() {
        Stack stack = Fixtures.recoveryStack();
        new NodegroupStandby(stack, "Nodes", props(stack).build());
        Template t = Template.fromStack(stack);

        Map<String, Map<String, Object>> roles = t.findResources("AWS::IAM::Role", Map.of("Properties", Map.of("AssumeRolePolicyDocument",
                Match.objectLike(Map.of("Statement", List.of(Match.objectLike(Map.of("Principal", Map.of("Service", "ec2.amazonaws.com")))))))));
        assertEquals(1, roles.size());
        String role = String.valueOf(roles.values().iterator().next());
        for (String policy : List.of("AmazonEKSWorkerNodePolicy", "AmazonEC2ContainerRegistryPullOnly", "AmazonEKS_CNI_Policy")) {
            assertTrue(role.contains("iam::aws:policy/" + policy), policy + " in " + role);
        }
        assertTrue(role.contains("AwsSolutions-IAM4") && role.contains("Policy::arn:<AWS::Partition>:iam::aws:policy/AmazonEKSWorkerNodePolicy"), role);
    }

    @Test
    void constructor_whenVpcCniHasItsOwnRole_leavesTheCniPolicyOffTheNodes() {
        Stack stack = Fixtures.recoveryStack();
        new NodegroupStandby(stack, "Nodes", props(stack).vpcCniOnNodeRole(false).build());

        String roles = String.valueOf(Template.fromStack(stack).findResources("AWS::IAM::Role"));
        assertTrue(roles.contains("AmazonEKSWorkerNodePolicy"), roles);
        assertTrue(!roles.contains("AmazonEKS_CNI_Policy"), roles);
    }

    @Test
    void constructor_whenWarmAndImportedCluster_runsNodesAndTakesTheClusterFromTheL2() {
        Stack stack = Fixtures.recoveryStack();
        var cluster = Cluster.fromClusterAttributes(stack, "Cluster", ClusterAttributes.builder().clusterName("platform")
                .vpc(Fixtures.vpc(stack)).build());
        NodegroupStandby standby = new NodegroupStandby(stack, "Nodes", NodegroupStandbyProps.builder().cluster(cluster)
                .instanceTypes(List.of(new InstanceType("m5.large"))).minSize(1).desiredSize(2).maxSize(4)
                .recoveryDesiredSize(6).recoveryMaxSize(10).diskSize(50).nodegroupName("recovery").build());
        Template t = Template.fromStack(stack);

        t.hasResourceProperties("AWS::EKS::Nodegroup", Map.of("ClusterName", "platform", "NodegroupName", "recovery",
                "InstanceTypes", List.of("m5.large"), "ScalingConfig", Map.of("MinSize", 1, "DesiredSize", 2, "MaxSize", 4)));
        t.hasResourceProperties("AWS::EC2::LaunchTemplate", Map.of("LaunchTemplateData", Match.objectLike(Map.of(
                "BlockDeviceMappings", List.of(Map.of("DeviceName", "/dev/xvda", "Ebs", Match.objectLike(Map.of("VolumeSize", 50))))))));
        assertEquals(DrStrategy.WARM_STANDBY, standby.strategy());
        NodegroupPlan step = standby.getStep().toPlan();
        assertEquals(List.of(6, 6, 10), List.of(step.recovery().min(), step.recovery().desired(), step.recovery().max()));
    }

    @Test
    void getStep_whenInAFailoverPlan_grantsDescribeAndUpdateOnThisNodegroupOnly() {
        Stack stack = Fixtures.recoveryStack();
        NodegroupStandby standby = new NodegroupStandby(stack, "Nodes", props(stack).build());
        new FailoverFunction(stack, "Failover", FailoverFunctionProps.builder().plan(FailoverPlan.builder().application("shop")
                .strategy(standby.strategy()).primaryRegion("us-east-1").recoveryRegion("us-west-2").otherSteps(List.of(standby.getStep()))
                .build()).build());
        Template t = Template.fromStack(stack);

        Map<String, Object> nodegroups = Fixtures.policyStatements(t).stream().filter(s -> "EksNodegroups".equals(s.get("Sid")))
                .findFirst().orElseThrow();
        assertTrue(String.valueOf(nodegroups.get("Action")).contains("eks:UpdateNodegroupConfig"), String.valueOf(nodegroups.get("Action")));
        String resource = String.valueOf(nodegroups.get("Resource"));
        assertTrue(resource.contains(":nodegroup/shop/") && resource.contains("NodegroupName"), resource);
        Fixtures.assertNoMutatingActionOnWildcard(t);
        // The node group ARN's generated id is the one wildcard; its cdk-nag finding is named, with the reason.
        String roles = String.valueOf(t.findResources("AWS::IAM::Role"));
        assertTrue(roles.contains("AwsSolutions-IAM5") && roles.contains(":nodegroup\\/") && roles.contains("an EKS node group ARN ends in an id"),
                roles);
    }

    @Test
    void standbyCost_whenWarm_pricesTheRunningNodesAndTheirEncryptedRootVolumes() {
        Stack stack = Fixtures.recoveryStack();
        new NodegroupStandby(stack, "Nodes", props(stack).instanceTypes(List.of(new InstanceType("m5.large"))).minSize(2)
                .diskSize(30).recoveryDesiredSize(4).build());

        StandbyCost cost = StandbyCost.of(stack);
        List<CostLine> nodes = cost.lines().stream().filter(l -> l.resourceType().equals("AWS::EKS::Nodegroup")).toList();
        assertEquals(2, nodes.size(), nodes.toString());
        assertEquals(2 * 0.096 * 730, nodes.get(0).monthlyUsd(), 1e-9);
        assertTrue(nodes.get(0).description().startsWith("2 x m5.large (desired size)"), nodes.get(0).description());
        assertEquals(2 * 30 * 0.08, nodes.get(1).monthlyUsd(), 1e-9);
        assertTrue(cost.unpriced().stream().noneMatch(u -> u.contains("Nodegroup")), cost.unpriced().toString());
    }

    @Test
    void recoveryEstimate_whenDefaults_countsNodeStartAndSaysNothingOfData() {
        Stack stack = Fixtures.recoveryStack();
        RecoveryEstimate e = new NodegroupStandby(stack, "Nodes", props(stack).build()).recoveryEstimate();

        // 300 decision + 30 orchestration + 300 node start + 180 warm-up
        assertEquals(Duration.ofSeconds(300 + 30 + 300 + 180), e.rto());
        assertEquals("NodegroupStandby.nodeStartTime", e.rtoTerms().stream().filter(t -> t.name().equals("node start")).findFirst()
                .orElseThrow().prop());
        assertTrue(e.rpoTerms().isEmpty());
    }

    private static void assertRefused(String message, UnaryOperator<NodegroupStandbyProps.Builder> change) {
        Stack stack = Fixtures.recoveryStack();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NodegroupStandby(stack, "Nodes", change.apply(props(stack)).build()));
        assertEquals(message, e.getMessage());
    }

    @Test
    void constructor_whenClusterNameMissing_refuses() {
        assertRefused("NodegroupStandby: clusterName is required when cluster is not given (got none): the node group joins an existing"
                + " EKS cluster in the recovery Region", p -> p.clusterName(null));
    }

    @Test
    void constructor_whenClusterNameBlank_refuses() {
        assertRefused("NodegroupStandby: clusterName is required when cluster is not given (got ' '): the node group joins an existing"
                + " EKS cluster in the recovery Region", p -> p.clusterName(" "));
    }

    @Test
    void constructor_whenClusterNameMalformed_refusesWithThePlanRule() {
        Stack stack = Fixtures.recoveryStack();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NodegroupStandby(stack, "Nodes", props(stack).clusterName("-shop").build()));
        assertTrue(e.getMessage().startsWith("PlanNodegroup: ") && e.getMessage().contains("clusterName")
                && e.getMessage().contains("-shop"), e.getMessage());
    }

    @Test
    void constructor_whenClusterAndClusterName_refuses() {
        Stack stack = Fixtures.recoveryStack();
        var cluster = Cluster.fromClusterAttributes(stack, "Cluster", ClusterAttributes.builder().clusterName("platform").build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NodegroupStandby(stack, "Nodes", props(stack).cluster(cluster).build()));
        assertEquals("NodegroupStandby: give cluster or clusterName, not both (got cluster Test/Cluster and clusterName shop)", e.getMessage());
    }

    @Test
    void constructor_whenImportedClusterHasNoVpcAndNoneGiven_refuses() {
        Stack stack = Fixtures.recoveryStack();
        var cluster = Cluster.fromClusterAttributes(stack, "Cluster", ClusterAttributes.builder().clusterName("platform").build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NodegroupStandby(stack, "Nodes", NodegroupStandbyProps.builder().cluster(cluster).recoveryDesiredSize(2).build()));
        assertEquals("NodegroupStandby: vpc is required when the cluster carries none (got none): the nodes run in the cluster's VPC",
                e.getMessage());
    }

    @Test
    void constructor_whenDesiredAboveMax_refuses() {
        assertRefused("NodegroupStandby: desiredSize must be from minSize to maxSize (got 5, minSize 0, maxSize 3)",
                p -> p.desiredSize(5).maxSize(3).recoveryDesiredSize(6));
    }

    @Test
    void constructor_whenDesiredBelowMin_refuses() {
        assertRefused("NodegroupStandby: desiredSize must be from minSize to maxSize (got 1, minSize 2, maxSize 4)",
                p -> p.minSize(2).desiredSize(1).maxSize(4));
    }

    @Test
    void constructor_whenMinAboveMax_refuses() {
        assertRefused("NodegroupStandby: minSize must be at most maxSize (got 4, maxSize 3)", p -> p.minSize(4).maxSize(3));
    }

    @Test
    void constructor_whenMaxZero_refuses() {
        assertRefused("NodegroupStandby: maxSize must be at least 1 (got 0): EKS refuses a node group whose maximum size is 0",
                p -> p.maxSize(0));
    }

    @Test
    void constructor_whenRecoveryMaxZero_refusesNamingTheRecoveryProp() {
        assertRefused("NodegroupStandby: recoveryMaxSize must be at least maxSize (got 0, maxSize 1): failover never shrinks the node group",
                p -> p.recoveryMaxSize(0));
    }

    @Test
    void constructor_whenRecoveryDesiredAboveRecoveryMax_refuses() {
        assertRefused("NodegroupStandby: recoveryDesiredSize must be from recoveryMinSize to recoveryMaxSize (got 3, recoveryMinSize 1,"
                + " recoveryMaxSize 2)", p -> p.maxSize(2).recoveryMinSize(1).recoveryMaxSize(2));
    }

    @Test
    void constructor_whenRecoveryDesiredMissing_refuses() {
        assertRefused("NodegroupStandby: recoveryDesiredSize is required", p -> p.recoveryDesiredSize(null));
    }

    @Test
    void constructor_whenRecoveryDesiredZero_refuses() {
        assertRefused("NodegroupStandby: recoveryDesiredSize must be at least 1 (got 0): a recovery node group with no node runs no pod",
                p -> p.recoveryDesiredSize(0));
    }

    @Test
    void constructor_whenRecoveryBelowStandby_refuses() {
        assertRefused("NodegroupStandby: recoveryDesiredSize must be at least desiredSize (got 2, desiredSize 3): failover never shrinks"
                + " the node group", p -> p.desiredSize(3).maxSize(3).recoveryDesiredSize(2));
    }

    @Test
    void constructor_whenRecoveryMinBelowMin_refuses() {
        assertRefused("NodegroupStandby: recoveryMinSize must be at least minSize (got 1, minSize 2): failover never shrinks the node group",
                p -> p.minSize(2).maxSize(2).recoveryMinSize(1));
    }

    @Test
    void constructor_whenSizeNotWhole_refuses() {
        assertRefused("NodegroupStandby: desiredSize must be a whole number from 0 to 10000 (got 1.5)", p -> p.desiredSize(1.5));
    }

    @Test
    void constructor_whenDiskTooSmall_refuses() {
        assertRefused("NodegroupStandby: diskSize must be a whole number from 20 to 16384 (got 8)", p -> p.diskSize(8));
    }

    @Test
    void constructor_whenAmiTypeNotAmazonLinux_refuses() {
        assertRefused("NodegroupStandby: amiType must be an Amazon Linux type, AL2023_* or AL2_* (got BOTTLEROCKET_x86_64): the launch"
                + " template encrypts /dev/xvda, the root device of those AMIs", p -> p.amiType(NodegroupAmiType.BOTTLEROCKET_X86_64));
    }

    @Test
    void constructor_whenInstanceTypesEmpty_refuses() {
        assertRefused("NodegroupStandby: instanceTypes must not be empty", p -> p.instanceTypes(List.of()));
    }

    @Test
    void constructor_whenNodeStartTimeZero_refuses() {
        assertRefused("NodegroupStandby: nodeStartTime must be greater than zero (got 0 seconds): new nodes take time to launch and join",
                p -> p.nodeStartTime(software.amazon.awscdk.Duration.seconds(0)));
    }

    @Test
    void constructor_whenUpdateTimeoutOverAnHour_refusesWithThePlanRule() {
        Stack stack = Fixtures.recoveryStack();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new NodegroupStandby(stack, "Nodes",
                props(stack).updateTimeout(software.amazon.awscdk.Duration.hours(2)).build()));
        assertTrue(e.getMessage().startsWith("PlanNodegroup: ") && e.getMessage().contains("updateTimeoutSeconds")
                && e.getMessage().contains("7200"), e.getMessage());
    }
}
