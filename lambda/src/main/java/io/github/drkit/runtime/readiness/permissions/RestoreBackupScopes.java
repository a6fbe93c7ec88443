package io.github.drkit.runtime.readiness.permissions;

import java.util.ArrayList;
import java.util.List;

import io.github.drkit.plan.RestoreBackupKind;
import io.github.drkit.plan.RestoreBackupPlan;
import io.github.drkit.runtime.aws.api.SimulationContext;

/**
 * {@code restoreBackup}, as {@code RestoreBackupPermissions}: the listing on the vault, the restore on the recovery points
 * of the account in the vault's Region (AWS Backup's ids, and for EBS, EC2, RDS and Aurora the service's snapshots or
 * images they are, so the grant, and this simulation, name all of them), the restore role passed to AWS Backup only,
 * and the job reads on any.
 */
public final class RestoreBackupScopes implements PermissionScopes<RestoreBackupPlan> {
    @Override
    public String kind() {
        return RestoreBackupKind.NAME;
    }

    @Override
    public Class<RestoreBackupPlan> type() {
        return RestoreBackupPlan.class;
    }

    @Override
    public List<String> tableKinds(RestoreBackupPlan step) {
        return List.of("restore-backup");
    }

    @Override
    public Grant grant(String tableKind, String scope, RestoreBackupPlan step, Account account) {
        return switch (scope) {
            case "backup-vault" -> Grant.on(account.arn("backup", step.region(), "backup-vault:" + step.backupVaultName()));
            case "recovery-point" -> Grant.on(points(step, account));
            case "restore-role" -> Grant.of(Grant.Target.of(List.of(step.restoreRoleArn()),
                    SimulationContext.string("iam:PassedToService", "backup.amazonaws.com")));
            case "any" -> Grant.on("*");
            default -> null;
        };
    }

    private static List<String> points(RestoreBackupPlan step, Account account) {
        String region = step.region();
        List<String> arns = new ArrayList<>();
        arns.add(account.arn("backup", region, "recovery-point:*"));
        switch (step.resourceType()) {
            case "EBS" -> arns.add(account.arnWithoutAccount("ec2", region, "snapshot/*"));
            case "EC2" -> arns.add(account.arnWithoutAccount("ec2", region, "image/*"));
            case "RDS" -> arns.add(account.arn("rds", region, "snapshot:awsbackup:*"));
            case "Aurora" -> arns.add(account.arn("rds", region, "cluster-snapshot:awsbackup:*"));
            default -> {
                // DynamoDB and EFS recovery points are AWS Backup's own ARNs.
            }
        }
        return arns;
    }
}
