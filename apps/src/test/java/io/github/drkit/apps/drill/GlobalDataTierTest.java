package io.github.drkit.apps.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.drkit.plan.PlanStep;
import io.github.drkit.plan.RecoveryPlan;

class GlobalDataTierTest {
    private static final RecoveryPlan PLAN = RecoveryPlan.parse("""
            { "version": 2, "application": "shop", "strategy": "PILOT_LIGHT", "primaryRegion": "us-east-1", "recoveryRegion": "us-west-2",
              "stages": [
                { "name": "data", "steps": [
                  { "kind": "failoverGlobalDatabase", "region": "us-west-2", "globalClusterIdentifier": "shop-global",
                    "dbClusterIdentifier": "shop-secondary", "rpoSeconds": 5 },
                  { "kind": "checkGlobalTable", "region": "us-west-2", "tableName": "shop-carts", "sourceRegion": "us-east-1", "rpoSeconds": 5 }
                ] },
                { "name": "compute", "steps": [
                  { "kind": "startInstances", "region": "us-west-2", "instanceIds": ["i-0123456789abcdef0"] }
                ] }
              ] }
            """);

    @Test
    void of_whenMoto_leavesTheTableGateOutAndKeepsTheDatabasePromotion() {
        GlobalDataTier.Drillable drillable = GlobalDataTier.of(PLAN, true);

        assertEquals(List.of("data", "compute"), drillable.plan().stages().stream().map(s -> s.name()).toList());
        assertEquals(List.of("failoverGlobalDatabase", "startInstances"), drillable.plan().steps().stream().map(PlanStep::kind).toList());
        assertEquals(1, drillable.leftOut().size(), drillable.leftOut()::toString);
        assertTrue(drillable.leftOut().get(0).startsWith("checkGlobalTable stages[0].steps[1] (us-west-2) left out of the drilled plan:"
                + " moto 5.2.1's DynamoDB keeps no global-table replicas"), drillable.leftOut()::toString);
        assertEquals(PLAN.recoveryRegion(), drillable.plan().recoveryRegion());
    }

    @Test
    void of_whenAnotherEmulator_runsThePlanAsDeployed() {
        GlobalDataTier.Drillable drillable = GlobalDataTier.of(PLAN, false);
        assertSame(PLAN, drillable.plan());
        assertTrue(drillable.leftOut().isEmpty());
    }
}
