package io.github.drkit.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.drkit.internal.plan.PlanPermissions;
import io.github.drkit.objectives.DrStrategy;
import io.github.drkit.plan.NodegroupPlan;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.iam.PolicyStatement;

/** {@link PlanEcsService} and {@link PlanNodegroup}: the steps they write, their rules, and the statements they grant. */
class ContainerRecoveryStepsTest {
    private static PlanNodegroup.Builder nodegroup() {
        return PlanNodegroup.builder().region("us-west-2").clusterName("shop").nodegroupName("workers")
                .standby(Capacity.of(0, 0, 2)).recovery(Capacity.of(2, 3, 6));
    }

    @Test
    void toPlan_whenNodegroupHasATimeout_writesItInSeconds() {
        NodegroupPlan plan = nodegroup().updateTimeout(Duration.minutes(20)).build().toPlan();

        assertEquals(1200, plan.updateTimeoutSeconds());
        assertEquals(new io.github.drkit.plan.Capacity(2, 3, 6), plan.recovery());
        assertEquals("workers", plan.nodegroupName());
    }

    @Test
    void build_whenNodegroupRecoveryBelowStandby_refusesNamingTheCount() {
        PlanModelTest.assertMessage("PlanNodegroup: recovery.max: must be at least standby.max (got 1, standby 2): failover never shrinks a fleet",
                () -> nodegroup().recovery(Capacity.of(0, 0, 1)).build());
    }

    @Test
    void build_whenNodegroupNameIsBad_refusesNamingIt() {
        PlanModelTest.assertMessage("PlanNodegroup: nodegroupName: must be an EKS node group name: 1-63 letters, digits, '-' and '_', "
                + "starting with a letter or digit (got 'n g')", () -> nodegroup().nodegroupName("n g").build());
    }

    @Test
    void build_whenServiceRequiredCountMissing_refusesNamingIt() {
        PlanModelTest.assertMessage("PlanEcsService: recoveryDesiredCount is required", () -> PlanEcsService.builder().region("us-west-2")
                .clusterName("shop").serviceName("web").standbyDesiredCount(0).build());
    }

    @Test
    void statements_whenServiceAndNodegroup_scopeEachActionToTheirArns() {
        FailoverPlan plan = FailoverPlan.builder().application("shop").strategy(DrStrategy.PILOT_LIGHT).recoveryRegion("us-west-2")
                .otherSteps(List.of(PlanEcsService.builder().region("us-west-2").clusterName("shop").serviceName("web")
                        .standbyDesiredCount(0).recoveryDesiredCount(2).build(), nodegroup().build())).build();
        Stack stack = new Stack(new App(), "Dr", StackProps.builder()
                .env(Environment.builder().account("111111111111").region("us-west-2").build()).build());

        Map<String, PolicyStatement> statements = new java.util.TreeMap<>();
        PlanPermissions.statements(stack, plan).forEach(s -> statements.put(s.getSid(), s));

        assertEquals(1, statements.get("EcsServices").getResources().size());
        assertEquals(true, statements.get("EcsServices").getResources().get(0).endsWith(":ecs:us-west-2:111111111111:service/shop/web"));
        assertEquals(null, statements.get("ReadPrimaryEcsServices"), "a service that does not follow the primary never reads it");
        assertEquals(List.of("ecs:DescribeServices", "ecs:UpdateService"), statements.get("EcsServices").getActions());
        assertEquals(List.of("eks:DescribeNodegroup", "eks:UpdateNodegroupConfig"), statements.get("EksNodegroups").getActions());
        assertEquals(List.of("eks:DescribeUpdate"), statements.get("EksNodegroupUpdates").getActions());
        assertEquals(true, statements.get("EksNodegroups").getResources().get(0).endsWith(":nodegroup/shop/workers/*"));
        assertEquals(true, statements.get("EksNodegroupUpdates").getResources().get(0).endsWith(":cluster/shop"));
    }
}
