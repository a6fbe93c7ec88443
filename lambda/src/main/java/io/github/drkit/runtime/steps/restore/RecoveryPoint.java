package io.github.drkit.runtime.steps.restore;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.drkit.plan.PlanValidationException;
import io.github.drkit.runtime.engine.Inspection;
import io.github.drkit.runtime.engine.InvalidRequestException;

/**
 * One recovery point a restore can start from (a snapshot, a copied AMI): its id and the time of its data. Chosen by
 * {@link #choose}: the latest, or the latest taken at or before the operator's time.
 */
record RecoveryPoint(String id, Instant time) {

    /**
     * The latest point, or the latest at or before {@code before}.
     *
     * @param points    the available points of one resource
     * @param what      the resource in words, for messages ("snapshot of RDS instance 'orders' in us-west-2")
     * @param field     the plan field that selects the points, named when there are none at all
     * @throws PlanValidationException when there is no point at all (the plan names something that was never backed up here)
     * @throws InvalidRequestException  when there is none at or before {@code before} (field {@code before})
     */
    static RecoveryPoint choose(List<RecoveryPoint> points, Optional<Instant> before, String what, String field) {
        if (points.isEmpty()) {
            throw new PlanValidationException(field, "no available " + what + " to restore from; nothing restored");
        }
        Comparator<RecoveryPoint> byTime = Comparator.comparing(RecoveryPoint::time).thenComparing(RecoveryPoint::id);
        if (before.isEmpty()) {
            return points.stream().max(byTime).orElseThrow();
        }
        Optional<RecoveryPoint> chosen = points.stream().filter(p -> !p.time().isAfter(before.get())).max(byTime);
        if (chosen.isEmpty()) {
            RecoveryPoint earliest = points.stream().min(byTime).orElseThrow();
            throw new InvalidRequestException("before", "no " + what + " was taken at or before " + before.get() + " (the earliest is "
                    + earliest.id() + " of " + earliest.time() + "); nothing restored");
        }
        return chosen.get();
    }

    /**
     * {@link #choose} for a run that restores; for status and failback, which need no recovery point, the latest one or
     * null when there is none yet (they report it with {@link #missing} instead of refusing).
     */
    static RecoveryPoint choose(Inspection inspection, List<RecoveryPoint> points, String what, String field) {
        if (!inspection.restoring() && points.isEmpty()) {
            return null;
        }
        return choose(points, inspection.restoring() ? inspection.restorePointBefore() : Optional.empty(), what, field);
    }

    /** The report's details of a resource with no recovery point yet: what restore would look for. */
    static Map<String, Object> missing(String what) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("recoveryPointMissing", "no recovery point yet: no available " + what + "; restore would refuse until one exists");
        return details;
    }

    /** The report's details of the point: its id, time, age now, and the objective it is held to. */
    Map<String, Object> details(Integer rpoSeconds, Instant now) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("recoveryPoint", id);
        details.put("recoveryPointTime", time.toString());
        long age = Math.max(0, Duration.between(time, now).toSeconds());
        details.put("recoveryPointAgeSeconds", age);
        if (rpoSeconds != null) {
            details.put("rpoSeconds", rpoSeconds);
            details.put("rpoMet", age <= rpoSeconds);
        }
        return details;
    }

    /** "snap-1 of 2026-12-01T09:00:00Z, 3 h 12 min old (RPO 4 h: met)". */
    String describe(Integer rpoSeconds, Instant now) {
        Duration age = Duration.between(time, now);
        String text = id + " of " + time + ", " + words(age.isNegative() ? Duration.ZERO : age) + " old";
        if (rpoSeconds != null) {
            text += " (RPO " + words(Duration.ofSeconds(rpoSeconds)) + ": " + (age.toSeconds() <= rpoSeconds ? "met" : "missed") + ")";
        }
        return text;
    }

    static String words(Duration duration) {
        long hours = duration.toHours();
        long minutes = duration.toMinutesPart();
        if (hours == 0) {
            return minutes == 0 ? duration.toSecondsPart() + " s" : minutes + " min";
        }
        return hours + " h" + (minutes == 0 ? "" : " " + minutes + " min");
    }
}
