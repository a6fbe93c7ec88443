package io.github.drkit.runtime.steps.restore;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import io.github.drkit.plan.PlanValidationException;
import io.github.drkit.plan.RestoreBackupKind;
import io.github.drkit.plan.RestoreBackupPlan;
import io.github.drkit.runtime.aws.AwsServiceError;
import io.github.drkit.runtime.aws.api.BackupApi;
import io.github.drkit.runtime.aws.api.BackupRecoveryPoint;
import io.github.drkit.runtime.aws.api.BackupRestoreJob;
import io.github.drkit.runtime.engine.Execution;
import io.github.drkit.runtime.engine.Inspection;
import io.github.drkit.runtime.engine.Position;
import io.github.drkit.runtime.engine.StateReport;
import io.github.drkit.runtime.engine.Step;
import io.github.drkit.runtime.engine.StepExecutor;
import io.github.drkit.runtime.engine.StepLive;

/**
 * The runtime side of {@code restoreBackup}: picks the recovery point in the vault (the latest completed one, or the latest
 * at or before the operator's time), starts an AWS Backup restore job from it ({@code StartRestoreJob}, with the step's
 * restore metadata and role) and waits until the job is {@code COMPLETED}. A job already started from any of the resource's
 * points (by an earlier run, one cut by its deadline, or a run with another time) is the step's and is followed instead of
 * starting a second: one restore, one restored resource. The idempotency token, derived
 * from the point, makes two runs racing within AWS Backup's hour one job. The restored resource is never deleted:
 * failback lists it for a person.
 */
public final class RestoreBackupExecutor implements StepExecutor<RestoreBackupPlan> {
    /** The longest a restore waits for its job: restores of large volumes and databases take hours; the run's deadline caps it. */
    static final Duration COMPLETED_TIMEOUT = Duration.ofHours(24);

    /**
     * What inspect read: the chosen recovery point and the restore job started from it, if there is one.
     *
     * @param point  the point of the step's job when there is one, else the chosen point (null for status and failback when
     *               the vault holds none); its id is the recovery point's ARN
     * @param job    the job that restores the resource (running or completed), from whichever of its points; null when none was
     *               started
     * @param points every completed recovery point of the resource, where a run looks again for a job started meanwhile
     */
    record State(RecoveryPoint point, BackupRestoreJob job, List<RecoveryPoint> points) {
    }

    @Override
    public String kind() {
        return RestoreBackupKind.NAME;
    }

    @Override
    public Class<RestoreBackupPlan> type() {
        return RestoreBackupPlan.class;
    }

