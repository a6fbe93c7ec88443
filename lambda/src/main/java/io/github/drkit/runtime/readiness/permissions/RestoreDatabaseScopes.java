package io.github.drkit.runtime.readiness.permissions;

import java.util.List;

import io.github.drkit.plan.RestoreDatabaseKind;
import io.github.drkit.plan.RestoreDatabasePlan;

/**
 * {@code restoreDatabase}, as {@code RestoreDatabasePermissions}: the restored instance's reads and tags on its ARN; for a
 * restore from a snapshot, the Region's snapshots and the restore on the instance, those snapshots and its subnet
 * (or any, for the Region's default), option and parameter groups; for a point-in-time restore the same with the Region's
 * automated backups instead of its snapshots. The snapshot and backup ids are AWS Backup's or RDS's, so the grant, and
 * this simulation, name all of the account's in the Region.
 */
public final class RestoreDatabaseScopes implements PermissionScopes<RestoreDatabasePlan> {
    @Override
    public String kind() {
        return RestoreDatabaseKind.NAME;
    }

    @Override
    public Class<RestoreDatabasePlan> type() {
        return RestoreDatabasePlan.class;
    }

    @Override
    public List<String> tableKinds(RestoreDatabasePlan step) {
        return List.of("restore-database");
    }

    @Override
    public Grant grant(String tableKind, String scope, RestoreDatabasePlan step, Account account) {
        String db = account.arn("rds", step.region(), "db:" + step.dbInstanceIdentifier());
        String snapshots = account.arn("rds", step.region(), "snapshot:*");
        String backups = account.arn("rds", step.region(), "auto-backup:*");
        return switch (scope) {
            case "db" -> Grant.on(db);
            case "snapshot" -> step.pointInTime() ? Grant.none() : Grant.on(snapshots);
            case "db-restore" -> step.pointInTime() ? Grant.none() : Grant.on(restored(step, account, db, snapshots));
            case "auto-backup" -> step.pointInTime() ? Grant.on(backups) : Grant.none();
            case "db-restore-point-in-time" -> step.pointInTime() ? Grant.on(restored(step, account, db, backups)) : Grant.none();
            default -> null;
        };
    }

    /** What RDS authorizes a restore on: the new instance, its source, and its subnet, option and parameter groups. */
    private static List<String> restored(RestoreDatabasePlan step, Account account, String db, String source) {
        return List.of(db, source,
                account.arn("rds", step.region(), "subgrp:" + (step.dbSubnetGroupName() == null ? "*" : step.dbSubnetGroupName())),
                account.arn("rds", step.region(), "og:*"), account.arn("rds", step.region(), "pg:*"));
    }
}
