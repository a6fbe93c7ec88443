package io.github.drkit.runtime.steps.restore;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import io.github.drkit.plan.RestoreDatabaseKind;
import io.github.drkit.plan.RestoreDatabasePlan;
import io.github.drkit.runtime.aws.AwsServiceError;
import io.github.drkit.runtime.aws.api.DbInstance;
import io.github.drkit.runtime.aws.api.DbSnapshot;
import io.github.drkit.runtime.engine.Execution;
import io.github.drkit.runtime.engine.Inspection;
import io.github.drkit.runtime.engine.Position;
import io.github.drkit.runtime.engine.StateReport;
import io.github.drkit.runtime.engine.Step;
import io.github.drkit.runtime.engine.StepExecutor;
import io.github.drkit.runtime.engine.StepLive;

/**
 * The runtime side of {@code restoreDatabase}: restores an RDS DB instance from the chosen snapshot in the recovery Region
 * ({@code RestoreDBInstanceFromDBSnapshot}), or to a point in time from the automated backups replicated there
 * ({@code RestoreDBInstanceToPointInTime}), tags it with its source and the time of its data, and waits until it is
 * {@code available}. The restored instance is never deleted: failback lists it for a person.
 */
public final class RestoreDatabaseExecutor implements StepExecutor<RestoreDatabasePlan> {
    /** The tag that says which snapshot a restored instance came from. */
    public static final String RESTORED_FROM = RestoreTags.RESTORED_FROM;
    /** The tag that holds the time of the restored instance's data (the snapshot's). */
    public static final String RECOVERY_POINT_TIME = RestoreTags.RECOVERY_POINT_TIME;
    /** The longest a restore waits for its instance: RDS restores of large databases take hours; the run's deadline caps it. */
    static final Duration AVAILABLE_TIMEOUT = Duration.ofHours(24);
    /**
     * Statuses RDS leaves a restored instance in when it cannot finish: it stays so until someone acts, so waiting on it
     * would only run out the deadline.
     */
    static final Set<String> FINAL_STATUSES = Set.of("failed", "incompatible-restore", "incompatible-parameters", "incompatible-network",
            "incompatible-option-group", "restore-error");

    /**
     * What inspect read: the restored instance if it exists, else the snapshot (or the point in time, with the replicated
     * automated backups it is restored from) the restore would use; null for status and failback while there is none.
     */
    record State(DbInstance restored, RecoveryPoint point, PointInTime pointInTime) {
    }

    @Override
    public String kind() {
        return RestoreDatabaseKind.NAME;
    }

    @Override
    public Class<RestoreDatabasePlan> type() {
        return RestoreDatabasePlan.class;
    }

