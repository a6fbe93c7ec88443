package io.github.drkit.runtime.steps.restore;

import java.time.Duration;
import java.time.Instant;

import io.github.drkit.plan.PlanStep;
import io.github.drkit.runtime.readiness.Finding;
import io.github.drkit.runtime.readiness.ReadinessContext;
import io.github.drkit.runtime.readiness.Severity;

/**
 * The findings the restore kinds' readiness checks share: what evaluate answers to "is there a recovery point in the
 * recovery Region, and how old is it against the RPO?". The point weighed is the one a restore now would choose
 * ({@link RecoveryPoint#choose}: the latest).
 */
final class RecoveryPointFindings {
    private RecoveryPointFindings() {
    }

    /** The step's own RPO, else the declared one; null when neither is. */
    static Integer rpoSeconds(Integer stepRpoSeconds, ReadinessContext context) {
        if (stepRpoSeconds != null) {
            return stepRpoSeconds;
        }
        Duration declared = context.objectives().rpo();
        return declared == null ? null : (int) Math.min(Integer.MAX_VALUE, declared.toSeconds());
    }

    /** No recovery point at all: a restore now would refuse at this step, before any change. */
    static Finding none(PlanStep step, String field, String resource, String what) {
        return Finding.of(Severity.CRITICAL, Finding.Category.EXISTENCE, field, resource, "no available " + what
                        + ": a restore now would stop at this step and restore nothing",
                "check that backups are taken and copied to " + step.region() + " (the backup plan's copy rule, the lifecycle policy's"
                        + " cross-Region copy), or correct the plan's " + field.substring(field.lastIndexOf('.') + 1));
    }

    /**
     * The point a restore would use, weighed against the RPO: a warning when it is older (the data a restore now would
     * lose is its age), else its id and age for the record.
     *
     * @param label what the point is, e.g. "snapshot of RDS instance 'orders' in us-west-2"
     * @param note  what to add to the problem (e.g. that the restore already used it); empty for nothing
     */
    static Finding age(PlanStep step, String resource, RecoveryPoint point, Integer rpoSeconds, Instant now, String label, String note) {
        long age = Math.max(0, Duration.between(point.time(), now).toSeconds());
        if (rpoSeconds != null && age > rpoSeconds) {
            return new Finding(Severity.WARNING, Finding.Category.DATA, step.path(), resource, "the newest " + label + " is " + point.id()
                    + " of " + point.time() + ", " + RecoveryPoint.words(Duration.ofSeconds(age)) + " old, older than the RPO of "
                    + RecoveryPoint.words(Duration.ofSeconds(rpoSeconds)) + " (" + rpoSeconds + " s): a restore now would lose "
                    + age + " s of data" + note, "check that the backups run on schedule and reach " + step.region()
                    + " (the backup or copy job's last runs): the newest point should be younger than the RPO", age, null);
        }
        return new Finding(Severity.INFO, Finding.Category.DATA, step.path(), resource, "the newest " + label + " is "
                + point.describe(rpoSeconds, now) + (rpoSeconds == null ? " (no RPO declared)" : "") + note, "none", age, null);
    }

    /**
     * The restore already ran and what it made is usable: a restore now reuses it and makes nothing new, so recovery serves
     * data as old as the point it came from. That age is weighed against the RPO: a warning when older, naming what a
     * person would delete for a fresh restore from the newest point (evaluate deletes nothing).
     *
     * @param made   what the restore made, in words, e.g. "RDS instance 'orders' exists (available)"
     * @param from   the point it came from; null when its tags do not say
     * @param delete what to delete for a fresh restore, with the command, e.g. "the instance (aws rds delete-db-instance ...)"
     */
    static Finding restored(PlanStep step, String resource, String made, RecoveryPoint from, Integer rpoSeconds, Instant now, String delete) {
        String problem = "already restored: " + made + origin(from, now) + "; a restore now reuses it and makes nothing new";
        long age = from == null ? 0 : Math.max(0, Duration.between(from.time(), now).toSeconds());
        if (from != null && rpoSeconds != null && age > rpoSeconds) {
            return new Finding(Severity.WARNING, Finding.Category.DATA, step.path(), resource, problem + ", so recovery serves data "
                    + RecoveryPoint.words(Duration.ofSeconds(age)) + " old, older than the RPO of " + RecoveryPoint.words(Duration.ofSeconds(rpoSeconds))
                    + " (" + rpoSeconds + " s)", "for a recovery within the RPO, keep what " + delete.replaceFirst(" \\(.*", "")
                    + " holds that you need, delete " + delete + " and run restore again: it restores from the newest point", age, null);
        }
        return new Finding(Severity.INFO, Finding.Category.EXISTENCE, step.path(), resource, problem + (from != null && rpoSeconds == null
                ? " (no RPO declared)" : ""), "none; once the primary serves again, see failback's list of what was left", from == null ? null : age, null);
    }

    /**
     * A restore that an earlier run started is not done yet: a restore now waits for it (within the step's deadline) and
     * makes nothing new; until then there is nothing to recover onto.
     */
    static Finding underWay(PlanStep step, String resource, String made, RecoveryPoint from, Instant now) {
        return Finding.of(Severity.WARNING, Finding.Category.EXISTENCE, step.path(), resource, "restore under way: " + made + origin(from, now)
                        + ", not yet usable; a restore now waits for it and makes nothing new",
                "wait for it to finish and evaluate again; if it does not, read why in its service's events");
    }

    /**
     * What an earlier restore made ended unusable (e.g. an instance in {@code incompatible-restore}, a volume in {@code error}):
     * a restore now stops at this step on it, as the executor does, and makes nothing new.
     *
     * @param ended the executor's own words for the state and what to do, as "state: what to do"; words without ": "
     *              are both the state and what to do
     */
    static Finding ended(PlanStep step, String resource, String ended) {
        int colon = ended.indexOf(": ");
        String state = colon < 0 ? ended : ended.substring(0, colon);
        String fix = colon < 0 ? ended : ended.substring(colon + 2);
        return Finding.of(Severity.CRITICAL, Finding.Category.EXISTENCE, step.path(), resource, state
                + ": a restore now would stop at this step on it", fix);
    }

    private static String origin(RecoveryPoint from, Instant now) {
        return from == null ? "" : " from " + from.id() + " of " + from.time() + ", " + RecoveryPoint.words(
                Duration.between(from.time(), now).isNegative() ? Duration.ZERO : Duration.between(from.time(), now)) + " old";
    }

    /** The account and Region a step's reads go to: steps that share one may share a batched read. */
    static String scope(PlanStep step, ReadinessContext context) {
        return context.account(step) + "|" + step.region();
    }
}