    @Override
    public Map<String, StepLive> inspect(List<RestoreBackupPlan> steps, Inspection inspection) {
        List<Callable<StepLive>> reads = new ArrayList<>();
        for (RestoreBackupPlan step : steps) {
            reads.add(() -> read(step, inspection));
        }
        List<StepLive> answers = inspection.all(reads);
        Map<String, StepLive> live = new LinkedHashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            live.put(steps.get(i).path(), answers.get(i));
        }
        return live;
    }

    private static StepLive read(RestoreBackupPlan step, Inspection inspection) {
        BackupApi backup = inspection.aws(step).backup();
        List<BackupRecoveryPoint> all;
        try {
            all = backup.recoveryPoints(step.region(), step.backupVaultName(), step.resourceArn());
        } catch (AwsServiceError e) {
            if (!e.is("ResourceNotFoundException")) {
                throw e;
            }
            throw new PlanValidationException(step.path() + ".backupVaultName", "AWS Backup vault '" + step.backupVaultName() + "' not found in "
                    + step.region() + "; nothing restored");
        }
        List<RecoveryPoint> points = points(step, all);
        String what = what(step);
        // The step's job may come from any of the resource's points: after `restore --before`, or once newer copies arrived,
        // the latest point is not the one restored, and a second job would be a second resource.
        BackupRestoreJob job = points.isEmpty() ? null : usable(jobsOf(backup, step, points));
        RecoveryPoint point = job == null ? RecoveryPoint.choose(inspection, points, what, step.path() + ".resourceArn")
                : points.stream().filter(p -> p.id().equals(job.recoveryPointArn())).findFirst().orElseThrow();
        Instant now = Instant.now();
        Map<String, Object> details = new LinkedHashMap<>(point == null ? RecoveryPoint.missing(what) : point.details(step.rpoSeconds(), now));
        if (job != null) {
            details.putAll(jobDetails(job));
        }
        // A restored resource serves whichever way traffic points: it does not vote on the state.
        return new StepLive(new StateReport.StepStatus(step.path(), RestoreBackupKind.NAME, step.region(), step.resourceArn(),
                job == null ? null : job.status(), details, job == null ? Position.NORMAL : Position.EITHER), new State(point, job, points));
    }

    /** The points a restore may start from: the completed ones of the step's resource type whose time is known. */
    static List<RecoveryPoint> points(RestoreBackupPlan step, List<BackupRecoveryPoint> all) {
        return all.stream()
                .filter(p -> p.isCompleted() && p.creationDate() != null && (p.resourceType() == null || p.resourceType().equals(step.resourceType())))
                .map(p -> new RecoveryPoint(p.arn(), p.creationDate())).toList();
    }

    /** The step's recovery points in words, for messages. */
    static String what(RestoreBackupPlan step) {
        return "completed AWS Backup recovery point of " + step.resourceArn() + " in vault '" + step.backupVaultName() + "' ("
                + step.region() + ")";
    }

    /**
     * The restore jobs started from any of the points for a recovery, not by a restore testing plan, whatever their status.
     * One listing from the earliest point's time covers them all.
     */
    static List<BackupRestoreJob> jobsOf(BackupApi backup, RestoreBackupPlan step, List<RecoveryPoint> points) {
        Set<String> arns = points.stream().map(RecoveryPoint::id).collect(Collectors.toSet());
        Instant earliest = points.stream().map(RecoveryPoint::time).min(Comparator.naturalOrder()).orElseThrow();
        return backup.restoreJobs(step.region(), step.resourceType(), earliest).stream()
                .filter(j -> arns.contains(j.recoveryPointArn()) && (j.restoreTestingPlanArn() == null || j.restoreTestingPlanArn().isEmpty()))
                .toList();
    }

    /**
     * The step's job among them: a completed one first, else the latest still running. Failed or aborted jobs restored
     * nothing; jobs a restore testing plan started restore into resources the test deletes (filtered before).
     */
    static BackupRestoreJob usable(List<BackupRestoreJob> jobs) {
        List<BackupRestoreJob> live = jobs.stream().filter(j -> !j.hasFailed()).toList();
        return live.stream().filter(BackupRestoreJob::isCompleted).findFirst()
                .orElse(live.stream().max(Comparator.comparing(j -> j.creationDate() == null ? Instant.MIN : j.creationDate())).orElse(null));
    }

    private static Map<String, Object> jobDetails(BackupRestoreJob job) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("restoreJobId", job.id());
        details.put("restoreJobStatus", job.status());
        if (job.createdResourceArn() != null) {
            details.put("restoredResourceArn", job.createdResourceArn());
        }
        if (job.isCompleted() && job.creationDate() != null && job.completionDate() != null) {
            details.put("restoreSeconds", Math.max(0, Duration.between(job.creationDate(), job.completionDate()).toSeconds()));
        }
        return details;
    }

    @Override
    public List<Step> failover(RestoreBackupPlan step, Execution execution) {
        State state = execution.state(step, State.class);
        String name = "restore " + step.resourceType() + " " + step.resourceArn() + " from AWS Backup (" + step.region() + ")";
        BackupRestoreJob job = state.job();
        if (job != null && job.isCompleted()) {
            return List.of(Step.change(name, step.path(), List.of(), () -> Step.Result.noChange("already restored"),
                    "already restored from " + state.point().id() + " by restore job " + job.id() + ": " + job.createdResourceArn()));
        }
        if (job != null) {
            // A job an earlier run started (or one cut by its deadline): wait for it, start nothing new.
            return List.of(Step.gate(name, step.path(), List.of("restore job " + job.id() + " completed"),
                    () -> awaitCompleted(step, execution, name, job.id(), "restore job " + job.id() + " under way")));
        }
        RecoveryPoint point = state.point();
        String change = "start an AWS Backup restore job in " + step.region() + " from recovery point " + point.describe(step.rpoSeconds(),
                Instant.now()) + " of vault '" + step.backupVaultName() + "' as " + step.restoreRoleArn() + ", restore metadata "
                + step.restoreMetadata();
        return List.of(Step.change(name, step.path(), List.of(change), () -> restore(step, point, state.points(), execution, name), null));
    }

    private static Step.Result restore(RestoreBackupPlan step, RecoveryPoint point, List<RecoveryPoint> points, Execution execution,
                                       String name) {
        BackupApi backup = execution.aws(step).backup();
        List<BackupRestoreJob> jobs = jobsOf(backup, step, points);
        BackupRestoreJob started = usable(jobs);
        if (started != null) {
            if (started.isCompleted()) {
                return Step.Result.byAnotherRun("restore job " + started.id() + " restored " + started.recoveryPointArn() + ": "
                        + started.createdResourceArn());
            }
            return awaitCompleted(step, execution, name, started.id(), Step.BY_ANOTHER_RUN + "restore job " + started.id() + " started");
        }
        int failed = (int) jobs.stream().filter(j -> j.hasFailed() && point.id().equals(j.recoveryPointArn())).count();
        String jobId = backup.startRestoreJob(step.region(), point.id(), step.restoreRoleArn(), step.resourceType(), step.restoreMetadata(),
                idempotencyToken(step, point, failed));
        return awaitCompleted(step, execution, name, jobId, "restore job " + jobId + " started from " + point.id());
    }

    /**
     * The same for every run restoring this point for this step: AWS Backup starts one job for calls that repeat it within
     * an hour. The number of the point's jobs that failed is part of it: after a failure, the same token would only bring
     * back the failed job, and a new run must start a new one.
     */
    static String idempotencyToken(RestoreBackupPlan step, RecoveryPoint point, int failedJobs) {
        return UUID.nameUUIDFromBytes(("drkit restoreBackup " + step.region() + " " + step.resourceArn() + " " + point.id() + " " + failedJobs)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static Step.Result awaitCompleted(RestoreBackupPlan step, Execution execution, String name, String jobId, String done) {
        BackupRestoreJob[] last = new BackupRestoreJob[1];
        String pending = execution.await(name, COMPLETED_TIMEOUT, () -> {
            BackupRestoreJob job = execution.aws(step).backup().describeRestoreJob(step.region(), jobId);
            last[0] = job;
            if (job.isCompleted() || job.hasFailed()) {
                return null;
            }
            return "AWS Backup restore job " + jobId + " to complete (now " + job.status() + ")";
        });
        if (pending != null) {
            return Step.Result.failed(done + "; still waiting for " + pending + " when the time ran out: run restore again to wait on");
        }
        BackupRestoreJob job = last[0];
        if (job.hasFailed()) {
            return Step.Result.failed(done + "; the job ended " + job.status() + (job.statusMessage() == null || job.statusMessage().isEmpty()
                    ? "" : ": " + job.statusMessage()) + ". Nothing usable was restored; a new run starts a new job from the same point");
        }
        Object seconds = jobDetails(job).get("restoreSeconds");
        return Step.Result.done(done + "; completed" + (seconds == null ? "" : " in " + seconds + " s") + ", restored resource "
                + job.createdResourceArn());
    }

    /** Failback never deletes a restored resource (the kind has no failback rank): this is not called. */
    @Override
    public List<Step> failback(RestoreBackupPlan step, Execution execution) {
        return List.of();
    }

    @Override
    public List<String> leftForOperator(RestoreBackupPlan step, StateReport.StepStatus after) {
        Object restored = after.details().get("restoredResourceArn");
        Object jobId = after.details().get("restoreJobId");
        if (restored == null && jobId != null) {
            // AWS Backup names the resource only when the job has created it: say where it will come from.
            return List.of(step.path() + ": restore job " + jobId + " (now " + after.details().get("restoreJobStatus") + ") is restoring "
                    + step.resourceType() + " " + step.resourceArn() + " in " + step.region() + " from recovery point "
                    + after.details().get("recoveryPoint") + "; a resource will appear from job " + jobId + " and is left as it is:"
                    + " drkit never deletes it. Run status to see its ARN once the job has created it, and delete it when the primary"
                    + " serves again and its data is no longer needed.");
        }
        if (restored == null) {
            return List.of();
        }
        return List.of(step.path() + ": " + step.resourceType() + " resource " + restored + " in " + step.region() + " was restored by AWS Backup"
                + " restore job " + jobId + " from recovery point " + after.details().get("recoveryPoint")
                + " and is left as it is; drkit never deletes it. Delete it when the primary serves again and its data is no longer needed.");
    }
}
