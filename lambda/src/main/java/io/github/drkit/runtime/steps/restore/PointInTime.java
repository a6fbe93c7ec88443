package io.github.drkit.runtime.steps.restore;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.github.drkit.plan.PlanValidationException;
import io.github.drkit.runtime.aws.api.AutomatedBackup;
import io.github.drkit.runtime.engine.Inspection;
import io.github.drkit.runtime.engine.InvalidRequestException;

/**
 * The point in time a database restore goes back to, within the restore window of the automated backups replicated to
 * the recovery Region: the latest restorable time, or the operator's time when it is earlier.
 *
 * @param backups the replicated automated backups restored from
 * @param time    the time of the restored data; for {@code latest}, the latest restorable time as read before the restore
 *                (RDS restores to the latest at the call, which is that time or later)
 * @param latest  true to restore to the latest restorable time ({@code UseLatestRestorableTime})
 */
record PointInTime(AutomatedBackup backups, Instant time, boolean latest) {

    /**
     * Chooses the point for a run that restores; for status and failback, the latest one or null when there are no
     * replicated backups yet.
     *
     * @throws PlanValidationException when the Region holds no replicated backups of the instance (names {@code field})
     * @throws InvalidRequestException  when {@code before} is earlier than the restore window (names {@code before})
     */
    static PointInTime choose(Inspection inspection, List<AutomatedBackup> all, String what, String field) {
        return choose(inspection.restoring(), inspection.restoring() ? inspection.restorePointBefore() : Optional.empty(), all, what, field);
    }

    /** {@link #choose(Inspection, List, String, String)} with what it reads of the run: whether it restores, and its time. */
    static PointInTime choose(boolean restoring, Optional<Instant> before, List<AutomatedBackup> all, String what, String field) {
        Optional<AutomatedBackup> usable = all.stream().filter(b -> b.arn() != null && b.latest() != null && b.earliest() != null)
                .max(Comparator.comparing(AutomatedBackup::latest));
        if (usable.isEmpty()) {
            if (!restoring) {
                return null;
            }
            throw new PlanValidationException(field, "no " + what + " to restore a point in time from; nothing restored");
        }
        AutomatedBackup backups = usable.get();
        if (before.isEmpty() || !before.get().isBefore(backups.latest())) {
            return new PointInTime(backups, backups.latest(), before.isEmpty());
        }
        if (before.get().isBefore(backups.earliest())) {
            throw new InvalidRequestException("before", "no point in time of " + what + " is at or before " + before.get()
                    + " (its restore window is " + backups.earliest() + " to " + backups.latest() + "); nothing restored");
        }
        // RDS restores to the second: truncating keeps the time at or before the operator's.
        return new PointInTime(backups, before.get().truncatedTo(ChronoUnit.SECONDS), false);
    }

    /** The point as the report gives it: the backups' ARN and the time of the data. */
    RecoveryPoint point() {
        return new RecoveryPoint(backups.arn(), time);
    }
}
