package io.github.drkit.gates;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;

import io.github.drkit.apps.strategies.RegionNetwork;
import io.github.drkit.containers.NodegroupStandby;
import io.github.drkit.containers.NodegroupStandbyProps;
import io.github.drkit.failover.FailoverFunction;
import io.github.drkit.failover.FailoverFunctionProps;
import io.github.drkit.failover.FailoverPlan;
import io.github.drkit.failover.ManualApproval;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.InstanceType;

/**
 * The template gates over a recovery stack with an EKS node group ({@link NodegroupStandby}) in an existing cluster and
 * the failover function that scales it: no unsuppressed cdk-nag error, no cfn-lint error, every suppression with a
 * reason. The reference app has no EKS cluster, so the construct is judged here on its own stack.
 */
class NodegroupStandbyGatesTest {
    private static SynthesizedApp app;

    @BeforeAll
    static void synthesize() {
        app = SynthesizedApp.of("nodegroup", a -> {
            Stack stack = new Stack(a, "drkit-nodegroup-recovery", StackProps.builder()
                    .env(Environment.builder().account("111111111111").region("us-west-2").build()).build());
            // The reference app's network (flow logs to its log bucket), as the gated apps use it.
            IVpc vpc = new RegionNetwork(stack, "Network").vpc();
            NodegroupStandby nodes = new NodegroupStandby(stack, "Nodes", NodegroupStandbyProps.builder().clusterName("platform").vpc(vpc)
                    .instanceTypes(List.of(new InstanceType("m5.large"))).desiredSize(1).recoveryDesiredSize(4).build());
            new FailoverFunction(stack, "Failover", FailoverFunctionProps.builder().plan(FailoverPlan.builder().application("platform")
                    .strategy(nodes.strategy()).primaryRegion("us-east-1").recoveryRegion("us-west-2")
                    .otherSteps(List.of(nodes.getStep(), ManualApproval.before("compute", "Is the primary cluster down for good?"))).build())
                    .build());
        });
    }

    @Test
    void nag_whenSynthesized_findsNoUnsuppressedErrors() {
        assertFalse(app.assembly().getStacks().isEmpty());
        List<Finding> errors = NagGate.errors(app.assembly());
        assertTrue(errors.isEmpty(), errors.size() + " cdk-nag errors:\n" + lines(errors));
    }

    @Test
    void cfnLint_whenSynthesized_findsNoErrors() {
        List<Finding> errors = CfnLintGate.errors(app.templates(), app.regions());
        assertTrue(errors.isEmpty(), errors.size() + " cfn-lint errors:\n" + lines(errors));
    }

    @Test
    void suppressions_whenPresent_eachCarriesAReason() {
        List<SuppressionAudit.Suppression> suppressions = SuppressionAudit.suppressions(app.templates());
        assertTrue(suppressions.stream().anyMatch(s -> s.rule().equals("AwsSolutions-IAM4") && s.resource().contains("NodeRole")),
                suppressions.toString());
        List<Finding> weak = SuppressionAudit.weak(suppressions);
        assertTrue(weak.isEmpty(), lines(weak));
    }

    private static String lines(List<Finding> findings) {
        return findings.stream().map(Finding::toString).collect(Collectors.joining("\n"));
    }
}
