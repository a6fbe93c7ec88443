package io.github.drkit.runtime.aws.conformance;

import static io.github.drkit.runtime.aws.conformance.ConformanceCases.REGION;

import java.time.Instant;
import java.util.Map;

import io.github.drkit.runtime.aws.api.BackupRecoveryPoint;
import io.github.drkit.runtime.aws.api.BackupRestoreJob;
import software.amazon.awssdk.services.backup.model.RecoveryPointByBackupVault;

/** The conformance cases of the AWS Backup facade (REST-JSON), with answers shaped as the service model gives them. */
final class BackupConformanceCases {
    static final String VOLUME = "arn:aws:ec2:us-east-1:123456789012:volume/vol-0a1b2c3d4e5f67890";
    static final String POINT = "arn:aws:ec2:us-west-2::snapshot/snap-0123456789abcdef0";
    private static final String JOB = """
            {"AccountId": "123456789012", "RestoreJobId": "4f5e6d7c-8b9a-4c3d-9e2f-1a0b9c8d7e6f", "RecoveryPointArn": "%s",
             "CreationDate": 1.764817200123E9, "CompletionDate": 1.7648190E9, "Status": "%s", "StatusMessage": "%s",
             "PercentDone": "100.00%%", "BackupSizeInBytes": 8589934592,
             "IamRoleArn": "arn:aws:iam::123456789012:role/drkit-restore", "ExpectedCompletionTimeMinutes": 20,
             "CreatedResourceArn": "arn:aws:ec2:us-west-2:123456789012:volume/vol-0fedcba9876543210", "ResourceType": "EBS",
             "RecoveryPointCreationDate": 1.7648100E9, "CreatedBy": {"RestoreTestingPlanArn": "%s"}}""";

    private BackupConformanceCases() {
    }

    static ConformanceCase recoveryPoints() {
        return new ConformanceCase("BackupApi.recoveryPoints", CannedAnswer.json(200, "application/json", """
                {"RecoveryPoints": [
                  {"RecoveryPointArn": "%s", "BackupVaultName": "drkit-recovery",
                   "BackupVaultArn": "arn:aws:backup:us-west-2:123456789012:backup-vault:drkit-recovery",
                   "SourceBackupVaultArn": "arn:aws:backup:us-east-1:123456789012:backup-vault:drkit-primary",
                   "ResourceArn": "%s", "ResourceType": "EBS", "IamRoleArn": "arn:aws:iam::123456789012:role/drkit-backup",
                   "Status": "COMPLETED", "CreationDate": 1.764810000456E9, "CompletionDate": 1.7648106E9, "BackupSizeInBytes": 8589934592},
                  {"RecoveryPointArn": "arn:aws:ec2:us-west-2::snapshot/snap-0fedcba9876543210", "BackupVaultName": "drkit-recovery",
                   "ResourceArn": "%s", "ResourceType": "EBS", "Status": "CREATING", "CreationDate": 1.7648172E9}]}"""
                .formatted(POINT, VOLUME, VOLUME), Map.of()),
                aws -> aws.backup().recoveryPoints(REGION, "drkit-recovery", VOLUME),
                sdk -> sdk.backup.listRecoveryPointsByBackupVault(r -> r.backupVaultName("drkit-recovery").byResourceArn(VOLUME))
                        .recoveryPoints().stream().map(BackupConformanceCases::point).toList());
    }

    static ConformanceCase restoreJobs() {
        return new ConformanceCase("BackupApi.restoreJobs", CannedAnswer.json(200, "application/json",
                "{\"RestoreJobs\": [" + JOB.formatted(POINT, "RUNNING", "", "arn:aws:backup:us-west-2:123456789012:restore-testing-plan:weekly-1a2b")
                        + "]}", Map.of()),
                aws -> aws.backup().restoreJobs(REGION, "EBS", Instant.parse("2026-12-04T01:00:00Z")),
                sdk -> sdk.backup.listRestoreJobs(r -> r.byResourceType("EBS").byCreatedAfter(Instant.parse("2026-12-04T01:00:00Z")))
                        .restoreJobs().stream().map(j -> new BackupRestoreJob(j.restoreJobId(), j.recoveryPointArn(), j.statusAsString(),
                                j.statusMessage(), j.createdResourceArn(), j.creationDate(), j.completionDate(),
                                j.createdBy() == null ? null : j.createdBy().restoreTestingPlanArn())).toList());
    }

    static ConformanceCase startRestoreJob() {
        Map<String, String> metadata = Map.of("availabilityZone", "us-west-2a", "encrypted", "true", "volumeType", "gp3");
        return new ConformanceCase("BackupApi.startRestoreJob", CannedAnswer.json(200, "application/json",
                "{\"RestoreJobId\": \"4f5e6d7c-8b9a-4c3d-9e2f-1a0b9c8d7e6f\"}", Map.of()),
                aws -> aws.backup().startRestoreJob(REGION, POINT, "arn:aws:iam::123456789012:role/drkit-restore", "EBS", metadata,
                        "0b7d1c9e-3a4f-3b5e-8c6d-7e8f9a0b1c2d"),
                sdk -> sdk.backup.startRestoreJob(r -> r.recoveryPointArn(POINT).iamRoleArn("arn:aws:iam::123456789012:role/drkit-restore")
                        .resourceType("EBS").metadata(metadata).idempotencyToken("0b7d1c9e-3a4f-3b5e-8c6d-7e8f9a0b1c2d")).restoreJobId());
    }

    static ConformanceCase describeRestoreJob() {
        return new ConformanceCase("BackupApi.describeRestoreJob", CannedAnswer.json(200, "application/json",
                JOB.formatted(POINT, "COMPLETED", "restored", "").replace(", \"CreatedBy\": {\"RestoreTestingPlanArn\": \"\"}", ""), Map.of()),
                aws -> aws.backup().describeRestoreJob(REGION, "4f5e6d7c-8b9a-4c3d-9e2f-1a0b9c8d7e6f"),
                sdk -> {
                    var j = sdk.backup.describeRestoreJob(r -> r.restoreJobId("4f5e6d7c-8b9a-4c3d-9e2f-1a0b9c8d7e6f"));
                    return new BackupRestoreJob(j.restoreJobId(), j.recoveryPointArn(), j.statusAsString(), j.statusMessage(),
                            j.createdResourceArn(), j.creationDate(), j.completionDate(),
                            j.createdBy() == null ? null : j.createdBy().restoreTestingPlanArn());
                });
    }

    private static BackupRecoveryPoint point(RecoveryPointByBackupVault p) {
        return new BackupRecoveryPoint(p.recoveryPointArn(), p.resourceArn(), p.resourceType(), p.statusAsString(), p.creationDate());
    }
}
