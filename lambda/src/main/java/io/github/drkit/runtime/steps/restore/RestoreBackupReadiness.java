package io.github.drkit.runtime.steps.restore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.github.drkit.plan.RestoreBackupKind;
import io.github.drkit.plan.RestoreBackupPlan;
import io.github.drkit.runtime.aws.AwsServiceError;
import io.github.drkit.runtime.aws.api.BackupRecoveryPoint;
import io.github.drkit.runtime.aws.api.BackupRestoreJob;
import io.github.drkit.runtime.readiness.Answer;
import io.github.drkit.runtime.readiness.Finding;
import io.github.drkit.runtime.readiness.ReadinessCheck;
import io.github.drkit.runtime.readiness.ReadinessContext;
import io.github.drkit.runtime.readiness.Severity;

/**
 * AWS Backup restores: the vault exists in the recovery Region and holds a completed recovery point of the resource, the
 * one a restore now would start from is younger than the step's RPO, and a restore job an earlier run started (running or
 * completed) is reported as the restore already under way or done. Reads: one ListRecoveryPointsByBackupVault listing per
 * account, Region, vault and resource, and one ListRestoreJobs listing per step that has points.
 */
public final class RestoreBackupReadiness implements ReadinessCheck<RestoreBackupPlan> {
    /** What one step's reads found: the resource's recovery points and the job that restores it, if any. */
    private record Read(List<RecoveryPoint> points, BackupRestoreJob job) {
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
    public List<Finding> check(List<RestoreBackupPlan> steps, ReadinessContext context) {
        Map<String, Callable<List<BackupRecoveryPoint>>> pointReads = new LinkedHashMap<>();
        for (RestoreBackupPlan step : steps) {
            pointReads.putIfAbsent(pointsKey(step, context), () -> context.aws(step).backup().recoveryPoints(step.region(),
                    step.backupVaultName(), step.resourceArn()));
        }
        Map<String, Answer<List<BackupRecoveryPoint>>> listed = Answer.readAll(context, pointReads);
        Map<String, Callable<Read>> jobReads = new LinkedHashMap<>();
        for (RestoreBackupPlan step : steps) {
            Answer<List<BackupRecoveryPoint>> all = listed.get(pointsKey(step, context));
            if (all.error() == null) {
                List<RecoveryPoint> points = RestoreBackupExecutor.points(step, all.value());
                jobReads.put(step.path(), () -> new Read(points, points.isEmpty() ? null
                        : RestoreBackupExecutor.usable(RestoreBackupExecutor.jobsOf(context.aws(step).backup(), step, points))));
            }
        }
        Map<String, Answer<Read>> reads = Answer.readAll(context, jobReads);
        Instant now = Instant.now();
        List<Finding> findings = new ArrayList<>();
        for (RestoreBackupPlan step : steps) {
            findings.add(finding(step, context, now, listed.get(pointsKey(step, context)), reads.get(step.path())));
        }
        return findings;
    }

    private static Finding finding(RestoreBackupPlan step, ReadinessContext context, Instant now, Answer<List<BackupRecoveryPoint>> listed,
                                   Answer<Read> read) {
        String resource = step.resourceType() + " " + step.resourceArn() + " (vault " + step.backupVaultName() + ", " + step.region() + ")";
        String what = RestoreBackupExecutor.what(step);
        if (listed.error() instanceof AwsServiceError e && e.is("ResourceNotFoundException")) {
            return Finding.of(Severity.CRITICAL, Finding.Category.EXISTENCE, step.path() + ".backupVaultName", resource, "AWS Backup vault '"
                            + step.backupVaultName() + "' not found in " + step.region() + ": a restore now would stop at this step",
                    "redeploy the stack that creates the vault (and the copy rule that fills it), or correct the plan's backupVaultName");
        }
        if (listed.error() != null) {
            return ReadinessContext.unchecked(step.path(), resource, "the " + what, listed.error());
        }
        if (read.error() != null) {
            return ReadinessContext.unchecked(step.path(), resource, "the restore jobs of " + step.resourceArn(), read.error());
        }
        List<RecoveryPoint> points = read.value().points();
        String field = step.path() + ".resourceArn";
        if (points.isEmpty()) {
            return RecoveryPointFindings.none(step, field, resource, what);
        }
        BackupRestoreJob job = read.value().job();
        if (job != null) {
            RecoveryPoint from = points.stream().filter(p -> p.id().equals(job.recoveryPointArn())).findFirst().orElse(null);
            String made = "restore job " + job.id() + " is " + job.status()
                    + (job.createdResourceArn() == null ? "" : " (restored " + job.createdResourceArn() + ")");
            if (!job.isCompleted()) {
                return RecoveryPointFindings.underWay(step, resource, made, from, now);
            }
            return RecoveryPointFindings.restored(step, resource, made, from, RecoveryPointFindings.rpoSeconds(step.rpoSeconds(), context), now,
                    "the restored resource " + (job.createdResourceArn() == null ? "of restore job " + job.id() : job.createdResourceArn())
                            + " (with its service's delete call)");
        }
        return RecoveryPointFindings.age(step, resource, RecoveryPoint.choose(points, Optional.empty(), what, field),
                RecoveryPointFindings.rpoSeconds(step.rpoSeconds(), context), now, what, "");
    }

    private static String pointsKey(RestoreBackupPlan step, ReadinessContext context) {
        return RecoveryPointFindings.scope(step, context) + "|" + step.backupVaultName() + "|" + step.resourceArn();
    }
}
