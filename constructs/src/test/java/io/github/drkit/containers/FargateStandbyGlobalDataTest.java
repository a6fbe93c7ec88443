package io.github.drkit.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.drkit.failover.GlobalDatabaseOptions;
import io.github.drkit.failover.GlobalTableOptions;
import io.github.drkit.objectives.RecoveryEstimate;
import io.github.drkit.plan.GlobalDatabasePlan;
import io.github.drkit.plan.GlobalTablePlan;
import io.github.drkit.plan.ServicePlan;
import io.github.drkit.testsupport.Fixtures;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

/** The data tier of a Fargate standby: global databases and tables in the plan's data stage, their grants and estimate terms. */
class FargateStandbyGlobalDataTest {
    private static final GlobalDatabaseOptions DATABASE = GlobalDatabaseOptions.builder().globalClusterIdentifier("shop-global")
            .secondaryClusterIdentifier("shop-secondary").instanceCreationTime(software.amazon.awscdk.Duration.minutes(8)).build();
    private static final GlobalTableOptions TABLE = GlobalTableOptions.builder().tableName("shop-orders")
            .maxReplicationLatency(software.amazon.awscdk.Duration.seconds(30)).build();

    @Test
    void plan_whenGlobalData_runsItsStepsInTheDataStageBeforeTheService() {
        Stack stack = Fixtures.recoveryStack();
        FargateStandby standby = new FargateStandby(stack, "Shop", FargateStandbyTest.props(stack).primaryRegion("us-east-1")
                .globalDatabases(List.of(DATABASE)).globalTables(List.of(TABLE)).build());

        Map<String, List<Object>> byStage = new java.util.TreeMap<>();
        standby.getFailover().getPlan().steps().forEach(s -> byStage.computeIfAbsent(s.stage(), k -> new java.util.ArrayList<>()).add(s.toPlan()));
        assertTrue(byStage.get("data").contains(new GlobalDatabasePlan("us-west-2", "shop-global", "shop-secondary", null, 1, 900)), byStage.toString());
        assertTrue(byStage.get("data").contains(new GlobalTablePlan("us-west-2", "shop-orders", "us-east-1", 30)), byStage.toString());
        assertTrue(byStage.get("compute").stream().anyMatch(ServicePlan.class::isInstance), byStage.toString());

        List<Map<String, Object>> statements = Fixtures.policyStatements(Template.fromStack(stack));
        assertTrue(statements.stream().anyMatch(st -> String.valueOf(st.get("Action")).contains("rds:RemoveFromGlobalCluster")
                && st.get("Resource").toString().contains("cluster:shop-secondary")), statements.toString());
        assertTrue(statements.stream().anyMatch(st -> "dynamodb:DescribeTable".equals(st.get("Action"))
                && st.get("Resource").toString().contains("table/shop-orders")), statements.toString());
    }

    @Test
    void recoveryEstimate_whenGlobalData_countsFailoverWriterInstanceAndTheWorstLag() {
        Stack stack = Fixtures.recoveryStack();
        RecoveryEstimate e = new FargateStandby(stack, "Shop", FargateStandbyTest.props(stack).primaryRegion("us-east-1")
                .globalDatabases(List.of(DATABASE)).globalTables(List.of(TABLE)).build()).recoveryEstimate();
        assertEquals(Duration.ofMinutes(5), term(e.rtoTerms(), "global database failover"));
        assertEquals(Duration.ofMinutes(8), term(e.rtoTerms(), "writer instance creation"));
        // The table's gate accepts 30 s, more than the database's 1 s typical lag.
        assertEquals(Duration.ofSeconds(30), e.rpo());
    }

    @Test
    void recoveryEstimate_whenNoGlobalData_isStateless() {
        Stack stack = Fixtures.recoveryStack();
        RecoveryEstimate e = new FargateStandby(stack, "Shop", FargateStandbyTest.props(stack).build()).recoveryEstimate();
        assertEquals(Duration.ZERO, e.rpo());
    }

    @Test
    void construct_whenGlobalTableHasNoSourceRegion_isRefusedNamingIt() {
        Stack stack = Fixtures.recoveryStack();
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> new FargateStandby(stack, "Shop",
                FargateStandbyTest.props(stack).primaryRegion(null).globalTables(List.of(TABLE)).build()));
        assertEquals("FargateStandby: globalTables[0] (shop-orders) needs a source Region: set GlobalTableOptions.sourceRegion or the"
                + " construct's primaryRegion", ex.getMessage());
    }

    private static Duration term(List<io.github.drkit.objectives.EstimateTerm> terms, String name) {
        return terms.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError(name + " in " + terms)).duration();
    }
}