    @Override
    public Map<String, StepLive> inspect(List<RestoreDatabasePlan> steps, Inspection inspection) {
        List<Callable<StepLive>> reads = new ArrayList<>();
        for (RestoreDatabasePlan step : steps) {
            reads.add(() -> read(step, inspection));
        }
        List<StepLive> answers = inspection.all(reads);
        Map<String, StepLive> live = new LinkedHashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            live.put(steps.get(i).path(), answers.get(i));
        }
        return live;
    }

    private static StepLive read(RestoreDatabasePlan step, Inspection inspection) {
        Optional<DbInstance> restored = inspection.aws(step).rds().find(step.region(), step.dbInstanceIdentifier());
        Instant now = Instant.now();
        if (restored.isPresent()) {
            DbInstance db = restored.get();
            Map<String, Object> details = new LinkedHashMap<>();
            RecoveryPoint point = pointOf(db);
            if (point != null) {
                details.putAll(point.details(step.rpoSeconds(), now));
            }
            // The restored instance serves whichever way traffic points: it does not vote on the state.
            return new StepLive(new StateReport.StepStatus(step.path(), RestoreDatabaseKind.NAME, step.region(), step.dbInstanceIdentifier(),
                    db.status(), details, Position.EITHER), new State(db, point, null));
        }
        if (step.pointInTime()) {
            String what = backupsWhat(step);
            PointInTime chosen = PointInTime.choose(inspection, inspection.aws(step).rdsPointInTime().automatedBackups(step.region(),
                    step.sourceDbInstanceIdentifier()), what, step.path() + ".sourceDbInstanceIdentifier");
            RecoveryPoint point = chosen == null ? null : chosen.point();
            return new StepLive(new StateReport.StepStatus(step.path(), RestoreDatabaseKind.NAME, step.region(), step.dbInstanceIdentifier(),
                    null, point == null ? RecoveryPoint.missing(what) : point.details(step.rpoSeconds(), now), Position.NORMAL),
                    new State(null, point, chosen));
        }
        List<RecoveryPoint> points = snapshotPoints(inspection.aws(step).rds().snapshots(step.region(), step.sourceDbInstanceIdentifier()));
        String what = snapshotWhat(step);
        RecoveryPoint point = RecoveryPoint.choose(inspection, points, what, step.path() + ".sourceDbInstanceIdentifier");
        return new StepLive(new StateReport.StepStatus(step.path(), RestoreDatabaseKind.NAME, step.region(), step.dbInstanceIdentifier(),
                null, point == null ? RecoveryPoint.missing(what) : point.details(step.rpoSeconds(), now), Position.NORMAL),
                new State(null, point, null));
    }

    /** The snapshot a restored instance came from, from the tags the restore gave it; null for an instance made otherwise. */
    static RecoveryPoint pointOf(DbInstance db) {
        return RestoreTags.pointOf(db.tags());
    }

    /** The snapshots a restore may start from: the available ones whose data time is known. */
    static List<RecoveryPoint> snapshotPoints(List<DbSnapshot> snapshots) {
        return snapshots.stream().filter(s -> "available".equals(s.status()) && s.dataTime() != null)
                .map(s -> new RecoveryPoint(s.identifier(), s.dataTime())).toList();
    }

    /** The step's snapshots in words, for messages. */
    static String snapshotWhat(RestoreDatabasePlan step) {
        return "snapshot of RDS instance '" + step.sourceDbInstanceIdentifier() + "' in " + step.region();
    }

    /** The step's replicated automated backups in words, for messages. */
    static String backupsWhat(RestoreDatabasePlan step) {
        return "automated backups of RDS instance '" + step.sourceDbInstanceIdentifier() + "' replicated to " + step.region();
    }

    @Override
    public List<Step> failover(RestoreDatabasePlan step, Execution execution) {
        State state = execution.state(step, State.class);
        String name = "restore database " + step.dbInstanceIdentifier() + " (" + step.region() + ")";
        if (state.restored() != null) {
            if ("available".equals(state.restored().status())) {
                return List.of(Step.change(name, step.path(), List.of(), () -> Step.Result.noChange("already restored"),
                        "already restored" + (state.point() == null ? "" : " from " + state.point().id()) + " and available"));
            }
            // A restore an earlier run started (or cut by its deadline): wait for it, make nothing new.
            return List.of(Step.gate(name, step.path(), List.of(step.dbInstanceIdentifier() + " available"),
                    () -> awaitAvailable(step, execution, name, "restore under way")));
        }
        if (state.pointInTime() != null) {
            PointInTime chosen = state.pointInTime();
            String change = "restore RDS instance " + step.dbInstanceIdentifier() + " in " + step.region() + " to "
                    + (chosen.latest() ? "the latest restorable time (now " : "point in time ") + chosen.point().describe(step.rpoSeconds(),
                    Instant.now()).replaceFirst("^\\S+ of ", "") + (chosen.latest() ? ")" : "") + " from the automated backups of "
                    + step.sourceDbInstanceIdentifier() + " replicated from " + chosen.backups().sourceRegion()
                    + (step.dbInstanceClass() == null ? "" : ", class " + step.dbInstanceClass())
                    + (step.dbSubnetGroupName() == null ? "" : ", subnet group " + step.dbSubnetGroupName()) + securityGroups(step);
            return List.of(Step.change(name, step.path(), List.of(change), () -> restoreToPointInTime(step, chosen, execution, name), null));
        }
        RecoveryPoint point = state.point();
        String change = "restore RDS instance " + step.dbInstanceIdentifier() + " in " + step.region() + " from snapshot "
                + point.describe(step.rpoSeconds(), Instant.now())
                + (step.dbInstanceClass() == null ? "" : ", class " + step.dbInstanceClass())
                + (step.dbSubnetGroupName() == null ? "" : ", subnet group " + step.dbSubnetGroupName()) + securityGroups(step);
        return List.of(Step.change(name, step.path(), List.of(change), () -> restore(step, point, execution, name), null));
    }

    /** The groups the change gives the instance, for the dry run's list of changes; RDS gives the VPC's default one without. */
    private static String securityGroups(RestoreDatabasePlan step) {
        return step.vpcSecurityGroupIds().isEmpty() ? ", the VPC's default security group"
                : ", security groups " + String.join(", ", step.vpcSecurityGroupIds());
    }

    private static Step.Result restore(RestoreDatabasePlan step, RecoveryPoint point, Execution execution, String name) {
        if (execution.aws(step).rds().find(step.region(), step.dbInstanceIdentifier()).isPresent()) {
            return Step.Result.byAnotherRun(step.dbInstanceIdentifier() + " exists");
        }
        Map<String, String> tags = RestoreTags.of(point);
        try {
            execution.aws(step).rds().restoreFromSnapshot(step.region(), step.dbInstanceIdentifier(), point.id(), step.dbInstanceClass(),
                    step.dbSubnetGroupName(), step.vpcSecurityGroupIds(), tags);
        } catch (AwsServiceError e) {
            if (!e.is("DBInstanceAlreadyExists", "DBInstanceAlreadyExistsFault")) {
                throw e;
            }
            return Step.Result.byAnotherRun(step.dbInstanceIdentifier() + " was created while this run started its restore");
        }
        return awaitAvailable(step, execution, name, "restored from " + point.id());
    }

    private static Step.Result restoreToPointInTime(RestoreDatabasePlan step, PointInTime chosen, Execution execution, String name) {
        if (execution.aws(step).rds().find(step.region(), step.dbInstanceIdentifier()).isPresent()) {
            return Step.Result.byAnotherRun(step.dbInstanceIdentifier() + " exists");
        }
        try {
            execution.aws(step).rdsPointInTime().restoreToPointInTime(step.region(), step.dbInstanceIdentifier(), chosen.backups().arn(),
                    chosen.latest() ? null : chosen.time(), step.dbInstanceClass(), step.dbSubnetGroupName(), step.vpcSecurityGroupIds(),
                    RestoreTags.of(chosen.point()));
        } catch (AwsServiceError e) {
            if (!e.is("DBInstanceAlreadyExists", "DBInstanceAlreadyExistsFault")) {
                throw e;
            }
            return Step.Result.byAnotherRun(step.dbInstanceIdentifier() + " was created while this run started its restore");
        }
        return awaitAvailable(step, execution, name, "restored to " + (chosen.latest() ? "the latest restorable time" : chosen.time().toString())
                + " from " + chosen.backups().arn());
    }

    private static Step.Result awaitAvailable(RestoreDatabasePlan step, Execution execution, String name, String done) {
        String[] ended = new String[1];
        String pending = execution.await(name, AVAILABLE_TIMEOUT, () -> {
            String status = execution.aws(step).rds().describe(step.region(), step.dbInstanceIdentifier()).status();
            ended[0] = endedWithout(step, status);
            return ended[0] != null || "available".equals(status) ? null
                    : "RDS instance " + step.dbInstanceIdentifier() + " to be available (now " + status + ")";
        });
        if (ended[0] != null) {
            return Step.Result.failed(done + "; " + ended[0]);
        }
        if (pending != null) {
            return Step.Result.failed(done + "; still waiting for " + pending + " when the time ran out: run restore again to wait on");
        }
        return Step.Result.done(done + "; available");
    }

    /**
     * What an instance's status says when the restore will never make it available (RDS leaves it so until someone acts);
     * null while it may still get there. The wait stops at once on these.
     */
    static String endedWithout(RestoreDatabasePlan step, String status) {
        if (!FINAL_STATUSES.contains(status)) {
            return null;
        }
        String id = step.dbInstanceIdentifier();
        return "RDS instance " + id + " is " + status + " and will not become available: read why (aws rds describe-events --region "
                + step.region() + " --source-type db-instance --source-identifier " + id + "), fix the cause"
                + (status.startsWith("incompatible-") ? " (" + status.substring("incompatible-".length()) + ")" : "")
                + ", delete the instance (aws rds delete-db-instance --region " + step.region() + " --db-instance-identifier " + id
                + " --skip-final-snapshot) and run restore again";
    }

    /** Failback never deletes a restored instance (the kind has no failback rank): this is not called. */
    @Override
    public List<Step> failback(RestoreDatabasePlan step, Execution execution) {
        return List.of();
    }

    @Override
    public List<String> leftForOperator(RestoreDatabasePlan step, StateReport.StepStatus after) {
        if (after.status() == null) {
            return List.of();
        }
        Object from = after.details().get("recoveryPoint");
        return List.of(step.path() + ": RDS instance " + step.dbInstanceIdentifier() + " in " + step.region() + " was restored"
                + (from == null ? "" : step.pointInTime() ? " to " + after.details().get("recoveryPointTime") + " from the automated backups "
                + from : " from snapshot " + from) + " and is left as it is; drkit never deletes it. When the primary"
                + " serves again and its data is no longer needed: aws rds delete-db-instance --region " + step.region()
                + " --db-instance-identifier " + step.dbInstanceIdentifier() + " --final-db-snapshot-identifier "
                + step.dbInstanceIdentifier() + "-final");
    }
}
