package io.github.drkit.runtime.steps.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.github.drkit.plan.PlanValidationException;
import io.github.drkit.runtime.aws.api.AutomatedBackup;
import io.github.drkit.runtime.engine.InvalidRequestException;

/**
 * The choice of a point in time within the restore window of replicated automated backups: moto replicates none, so the
 * window's rules are held here, on the answers the conformance suite reads as the SDK does.
 */
class PointInTimeTest {
    private static final String WHAT = "automated backups of RDS instance 'orders' replicated to us-west-2";
    private static final String FIELD = "stages[0].steps[0].sourceDbInstanceIdentifier";
    private static final AutomatedBackup REPLICATED = new AutomatedBackup("arn:aws:rds:us-west-2:123456789012:auto-backup:ab-1", "orders",
            "us-east-1", "replicating", Instant.parse("2026-11-27T10:00:00Z"), Instant.parse("2026-12-04T09:55:00Z"));
    /** What moto lists: an identifier and a status, no ARN and no restore window. */
    private static final AutomatedBackup WITHOUT_WINDOW = new AutomatedBackup(null, "orders", null, "active", null, null);

    @Test
    void choose_whenNoBefore_restoresToTheLatestRestorableTime() {
        PointInTime chosen = PointInTime.choose(true, Optional.empty(), List.of(WITHOUT_WINDOW, REPLICATED), WHAT, FIELD);

        assertTrue(chosen.latest());
        assertEquals(REPLICATED.latest(), chosen.time());
        assertEquals(new RecoveryPoint(REPLICATED.arn(), REPLICATED.latest()), chosen.point());
    }

    @Test
    void choose_whenBeforeIsInTheWindow_restoresToItToTheSecond() {
        PointInTime chosen = PointInTime.choose(true, Optional.of(Instant.parse("2026-12-01T10:00:00.750Z")), List.of(REPLICATED), WHAT, FIELD);

        assertFalse(chosen.latest());
        assertEquals(Instant.parse("2026-12-01T10:00:00Z"), chosen.time());
    }

    @Test
    void choose_whenBeforeIsAfterTheWindow_restoresToItsLatestTimeNamedExactly() {
        PointInTime chosen = PointInTime.choose(true, Optional.of(Instant.parse("2026-12-04T10:30:00Z")), List.of(REPLICATED), WHAT, FIELD);

        // An explicit time: the latest restorable time moves on, and must not pass the operator's.
        assertFalse(chosen.latest());
        assertEquals(REPLICATED.latest(), chosen.time());
    }

    @Test
    void choose_whenBeforeIsEarlierThanTheWindow_refusesNamingBefore() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> PointInTime.choose(true, Optional.of(Instant.parse("2026-11-01T00:00:00Z")), List.of(REPLICATED), WHAT, FIELD));

        assertEquals("before", e.field());
        assertTrue(e.getMessage().contains("no point in time of " + WHAT + " is at or before 2026-11-01T00:00:00Z (its restore window is"
                + " 2026-11-27T10:00:00Z to 2026-12-04T09:55:00Z); nothing restored"), e.getMessage());
    }

    @Test
    void choose_whenRestoringAndNoneHasAWindow_refusesNamingTheField() {
        PlanValidationException e = assertThrows(PlanValidationException.class,
                () -> PointInTime.choose(true, Optional.empty(), List.of(WITHOUT_WINDOW), WHAT, FIELD));

        assertEquals(FIELD, e.field());
    }

    @Test
    void choose_whenNotRestoringAndNoneHasAWindow_isNull() {
        assertNull(PointInTime.choose(false, Optional.empty(), List.of(), WHAT, FIELD));
    }
}
