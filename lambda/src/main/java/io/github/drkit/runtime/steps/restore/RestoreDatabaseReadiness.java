package io.github.drkit.runtime.steps.restore;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.github.drkit.plan.RestoreDatabaseKind;
import io.github.drkit.plan.RestoreDatabasePlan;
import io.github.drkit.runtime.aws.api.AutomatedBackup;
import io.github.drkit.runtime.aws.api.DbInstance;
import io.github.drkit.runtime.aws.api.DbSnapshot;
import io.github.drkit.runtime.readiness.Answer;
import io.github.drkit.runtime.readiness.Finding;
import io.github.drkit.runtime.readiness.ReadinessCheck;
import io.github.drkit.runtime.readiness.ReadinessContext;
import io.github.drkit.runtime.readiness.Severity;

/**
 * Database restores: the snapshot a restore now would start from exists in the recovery Region and is younger than the
 * step's RPO; for a point-in-time restore, the replicated automated backups exist and their latest restorable time is.
 * A database already restored (its instance exists) is reported as such. Reads: one DescribeDBInstances per step, one
 * DescribeDBSnapshots listing per source instance, and one DescribeDBInstanceAutomatedBackups listing per account and
 * Region however many point-in-time steps share it.
 */
public final class RestoreDatabaseReadiness implements ReadinessCheck<RestoreDatabasePlan> {
    @Override
    public String kind() {
        return RestoreDatabaseKind.NAME;
    }

    @Override
    public Class<RestoreDatabasePlan> type() {
        return RestoreDatabasePlan.class;
    }

    @Override
    public List<Finding> check(List<RestoreDatabasePlan> steps, ReadinessContext context) {
        Map<String, Callable<Optional<DbInstance>>> instanceReads = new LinkedHashMap<>();
        Map<String, Callable<List<DbSnapshot>>> snapshotReads = new LinkedHashMap<>();
        Map<String, Callable<List<AutomatedBackup>>> backupReads = new LinkedHashMap<>();
        for (RestoreDatabasePlan step : steps) {
            instanceReads.put(step.path(), () -> context.aws(step).rds().find(step.region(), step.dbInstanceIdentifier()));
            if (step.pointInTime()) {
                backupReads.putIfAbsent(RecoveryPointFindings.scope(step, context), () -> context.aws(step).rdsPointInTime()
                        .automatedBackups(step.region()));
            } else {
                snapshotReads.putIfAbsent(snapshotKey(step, context), () -> context.aws(step).rds().snapshots(step.region(),
                        step.sourceDbInstanceIdentifier()));
            }
        }
        Map<String, Answer<Optional<DbInstance>>> instances = Answer.readAll(context, instanceReads);
        Map<String, Answer<List<DbSnapshot>>> snapshots = Answer.readAll(context, snapshotReads);
        Map<String, Answer<List<AutomatedBackup>>> backups = Answer.readAll(context, backupReads);
        Instant now = Instant.now();
        List<Finding> findings = new ArrayList<>();
        for (RestoreDatabasePlan step : steps) {
            findings.add(finding(step, context, now, instances.get(step.path()), step.pointInTime()
                    ? null : snapshots.get(snapshotKey(step, context)), step.pointInTime() ? backups.get(RecoveryPointFindings.scope(step, context)) : null));
        }
        return findings;
    }

    private static Finding finding(RestoreDatabasePlan step, ReadinessContext context, Instant now, Answer<Optional<DbInstance>> instance,
                                   Answer<List<DbSnapshot>> snapshots, Answer<List<AutomatedBackup>> backups) {
        String resource = "RDS instance " + step.dbInstanceIdentifier() + " (" + step.region() + ")";
        if (instance.error() != null) {
            return ReadinessContext.unchecked(step.path(), resource, "the restored instance", instance.error());
        }
        if (instance.value().isPresent()) {
            DbInstance db = instance.value().get();
            String made = "RDS instance " + step.dbInstanceIdentifier() + " exists (" + db.status() + ")";
            String ended = RestoreDatabaseExecutor.endedWithout(step, db.status());
            if (ended != null) {
                return RecoveryPointFindings.ended(step, resource, ended);
            }
            if (!"available".equals(db.status())) {
                return RecoveryPointFindings.underWay(step, resource, made, RestoreDatabaseExecutor.pointOf(db), now);
            }
            return RecoveryPointFindings.restored(step, resource, made, RestoreDatabaseExecutor.pointOf(db),
                    RecoveryPointFindings.rpoSeconds(step.rpoSeconds(), context), now, "the instance (aws rds delete-db-instance --region "
                            + step.region() + " --db-instance-identifier " + step.dbInstanceIdentifier() + ")");
        }
        Integer rpo = RecoveryPointFindings.rpoSeconds(step.rpoSeconds(), context);
        String field = step.path() + ".sourceDbInstanceIdentifier";
        if (step.pointInTime()) {
            String what = RestoreDatabaseExecutor.backupsWhat(step);
            if (backups.error() != null) {
                return ReadinessContext.unchecked(step.path(), resource, "the " + what, backups.error());
            }
            List<AutomatedBackup> own = backups.value().stream()
                    .filter(b -> step.sourceDbInstanceIdentifier().equalsIgnoreCase(b.dbInstanceIdentifier())).toList();
            PointInTime latest = PointInTime.choose(false, Optional.empty(), own, what, field);
            if (latest == null) {
                return RecoveryPointFindings.none(step, field, resource, what + " with a restore window");
            }
            return latestRestorable(step, resource, latest, rpo, now);
        }
        String what = RestoreDatabaseExecutor.snapshotWhat(step);
        if (snapshots.error() != null) {
            return ReadinessContext.unchecked(step.path(), resource, "the " + what, snapshots.error());
        }
        List<RecoveryPoint> points = RestoreDatabaseExecutor.snapshotPoints(snapshots.value());
        if (points.isEmpty()) {
            return RecoveryPointFindings.none(step, field, resource, what);
        }
        return RecoveryPointFindings.age(step, resource, RecoveryPoint.choose(points, Optional.empty(), what, field), rpo, now, what, "");
    }

    /** A point-in-time restore loses what was written after the latest restorable time: its age is the data lost. */
    private static Finding latestRestorable(RestoreDatabasePlan step, String resource, PointInTime latest, Integer rpo, Instant now) {
        long age = Math.max(0, Duration.between(latest.time(), now).toSeconds());
        String window = "the latest restorable time of the automated backups " + latest.backups().arn() + " (replicated from "
                + latest.backups().sourceRegion() + ") is " + latest.time() + ", " + RecoveryPoint.words(Duration.ofSeconds(age)) + " ago";
        if (rpo != null && age > rpo) {
            return new Finding(Severity.WARNING, Finding.Category.DATA, step.path(), resource, window + ", more than the RPO of "
                    + RecoveryPoint.words(Duration.ofSeconds(rpo)) + " (" + rpo + " s): a restore now would lose " + age + " s of writes",
                    "check the automated backups' replication to " + step.region() + " (aws rds describe-db-instance-automated-backups"
                            + " --region " + step.region() + "): the latest restorable time should stay within minutes of now", age, null);
        }
        return new Finding(Severity.INFO, Finding.Category.DATA, step.path(), resource, window + (rpo == null ? " (no RPO declared)"
                : " (RPO " + RecoveryPoint.words(Duration.ofSeconds(rpo)) + ": met)"), "none", age, null);
    }

    private static String snapshotKey(RestoreDatabasePlan step, ReadinessContext context) {
        return RecoveryPointFindings.scope(step, context) + "|" + step.sourceDbInstanceIdentifier();
    }
}
