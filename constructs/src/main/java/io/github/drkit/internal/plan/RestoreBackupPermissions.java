package io.github.drkit.internal.plan;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.drkit.failover.PlanRestoreBackup;
import io.github.drkit.failover.RecoveryStep;
import io.github.drkit.failover.StepPermissions;
import io.github.drkit.plan.RuntimePermissions;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;

/**
 * {@code restoreBackup}: list the recovery points of the plan's vaults, start restore jobs from the recovery points of
 * the account in those vaults' Regions, follow the jobs, and pass the plan's restore roles to AWS Backup and to nothing
 * else.
 */
public final class RestoreBackupPermissions implements StepPermissions {
    /** The one instance: every step of the kind shares it, so that one statement covers them all. */
    public static final RestoreBackupPermissions INSTANCE = new RestoreBackupPermissions();

    private RestoreBackupPermissions() {
    }

    @Override
    public List<PolicyStatement> statements(Stack stack, List<RecoveryStep> steps) {
        String partition = Aws.PARTITION;
        String account = stack.getAccount();
        Set<String> vaults = new LinkedHashSet<>();
        Set<String> points = new LinkedHashSet<>();
        Set<String> roles = new LinkedHashSet<>();
        for (RecoveryStep step : steps) {
            PlanRestoreBackup b = (PlanRestoreBackup) step;
            vaults.add("arn:" + partition + ":backup:" + b.getRegion() + ":" + account + ":backup-vault:" + b.getBackupVaultName());
            points.addAll(pointArns(partition, b.getRegion(), account, b.getResourceType()));
            roles.add(b.getRestoreRoleArn());
        }
        List<PolicyStatement> out = new ArrayList<>();
        out.add(Statements.allow("RestoreBackupVaults", RuntimePermissions.actions("restore-backup", "backup-vault"), List.copyOf(vaults)));
        out.add(Statements.allow("RestoreBackupPoints", RuntimePermissions.actions("restore-backup", "recovery-point"), List.copyOf(points)));
        // ListRestoreJobs and DescribeRestoreJob support no resource-level permissions.
        out.add(Statements.allow("RestoreBackupJobs", RuntimePermissions.actions("restore-backup", "any"), List.of("*")));
        PolicyStatement pass = Statements.allow("RestoreBackupPassRole", RuntimePermissions.actions("restore-backup", "restore-role"), List.copyOf(roles));
        pass.addCondition("StringEquals", Map.of("iam:PassedToService", "backup.amazonaws.com"));
        out.add(pass);
        return out;
    }

    /**
     * The recovery points a restore of the type may start from in a Region: AWS Backup's own ARNs, and for the types
     * whose points are the service's snapshots or images (EBS and EC2 in EC2, RDS and Aurora in RDS) those, which
     * AWS Backup names {@code awsbackup:} for RDS. Their ids are AWS Backup's, so no narrower name is known at synth.
     */
    private static List<String> pointArns(String partition, String region, String account, String type) {
        List<String> arns = new ArrayList<>();
        arns.add("arn:" + partition + ":backup:" + region + ":" + account + ":recovery-point:*");
        switch (type) {
            case "EBS" -> arns.add("arn:" + partition + ":ec2:" + region + "::snapshot/*");
            case "EC2" -> arns.add("arn:" + partition + ":ec2:" + region + "::image/*");
            case "RDS" -> arns.add("arn:" + partition + ":rds:" + region + ":" + account + ":snapshot:awsbackup:*");
            case "Aurora" -> arns.add("arn:" + partition + ":rds:" + region + ":" + account + ":cluster-snapshot:awsbackup:*");
            default -> {
                // DynamoDB and EFS recovery points are AWS Backup's own ARNs.
            }
        }
        return arns;
    }
}
