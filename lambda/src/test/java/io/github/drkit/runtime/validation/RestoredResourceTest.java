package io.github.drkit.runtime.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The restored resource read from the ARN AWS Backup reports, for each kind the validator checks and some it does not. */
class RestoredResourceTest {
    @ParameterizedTest
    @CsvSource({
            "arn:aws:rds:us-west-2:123456789012:db:shop-orders-restore, DB_INSTANCE, us-west-2, shop-orders-restore",
            "arn:aws:rds:us-west-2:123456789012:cluster:shop-aurora-restore, DB_CLUSTER, us-west-2, shop-aurora-restore",
            "arn:aws:ec2:eu-west-1:123456789012:volume/vol-0123456789abcdef0, EBS_VOLUME, eu-west-1, vol-0123456789abcdef0",
            "arn:aws-us-gov:ec2:us-gov-west-1:123456789012:instance/i-0123456789abcdef0, EC2_INSTANCE, us-gov-west-1, i-0123456789abcdef0",
            "arn:aws:dynamodb:us-west-2:123456789012:table/shop-carts-restore, DYNAMODB_TABLE, us-west-2, shop-carts-restore"})
    void of_whenArnOfCheckedKind_readsKindRegionAndId(String arn, RestoredResource.Kind kind, String region, String id) {
        assertEquals(Optional.of(new RestoredResource(kind, region, id, arn)), RestoredResource.of(arn, "us-east-1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"shop-archive-restore-test", "awsbackup-restore-test-1a2b3c"})
    void of_whenBucketArn_takesTheRestoreJobsRegion(String bucket) {
        assertEquals(Optional.of(new RestoredResource(RestoredResource.Kind.S3_BUCKET, "us-west-2", bucket, "arn:aws:s3:::" + bucket)),
                RestoredResource.of("arn:aws:s3:::" + bucket, "us-west-2"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "arn:aws:elasticfilesystem:us-west-2:123456789012:file-system/fs-0123456789abcdef0",
            "arn:aws:s3:::shop-archive-restore/contracts/2026.pdf",
            "arn:aws:dynamodb:us-west-2:123456789012:table/shop-carts/backup/01700000000000-abcdef12",
            "arn:aws:rds:us-west-2:123456789012:snapshot:shop-orders-1",
            "arn:aws:fsx:us-west-2:123456789012:file-system/fs-0123456789abcdef0"})
    void of_whenKindWithoutCheck_isEmpty(String arn) {
        assertEquals(Optional.empty(), RestoredResource.of(arn, "us-west-2"));
    }
}
