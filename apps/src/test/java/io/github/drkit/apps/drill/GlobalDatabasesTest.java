package io.github.drkit.apps.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.drkit.plan.GlobalDatabasePlan;
import io.github.drkit.plan.RecoveryPlan;
import io.github.drkit.runtime.engine.Position;
import io.github.drkit.runtime.engine.Report;
import io.github.drkit.runtime.engine.StateReport;
import io.github.drkit.runtime.engine.StepReport;
import io.github.drkit.runtime.engine.SystemState;

class GlobalDatabasesTest {
    private static final RecoveryPlan PLAN = RecoveryPlan.parse("""
            { "version": 2, "application": "shop", "strategy": "PILOT_LIGHT", "primaryRegion": "us-west-2", "recoveryRegion": "us-east-1",
              "stages": [
                { "name": "data", "steps": [
                  { "kind": "failoverGlobalDatabase", "region": "us-east-1", "globalClusterIdentifier": "shop-global",
                    "dbClusterIdentifier": "shop-secondary", "primaryDbClusterArn": "arn:aws:rds:us-west-2:111111111111:cluster:shop-primary",
                    "rpoSeconds": 5 }
                ] },
                { "name": "compute", "steps": [
                  { "kind": "startInstances", "region": "us-east-1", "instanceIds": ["i-0123456789abcdef0"] }
                ] }
              ] }
            """);
    private static final String DETAIL = "detached from shop-global, now a standalone writer; RPO achieved: replication lag at promotion"
            + " 850 ms (AuroraGlobalDBReplicationLag), within the declared RPO of 5 s [SwitchoverGlobalCluster refused: HTTP 500;"
            + " FailoverGlobalCluster refused: HTTP 500]";

    private static GlobalDatabasePlan step() {
        return PLAN.steps(GlobalDatabasePlan.class).get(0);
    }

    private static AssemblyStack stack(String resources) throws Exception {
        return new AssemblyStack("p", "shop-primary", "111111111111", "us-west-2", new ObjectMapper().readTree("{\"Resources\":" + resources
                + "}"), List.of(), null, "shop-primary");
    }

    private static Report failover(String detail, String role) {
        StateReport after = new StateReport(SystemState.FAILED_OVER, List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(new StateReport.StepStatus("stages[0].steps[0]", "failoverGlobalDatabase", "us-east-1", "shop-secondary", "available",
                        Map.of("role", role), Position.FAILED_OVER)));
        StepReport step = new StepReport("make shop-secondary the writer of shop-global", "stages[0].steps[0]", "t0", "t1", 12,
                StepReport.Outcome.DONE, detail, List.of(), List.of(), null);
        return new Report("failover", "run-1", "shop", "PILOT_LIGHT", "us-east-1", false, false, Report.RunOutcome.SUCCEEDED, "failed over",
                "t0", "t1", 12, null, after, List.of(step), List.of(), List.of());
    }

    @Test
    void promotes_whenPlanHasAGlobalDatabaseStep_isTrue() {
        assertTrue(GlobalDatabases.promotes(PLAN));
        assertFalse(GlobalDatabases.promotes(RecoveryPlan.parse("""
                { "version": 2, "application": "shop", "strategy": "PILOT_LIGHT", "primaryRegion": "us-west-2", "recoveryRegion": "us-east-1",
                  "stages": [ { "name": "compute", "steps": [
                    { "kind": "startInstances", "region": "us-east-1", "instanceIds": ["i-0123456789abcdef0"] } ] } ] }
                """)));
    }

    @Test
    void engine_whenTemplateDeclaresTheGlobalCluster_isItsEngine() throws Exception {
        AssemblyStack primary = stack("{\"Global\":{\"Type\":\"AWS::RDS::GlobalCluster\",\"Properties\":{\"GlobalClusterIdentifier\":"
                + "\"shop-global\",\"Engine\":\"aurora-mysql\"}}}");

        assertEquals("aurora-mysql", GlobalDatabases.engine(step(), List.of(primary)));
    }

    @Test
    void engine_whenNoTemplateDeclaresIt_namesTheStepAndBothIdentifiers() throws Exception {
        AssemblyStack other = stack("{\"Global\":{\"Type\":\"AWS::RDS::GlobalCluster\",\"Properties\":{\"GlobalClusterIdentifier\":"
                + "\"other-global\",\"Engine\":\"aurora-mysql\"}}}");

        DrillException e = assertThrows(DrillException.class, () -> GlobalDatabases.engine(step(), List.of(other)));

        assertEquals("stages[0].steps[0].globalClusterIdentifier: no AWS::RDS::GlobalCluster 'shop-global' or AWS::RDS::DBCluster"
                + " 'shop-secondary' with an Engine in the deployed templates", e.getMessage());
    }

    @Test
    void rpoAchieved_whenStepReportsIt_isTheRpoClauseWithoutTheRefusals() {
        assertEquals(List.of("stages[0].steps[0] failoverGlobalDatabase shop-secondary (us-east-1): RPO achieved: replication lag at"
                + " promotion 850 ms (AuroraGlobalDBReplicationLag), within the declared RPO of 5 s"),
                GlobalDatabases.rpoAchieved(failover(DETAIL, "DETACHED"), PLAN));
    }

    @Test
    void rpoAchieved_whenStepDoesNotReportIt_saysSoWithTheDetail() {
        assertEquals(List.of("stages[0].steps[0] failoverGlobalDatabase shop-secondary (us-east-1): no RPO achieved in the step's detail:"
                + " shop-secondary is already detached, a standalone writer"),
                GlobalDatabases.rpoAchieved(failover("shop-secondary is already detached, a standalone writer", "DETACHED"), PLAN));
    }

    @Test
    void detached_whenFailoverLeftTheSecondaryDetached_namesItsStep() {
        assertEquals(List.of("stages[0].steps[0]"), GlobalDatabases.detached(failover(DETAIL, "DETACHED"), PLAN));
        assertEquals(List.of(), GlobalDatabases.detached(failover(DETAIL, "WRITER"), PLAN));
    }

    @Test
    void sameCluster_whenOnlyTheAccountDiffers_isTrue() {
        assertTrue(GlobalDatabases.sameCluster("arn:aws:rds:us-west-2:111111111111:cluster:shop-primary",
                "arn:aws:rds:us-west-2:123456789012:cluster:shop-primary"));
        assertFalse(GlobalDatabases.sameCluster("arn:aws:rds:us-west-2:111111111111:cluster:shop-primary",
                "arn:aws:rds:us-east-1:111111111111:cluster:shop-primary"));
        assertFalse(GlobalDatabases.sameCluster("arn:aws:rds:us-west-2:111111111111:cluster:shop-primary", "none"));
    }
}
