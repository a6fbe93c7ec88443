package io.github.drkit.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The rules of {@code restoreBackup}, one case per message. */
class RestoreBackupKindTest {
    private static final String PLAN = """
            {"version": 2, "application": "shop", "strategy": "BACKUP_RESTORE", "primaryRegion": "us-east-1", "recoveryRegion": "us-west-2",
             "stages": [{"name": "data", "steps": [%s]}]}""";
    private static final String EBS = """
            {"kind": "restoreBackup", "backupVaultName": "shop-recovery", "resourceType": "EBS",
             "resourceArn": "arn:aws:ec2:us-east-1:111111111111:volume/vol-0123456789abcdef0",
             "restoreRoleArn": "arn:aws:iam::111111111111:role/shop-backup-restore",
             "restoreMetadata": {"availabilityZone": "us-west-2a"}}""";

    /** The step with the fields of {@code extra} set, replacing those it has. */
    private static String with(String extra) {
        try {
            ObjectMapper json = new ObjectMapper();
            ObjectNode node = (ObjectNode) json.readTree(EBS);
            node.setAll((ObjectNode) json.readTree("{" + extra + "}"));
            return PLAN.formatted(json.writeValueAsString(node));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void read_whenEbsStepIsComplete_readsItInTheRecoveryRegion() {
        RestoreBackupPlan step = RecoveryPlan.parse(PLAN.formatted(EBS)).steps(RestoreBackupPlan.class).get(0);

        assertEquals(new RestoreBackupPlan("us-west-2", "shop-recovery", "EBS", "arn:aws:ec2:us-east-1:111111111111:volume/vol-0123456789abcdef0",
                "arn:aws:iam::111111111111:role/shop-backup-restore", Map.of("availabilityZone", "us-west-2a"), null, "stages[0].steps[0]"), step);
    }

    @Test
    void read_whenTwoStepsRestoreOneResource_refusesTheSecond() {
        PlanValidationException e = assertThrows(PlanValidationException.class, () -> RecoveryPlan.parse(PLAN.formatted(EBS + ", " + EBS)));

        assertEquals("stages[0].steps[1].resourceArn", e.field());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'\"resourceType\": \"FSx\"' | resourceType | must be a resource type the restore can start through AWS Backup, one of EBS, EC2, RDS, Aurora, DynamoDB, EFS (got 'FSx')",
            "'\"backupVaultName\": \"a\"' | backupVaultName | must be an AWS Backup vault name: 2-50 letters, digits, '-' or '_' (got 'a')",
            "'\"resourceArn\": \"arn:aws:rds:us-east-1:111111111111:db:orders\"' | resourceArn | must be the ARN of an EBS volume (arn:aws:ec2:us-east-1:123456789012:volume/vol-0123456789abcdef0) for resourceType EBS (got 'arn:aws:rds:us-east-1:111111111111:db:orders')",
            "'\"resourceArn\": \"arn:aws:ec2:mars-1:111111111111:volume/vol-0123456789abcdef0\"' | resourceArn | must be an AWS Region code such as us-west-2 (got 'mars-1')",
            "'\"restoreRoleArn\": \"arn:aws:iam::111111111111:user/ops\"' | restoreRoleArn | must be an IAM role ARN, arn:<partition>:iam::<account>:role/<name>, the role AWS Backup assumes to create the restored resource (got 'arn:aws:iam::111111111111:user/ops')",
            "'\"restoreMetadata\": {}' | restoreMetadata.availabilityZone | is required to restore an EBS volume through AWS Backup (restore metadata of EBS: required availabilityZone)",
            "'\"restoreMetadata\": {\"availabilityZone\": \"us-west-2a\", \"AvailabilityZone\": \"us-west-2b\"}' | restoreMetadata.AvailabilityZone | is not restore metadata AWS Backup documents for EBS (got key 'AvailabilityZone'; known keys: availabilityZone, encrypted, iops, kmsKeyId, throughput, volumeSize, volumeType)",
            "'\"restoreMetadata\": {\"availabilityZone\": \"us-west-2a\", \"volumeType\": \"gp9\"}' | restoreMetadata.volumeType | must be one of standard, gp2, gp3, io1, io2, st1, sc1 (got 'gp9')",
            "'\"restoreMetadata\": {\"availabilityZone\": \"us-west-2a\", \"volumeSize\": \"0\"}' | restoreMetadata.volumeSize | must be a whole number from 1 to 65536 (got '0')",
            "'\"restoreMetadata\": {\"availabilityZone\": \"us-west-2a\", \"encrypted\": \"yes\"}' | restoreMetadata.encrypted | must be 'true' or 'false' (got 'yes')",
            "'\"restoreMetadata\": {\"availabilityZone\": \"us-west-2a\", \"kmsKeyId\": \"alias/shop\"}' | restoreMetadata.encrypted | must be 'true' when kmsKeyId is given (got none)",
            "'\"restoreMetadata\": {\"availabilityZone\": 1}' | restoreMetadata.availabilityZone | must be a string (got 1)",
            "'\"restoreMetadata\": {\"availabilityZone\": \"us-east-1a\"}' | restoreMetadata.availabilityZone | must be an Availability Zone of the step's Region us-west-2 (got 'us-east-1a'): AWS Backup restores where the recovery point is",
            "'\"restoreMetadata\": {\"availabilityZone\": \"us-west-2\"}' | restoreMetadata.availabilityZone | must be an Availability Zone name such as us-west-2a (or a Local Zone such as us-west-2-lax-1a) (got 'us-west-2')",
            "'\"rpoSeconds\": 0' | rpoSeconds | must be between 1 and 31536000 (got 0)",
            "'\"snapshotId\": \"snap-1\"' | snapshotId | is not a field of stages[0].steps[0]"})
    void read_whenFieldIsBad_namesTheFieldTheValueAndTheRule(String extra, String field, String rule) {
        PlanValidationException e = assertThrows(PlanValidationException.class, () -> RecoveryPlan.parse(with(extra)));

        assertEquals("stages[0].steps[0]." + field, e.field());
        assertTrue(e.getMessage().contains(rule), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "RDS | arn:aws:rds:us-east-1:111111111111:db:orders | '{\"DBInstanceIdentifier\": \"ORDERS\"}' | DBInstanceIdentifier | must differ from the source's name (both are 'ORDERS'): the restore creates a new resource and never replaces one",
            "RDS | arn:aws:rds:us-east-1:111111111111:db:orders | '{}' | DBInstanceIdentifier | is required to restore an RDS DB instance through AWS Backup",
            "Aurora | arn:aws:rds:us-east-1:111111111111:cluster:ledger | '{\"DBClusterIdentifier\": \"ledger-restored\"}' | Engine | is required to restore an Aurora DB cluster through AWS Backup (restore metadata of Aurora: required DBClusterIdentifier, Engine)",
            "Aurora | arn:aws:rds:us-east-1:111111111111:cluster:ledger | '{\"DBClusterIdentifier\": \"ledger-restored\", \"Engine\": \"mysql\"}' | Engine | must be one of aurora-mysql, aurora-postgresql (got 'mysql')",
            "DynamoDB | arn:aws:dynamodb:us-east-1:111111111111:table/carts | '{\"targetTableName\": \"carts\"}' | targetTableName | must differ from the source's name (both are 'carts')",
            "DynamoDB | arn:aws:dynamodb:us-east-1:111111111111:table/carts | '{\"targetTableName\": \"carts-restored\", \"encryptionType\": \"KMS\"}' | kmsMasterKeyArn | is required when encryptionType is 'KMS'",
            "DynamoDB | arn:aws:dynamodb:us-east-1:111111111111:table/carts | '{\"targetTableName\": \"carts-restored\", \"kmsMasterKeyArn\": \"arn:aws:kms:us-west-2:111111111111:key/k\"}' | encryptionType | must be 'KMS' when kmsMasterKeyArn is given (got none)",
            "EFS | arn:aws:elasticfilesystem:us-east-1:111111111111:file-system/fs-0123456789abcdef0 | '{\"file-system-id\": \"fs-0123456789abcdef0\", \"newFileSystem\": \"false\"}' | newFileSystem | must be 'true' (got 'false')",
            "EFS | arn:aws:elasticfilesystem:us-east-1:111111111111:file-system/fs-0123456789abcdef0 | '{\"file-system-id\": \"fs-0123456789abcdef0\"}' | newFileSystem | is required to restore an EFS file system through AWS Backup",
            "EC2 | arn:aws:ec2:us-east-1:111111111111:instance/i-0123456789abcdef0 | '{\"InstanceType\": \"large\"}' | InstanceType | must be an instance type such as m7g.large (got 'large')",
            "EC2 | arn:aws:ec2:us-east-1:111111111111:instance/i-0123456789abcdef0 | '{\"Placement\": \"{\\\"AvailabilityZone\\\": \\\"us-east-1b\\\", \\\"Tenancy\\\": \\\"default\\\"}\"}' | Placement | must be an Availability Zone of the step's Region us-west-2 (got 'us-east-1b'): AWS Backup restores where the recovery point is",
            "EC2 | arn:aws:ec2:us-east-1:111111111111:instance/i-0123456789abcdef0 | '{\"Placement\": \"us-east-1b\"}' | Placement | must be an Availability Zone of the step's Region us-west-2 (got 'us-east-1b')",
            "EC2 | arn:aws:ec2:us-east-1:111111111111:instance/i-0123456789abcdef0 | '{\"Placement\": \"{\\\"AvailabilityZone\\\": \\\"west\\\"}\"}' | Placement | must hold an Availability Zone name such as us-west-2a (or a Local Zone such as us-west-2-lax-1a) (got 'west')",
            "RDS | arn:aws:rds:us-east-1:111111111111:db:orders | '{\"DBInstanceIdentifier\": \"orders-restored\", \"AvailabilityZone\": \"eu-west-1a\"}' | AvailabilityZone | must be an Availability Zone of the step's Region us-west-2 (got 'eu-west-1a')"})
    void read_whenMetadataBreaksItsTypesRule_namesTheKeyTheValueAndTheRule(String type, String arn, String metadata, String key, String rule) {
        PlanValidationException e = assertThrows(PlanValidationException.class, () -> RecoveryPlan.parse(with(
                "\"resourceType\": \"" + type + "\", \"resourceArn\": \"" + arn + "\", \"restoreMetadata\": " + metadata)));

        assertEquals("stages[0].steps[0].restoreMetadata." + key, e.field());
        assertTrue(e.getMessage().contains(rule), e.getMessage());
    }

    @Test
    void read_whenTheZonesAreOfTheStepsRegion_acceptsThemLocalZonesIncluded() {
        RestoreBackupPlan ebs = RecoveryPlan.parse(with("\"restoreMetadata\": {\"availabilityZone\": \"us-west-2-lax-1a\"}"))
                .steps(RestoreBackupPlan.class).get(0);
        RestoreBackupPlan ec2 = RecoveryPlan.parse(with("\"resourceType\": \"EC2\", \"resourceArn\": \"arn:aws:ec2:us-east-1:111111111111:instance/"
                + "i-0123456789abcdef0\", \"restoreMetadata\": {\"Placement\": \"{\\\"AvailabilityZone\\\": \\\"us-west-2b\\\"}\"}"))
                .steps(RestoreBackupPlan.class).get(0);

        assertEquals("us-west-2-lax-1a", ebs.restoreMetadata().get("availabilityZone"));
        assertEquals("{\"AvailabilityZone\": \"us-west-2b\"}", ec2.restoreMetadata().get("Placement"));
    }

    @Test
    void write_whenRead_roundTripsEveryField() {
        String json = with("\"rpoSeconds\": 86400, \"region\": \"us-west-2\"");
        RecoveryPlan plan = RecoveryPlan.parse(json);

        assertEquals(plan, RecoveryPlan.parse(PlanWriter.toJson(plan)));
    }
}
