package io.github.drkit.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code restoreDatabase.source}: a snapshot by default, or a point in time from replicated automated backups. */
class RestoreDatabaseSourceTest {
    private static RestoreDatabasePlan step(String source) {
        return (RestoreDatabasePlan) RecoveryPlan.parse("""
                {"version": 2, "application": "shop", "strategy": "BACKUP_RESTORE", "primaryRegion": "us-east-1", "recoveryRegion": "us-west-2",
                 "stages": [{"name": "data", "steps": [
                   {"kind": "restoreDatabase", "sourceDbInstanceIdentifier": "orders", "dbInstanceIdentifier": "orders-restored"%s}]}]}"""
                .formatted(source == null ? "" : ", \"source\": \"" + source + "\"")).steps().get(0);
    }

    @Test
    void read_whenSourceIsAbsent_restoresFromASnapshot() {
        RestoreDatabasePlan step = step(null);

        assertEquals("snapshot", step.source());
        assertFalse(step.pointInTime());
    }

    @Test
    void read_whenSourceIsPointInTime_restoresToAPointInTimeAndWritesIt() {
        RestoreDatabasePlan step = step("pointInTime");

        assertTrue(step.pointInTime());
        assertEquals("pointInTime", new RestoreDatabaseKind().write(step).get("source"));
    }

    @Test
    void read_whenSourceIsUnknown_namesSourceAndTheTwoValues() {
        PlanValidationException e = assertThrows(PlanValidationException.class, () -> step("latest"));

        assertEquals("stages[0].steps[0].source", e.field());
        assertEquals("stages[0].steps[0].source: must be snapshot (the latest snapshot in the Region) or pointInTime (a point in time from"
                + " the automated backups replicated to the Region) (got 'latest')", e.getMessage());
    }
}
