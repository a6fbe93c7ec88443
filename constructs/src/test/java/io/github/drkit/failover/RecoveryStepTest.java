package io.github.drkit.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.drkit.internal.plan.PlanPermissions;
import io.github.drkit.objectives.DrStrategy;
import io.github.drkit.plan.DatabasePlan;
import io.github.drkit.plan.PlanStep;
import io.github.drkit.plan.RecoveryPlan;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.iam.PolicyStatement;

/**
 * A step contributed through {@link RecoveryStep} alone (here: a team's own construct helper for a database that
 * grants its own statement) joins the stage it names and brings its permissions, with no edit of {@link FailoverPlan}
 * or {@link PlanPermissions}.
 */
class RecoveryStepTest {

    /** Records each call, so the test can see that one call covers every step of the kind. */
    static final class RecordingPermissions implements StepPermissions {
        final List<List<RecoveryStep>> calls = new ArrayList<>();

        @Override
        public List<PolicyStatement> statements(Stack stack, List<RecoveryStep> steps) {
            calls.add(steps);
            return List.of(PolicyStatement.Builder.create().sid("OwnDatabases").actions(List.of("rds:DescribeDBInstances"))
                    .resources(List.of("*")).build());
        }
    }

    record OwnDatabase(String id, String stage, StepPermissions permissions) implements RecoveryStep {
        @Override
        public PlanStep toPlan() {
            return new DatabasePlan("us-west-2", id, null);
        }
    }

    private static FailoverPlan.Builder plan() {
        return FailoverPlan.builder().application("shop").strategy(DrStrategy.PILOT_LIGHT).recoveryRegion("us-west-2")
                .databases(List.of(PlanDatabase.of("us-west-2", "shop-db")));
    }

    @Test
    void toPlan_whenOtherStepsNameAStage_putsThemThereAfterTheListedSteps() {
        RecordingPermissions permissions = new RecordingPermissions();
        FailoverPlan plan = plan().otherSteps(List.of(new OwnDatabase("orders-db", "data", permissions))).build();

        RecoveryPlan model = plan.toPlan();

        assertEquals(List.of("data", "health"), model.stages().stream().map(s -> s.name()).toList());
        assertEquals(List.of("shop-db", "orders-db"), model.databases().stream().map(DatabasePlan::dbInstanceIdentifier).toList());
    }

    @Test
    void statements_whenStepsOfAnOwnKind_grantsItsStatementsOnceForAllOfThem() {
        RecordingPermissions permissions = new RecordingPermissions();
        OwnDatabase orders = new OwnDatabase("orders-db", "data", permissions);
        OwnDatabase billing = new OwnDatabase("billing-db", "data", permissions);
        FailoverPlan plan = plan().otherSteps(List.of(orders, billing)).build();
        Stack stack = new Stack(new App(), "Dr", StackProps.builder()
                .env(Environment.builder().account("111111111111").region("us-west-2").build()).build());

        List<String> sids = PlanPermissions.statements(stack, plan).stream().map(PolicyStatement::getSid).toList();

        assertEquals(List.of("Databases", "OwnDatabases"), sids);
        assertEquals(List.of(List.of(orders, billing)), permissions.calls);
    }

    @Test
    void build_whenOtherStepNamesUnknownStage_refusesNamingTheStepAndTheStages() {
        PlanModelTest.assertMessage("FailoverPlan: otherSteps[0] (promoteDatabase) names stage 'restore'; a step joins one of"
                        + " [data, compute, traffic]",
                () -> plan().otherSteps(List.of(new OwnDatabase("orders-db", "restore", new RecordingPermissions()))).build());
    }

    @Test
    void build_whenOnlyOtherSteps_isAPlan() {
        FailoverPlan plan = FailoverPlan.builder().application("shop").strategy(DrStrategy.PILOT_LIGHT).recoveryRegion("us-west-2")
                .otherSteps(List.of(new OwnDatabase("orders-db", "data", new RecordingPermissions()))).build();

        assertEquals(1, plan.steps().size());
    }
}
