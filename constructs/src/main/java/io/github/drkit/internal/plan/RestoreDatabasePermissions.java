package io.github.drkit.internal.plan;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.drkit.failover.PlanRestoreDatabase;
import io.github.drkit.failover.RecoveryStep;
import io.github.drkit.failover.StepPermissions;
import io.github.drkit.plan.RuntimePermissions;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;

/**
 * {@code restoreDatabase}: read and tag the restored instances (by their ARNs), list the snapshots of their Regions, and
 * restore each instance from one: the instance's ARN, the Region's snapshots, and its subnet group (or any, when the
 * Region's default is used), option and parameter groups, which RDS authorizes with the call.
 */
public final class RestoreDatabasePermissions implements StepPermissions {
    /** The one instance: every step of the kind shares it, so that one statement covers them all. */
    public static final RestoreDatabasePermissions INSTANCE = new RestoreDatabasePermissions();

    private RestoreDatabasePermissions() {
    }

    @Override
    public List<PolicyStatement> statements(Stack stack, List<RecoveryStep> steps) {
        String partition = Aws.PARTITION;
        String account = stack.getAccount();
        List<String> dbArns = new ArrayList<>();
        Set<String> snapshotArns = new LinkedHashSet<>();
        Set<String> restoreArns = new LinkedHashSet<>();
        Set<String> pointInTimeArns = new LinkedHashSet<>();
        Set<String> backupArns = new LinkedHashSet<>();
        for (RecoveryStep step : steps) {
            PlanRestoreDatabase d = (PlanRestoreDatabase) step;
            String prefix = "arn:" + partition + ":rds:" + d.getRegion() + ":" + account + ":";
            String db = prefix + "db:" + d.getDbInstanceIdentifier();
            dbArns.add(db);
            Set<String> restore = d.getPointInTime() ? pointInTimeArns : restoreArns;
            restore.add(db);
            if (d.getPointInTime()) {
                // RDS names the replicated automated backups: the Region's of this account.
                backupArns.add(prefix + "auto-backup:*");
                restore.add(prefix + "auto-backup:*");
            } else {
                // AWS Backup and snapshot copies choose the snapshots' names: the Region's snapshots of this account.
                snapshotArns.add(prefix + "snapshot:*");
                restore.add(prefix + "snapshot:*");
            }
            restore.add(prefix + "subgrp:" + (d.getDbSubnetGroupName() == null ? "*" : d.getDbSubnetGroupName()));
            restore.add(prefix + "og:*");
            restore.add(prefix + "pg:*");
        }
        List<PolicyStatement> out = new ArrayList<>();
        out.add(Statements.allow("RestoredDatabases", RuntimePermissions.actions("restore-database", "db"), dbArns));
        if (!restoreArns.isEmpty()) {
            out.add(Statements.allow("DatabaseSnapshots", RuntimePermissions.actions("restore-database", "snapshot"), List.copyOf(snapshotArns)));
            out.add(Statements.allow("RestoreDatabases", RuntimePermissions.actions("restore-database", "db-restore"), List.copyOf(restoreArns)));
        }
        if (!pointInTimeArns.isEmpty()) {
            out.add(Statements.allow("DatabaseAutomatedBackups", RuntimePermissions.actions("restore-database", "auto-backup"),
                    List.copyOf(backupArns)));
            out.add(Statements.allow("RestoreDatabasesToPointInTime", RuntimePermissions.actions("restore-database", "db-restore-point-in-time"),
                    List.copyOf(pointInTimeArns)));
        }
        return out;
    }
}
