package io.github.drkit.runtime.validation;

import static io.github.drkit.runtime.scenario.Emulator.RECOVERY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.drkit.runtime.aws.AwsClients;
import io.github.drkit.runtime.aws.AwsServiceError;
import io.github.drkit.runtime.aws.CallHook;
import io.github.drkit.runtime.aws.Deadline;
import io.github.drkit.runtime.aws.api.RestoreValidationStatus;
import io.github.drkit.runtime.scenario.Emulator;
import io.github.drkit.testing.MotoServer;
import io.github.drkit.testing.MotoServerExtension;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Restore testing validation against the emulator: the restored resources (RDS instance, Aurora cluster, EBS volume,
 * EC2 instance, DynamoDB table, S3 bucket) are made in moto and read by the validator; the result goes to {@link BackupValidations},
 * since moto does not serve PutRestoreValidationResult.
 */
@ExtendWith(MotoServerExtension.class)
class RestoreValidationScenarioTest {
    private static final String ACCOUNT = "123456789012";
    private static final String PLAN = "arn:aws:backup:us-west-2:123456789012:restore-testing-plan:shop_restore_test-8f0a6b1c";

    private MotoServer moto;
    private Emulator emulator;
    private BackupValidations backup;
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void setUp(MotoServer moto) {
        this.moto = moto;
        emulator = new Emulator(moto);
        backup = new BackupValidations();
    }

    @AfterEach
    void tearDown() {
        moto.iam().relax();
        backup.close();
        emulator.close();
    }

    /** Runtime clients reading from the emulator and reporting to the stand-in, signing with {@code credentials}. */
    private AwsClients clients(AwsCredentialsProvider credentials, Map<String, String> endpoints) {
        Map<String, String> env = new java.util.HashMap<>(Map.of("AWS_ENDPOINT_URL", moto.endpoint().toString(),
                "AWS_ENDPOINT_URL_BACKUP", backup.endpoint().toString()));
        env.putAll(endpoints);
        return AwsClients.builder().region(Region.of(RECOVERY)).credentials(credentials).environment(env)
                .backoff(Duration.ofMillis(10), Duration.ofMillis(50)).addHook(new CallHook() {
                    @Override
                    public void beforeAttempt(Attempt attempt) {
                        calls.add(attempt.service() + ":" + attempt.operation());
                    }
                }).build();
    }

    private ValidationResult validate(String resourceType, String arn) {
        try (AwsClients aws = clients(moto.credentials(), Map.of())) {
            return new RestoreValidation(aws, Duration.ofMillis(50)).validate(event(resourceType, arn), Deadline.after(Duration.ofSeconds(30)));
        }
    }

    static RestoreJobEvent event(String resourceType, String arn) {
        return new RestoreJobEvent(RECOVERY, "D59196C8-8951-4C80-E71E-8F41E6D364E5", resourceType, arn, PLAN);
    }

    private static String arn(String service, String resource) {
        return "arn:aws:" + service + ":" + RECOVERY + ":" + ACCOUNT + ":" + resource;
    }

    private void assertReported(RestoreValidationStatus status, String message, ValidationResult result) {
        assertEquals(List.of(new BackupValidations.Sent("D59196C8-8951-4C80-E71E-8F41E6D364E5", status.name(), message)), backup.sent());
        assertEquals(status, result.status());
        assertEquals(message, result.message());
        assertEquals(List.of(), backup.unexpected());
    }

    @Test
    void validate_whenRestoredVolumeAvailable_reportsSuccessful() {
        String volume = emulator.ec2(RECOVERY).createVolume(v -> v.availabilityZone(RECOVERY + "a").size(8)).volumeId();

        ValidationResult result = validate("EBS", arn("ec2", "volume/" + volume));

        assertReported(RestoreValidationStatus.SUCCESSFUL, "checked EBS volume " + volume + " in us-west-2 (Ec2 DescribeVolumes): status available",
                result);
        assertEquals(List.of("Ec2:DescribeVolumes", "Backup:PutRestoreValidationResult"), calls);
    }

    @Test
    void validate_whenRestoredDbInstanceAvailable_reportsSuccessful() {
        emulator.rds(RECOVERY).createDBInstance(r -> r.dbInstanceIdentifier("shop-orders-restore-test").dbInstanceClass("db.t3.micro")
                .engine("postgres").masterUsername("admin1").masterUserPassword("password123").allocatedStorage(20));

        ValidationResult result = validate("RDS", arn("rds", "db:shop-orders-restore-test"));

        assertReported(RestoreValidationStatus.SUCCESSFUL, "checked RDS DB instance shop-orders-restore-test in us-west-2 (Rds DescribeDBInstances): "
                + "status available", result);
    }

    @Test
    void validate_whenRestoredAuroraClusterAvailable_reportsSuccessful() {
        emulator.rds(RECOVERY).createDBCluster(r -> r.dbClusterIdentifier("shop-aurora-restore-test").engine("aurora-postgresql")
                .masterUsername("admin1").masterUserPassword("password123"));

        ValidationResult result = validate("Aurora", arn("rds", "cluster:shop-aurora-restore-test"));

        assertReported(RestoreValidationStatus.SUCCESSFUL, "checked Aurora DB cluster shop-aurora-restore-test in us-west-2 (Rds DescribeDBClusters): "
                + "status available", result);
    }

    @Test
    void validate_whenRestoredTableActive_reportsItsItemCount() {
        try (DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(moto.endpoint()).region(Region.of(RECOVERY))
                .credentialsProvider(moto.credentials()).httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            dynamo.createTable(t -> t.tableName("shop-carts-restore-test").billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(k -> k.attributeName("cartId").keyType(KeyType.HASH))
                    .attributeDefinitions(a -> a.attributeName("cartId").attributeType(ScalarAttributeType.S)));
            for (String id : List.of("c1", "c2", "c3")) {
                dynamo.putItem(p -> p.tableName("shop-carts-restore-test").item(Map.of("cartId", AttributeValue.fromS(id))));
            }
        }

        ValidationResult result = validate("DynamoDB", arn("dynamodb", "table/shop-carts-restore-test"));

        assertEquals(RestoreValidationStatus.SUCCESSFUL, result.status(), result.message());
        assertTrue(result.message().startsWith("checked DynamoDB table shop-carts-restore-test in us-west-2 (DynamoDb DescribeTable): "
                + "status ACTIVE, 3 items and "), result.message());
        assertEquals(1, backup.sent().size());
    }

    @Test
    void validate_whenRestoredBucketHoldsObjects_reportsSuccessful() {
        try (software.amazon.awssdk.services.s3.S3Client s3 = software.amazon.awssdk.services.s3.S3Client.builder()
                .endpointOverride(moto.endpoint()).region(Region.of(RECOVERY)).forcePathStyle(true).credentialsProvider(moto.credentials())
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            s3.createBucket(b -> b.bucket("shop-archive-restore-test")
                    .createBucketConfiguration(c -> c.locationConstraint(RECOVERY)));
            s3.putObject(o -> o.bucket("shop-archive-restore-test").key("contracts/2026.pdf"),
                    software.amazon.awssdk.core.sync.RequestBody.fromString("contract"));
        }

        ValidationResult result = validate("S3", "arn:aws:s3:::shop-archive-restore-test");

        assertReported(RestoreValidationStatus.SUCCESSFUL, "checked S3 bucket shop-archive-restore-test in us-west-2 (S3 ListObjectsV2): "
                + "it exists and lists its objects", result);
    }

    @Test
    void validate_whenRestoredBucketMissing_reportsFailedSayingSo() {
        ValidationResult result = validate("S3", "arn:aws:s3:::shop-archive-restore-gone");

        assertReported(RestoreValidationStatus.FAILED, "checked S3 bucket shop-archive-restore-gone in us-west-2 (S3 ListObjectsV2): "
                + "it does not exist", result);
    }

    @Test
    void validate_whenRestoredInstanceStopped_reportsFailedWithItsState() {
        String instance = emulator.stoppedInstances(RECOVERY, 1).get(0);

        ValidationResult result = validate("EC2", arn("ec2", "instance/" + instance));

        assertReported(RestoreValidationStatus.FAILED, "checked EC2 instance " + instance + " in us-west-2 (Ec2 DescribeInstances): status stopped, "
                + "which a restore should not leave it in", result);
    }

    @Test
    void validate_whenRestoredInstanceRunning_reportsSuccessful() {
        String subnet = emulator.subnet(RECOVERY);
        String instance = emulator.ec2(RECOVERY).runInstances(r -> r.imageId("ami-12c6146b").minCount(1).maxCount(1).subnetId(subnet)
                .instanceType("t3.small")).instances().get(0).instanceId();

        ValidationResult result = validate("EC2", arn("ec2", "instance/" + instance));

        assertEquals(RestoreValidationStatus.SUCCESSFUL, result.status(), result.message());
    }

    @Test
    void validate_whenRestoredVolumeMissing_reportsFailedSayingSo() {
        ValidationResult result = validate("EBS", arn("ec2", "volume/vol-0123456789abcdef0"));

        assertReported(RestoreValidationStatus.FAILED, "checked EBS volume vol-0123456789abcdef0 in us-west-2 (Ec2 DescribeVolumes): it does not exist",
                result);
    }

    @Test
    void validate_whenResourceTypeHasNoCheck_reportsFailedWithoutReadingAnything() {
        String efs = "arn:aws:elasticfilesystem:us-west-2:123456789012:file-system/fs-0123456789abcdef0";

        ValidationResult result = validate("EFS", efs);

        assertReported(RestoreValidationStatus.FAILED, "drkit cannot validate resource type EFS (" + efs + "): it checks Aurora DB clusters, "
                + "DynamoDB tables, EBS volumes, EC2 instances, RDS DB instances, S3 buckets; nothing was checked", result);
        assertEquals(List.of("Backup:PutRestoreValidationResult"), calls);
    }

    @Test
    void validate_whenResourceStaysCreating_reportsValidatingThenTimedOut() {
        // The emulator's volumes are available at once: the stand-in answers DescribeVolumes with a volume still creating.
        backup.volumesIn("creating");
        ValidationResult result;
        try (AwsClients aws = clients(moto.credentials(), Map.of("AWS_ENDPOINT_URL_EC2", backup.endpoint().toString()))) {
            result = new RestoreValidation(aws, Duration.ofMillis(200)).validate(event("EBS", arn("ec2", "volume/vol-0123456789abcdef0")),
                    Deadline.after(RestoreValidation.REPORT_MARGIN.plusSeconds(1)));
        }

        List<BackupValidations.Sent> sent = backup.sent();
        assertEquals(List.of("VALIDATING", "TIMED_OUT"), sent.stream().map(BackupValidations.Sent::status).toList(), sent.toString());
        assertEquals("waiting for EBS volume vol-0123456789abcdef0 in us-west-2 (Ec2 DescribeVolumes) to be usable; now: status creating",
                sent.get(0).message());
        assertTrue(result.message().matches("waited \\d+ s for EBS volume vol-0123456789abcdef0 in us-west-2 \\(Ec2 DescribeVolumes\\) to be "
                + "usable, the time the validation function had; last seen: status creating"), result.message());
        assertTrue(result.looks() >= 2, "looked " + result.looks() + " times");
    }

    @Test
    void validate_whenReadIsDenied_throwsWithoutReporting() {
        String volume = emulator.ec2(RECOVERY).createVolume(v -> v.availabilityZone(RECOVERY + "a").size(8)).volumeId();
        // A role with the report but not the read: the validator must not mark the restore as bad for its own missing permission.
        AwsCredentialsProvider role = emulator.failoverRole("notifications");

        AwsServiceError denied = assertThrows(AwsServiceError.class, () -> emulator.enforcing(() -> {
            try (AwsClients aws = clients(role, Map.of())) {
                return new RestoreValidation(aws, Duration.ofMillis(50)).validate(event("EBS", arn("ec2", "volume/" + volume)),
                        Deadline.after(Duration.ofSeconds(30)));
            }
        }));

        assertTrue(denied.getMessage().contains("DescribeVolumes"), denied.getMessage());
        assertEquals(List.of(), backup.sent());
    }

    @Test
    void validate_whenRunUnderTheTablesRestoreValidationRows_readsWithNothingMore() {
        String volume = emulator.ec2(RECOVERY).createVolume(v -> v.availabilityZone(RECOVERY + "a").size(8)).volumeId();
        AwsCredentialsProvider role = emulator.failoverRole("restore-validation");

        ValidationResult result = emulator.enforcing(() -> {
            try (AwsClients aws = clients(role, Map.of())) {
                return new RestoreValidation(aws, Duration.ofMillis(50)).validate(event("EBS", arn("ec2", "volume/" + volume)),
                        Deadline.after(Duration.ofSeconds(30)));
            }
        });

        assertEquals(RestoreValidationStatus.SUCCESSFUL, result.status(), result.message());
    }

    @Test
    void validate_whenEachResourceTypeIsReadUnderTheTablesRestoreValidationRows_succeedsCallingOnlyListedOperations() {
        // Every resource type's read, as the validation function's role makes it: the table names S3's ListObjectsV2 by its
        // action s3:ListBucket, which only an enforced run holds to what AWS checks.
        emulator.rds(RECOVERY).createDBInstance(r -> r.dbInstanceIdentifier("shop-orders-restore-test").dbInstanceClass("db.t3.micro")
                .engine("postgres").masterUsername("admin1").masterUserPassword("password123").allocatedStorage(20));
        emulator.rds(RECOVERY).createDBCluster(r -> r.dbClusterIdentifier("shop-aurora-restore-test").engine("aurora-postgresql")
                .masterUsername("admin1").masterUserPassword("password123"));
        String subnet = emulator.subnet(RECOVERY);
        String instance = emulator.ec2(RECOVERY).runInstances(r -> r.imageId("ami-12c6146b").minCount(1).maxCount(1).subnetId(subnet)
                .instanceType("t3.small")).instances().get(0).instanceId();
        try (DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(moto.endpoint()).region(Region.of(RECOVERY))
                .credentialsProvider(moto.credentials()).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
             software.amazon.awssdk.services.s3.S3Client s3 = software.amazon.awssdk.services.s3.S3Client.builder()
                     .endpointOverride(moto.endpoint()).region(Region.of(RECOVERY)).forcePathStyle(true).credentialsProvider(moto.credentials())
                     .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            dynamo.createTable(t -> t.tableName("shop-carts-restore-test").billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(k -> k.attributeName("cartId").keyType(KeyType.HASH))
                    .attributeDefinitions(a -> a.attributeName("cartId").attributeType(ScalarAttributeType.S)));
            s3.createBucket(b -> b.bucket("shop-archive-restore-test").createBucketConfiguration(c -> c.locationConstraint(RECOVERY)));
            s3.putObject(o -> o.bucket("shop-archive-restore-test").key("contracts/2026.pdf"),
                    software.amazon.awssdk.core.sync.RequestBody.fromString("contract"));
        }
        Map<String, String> restored = new java.util.LinkedHashMap<>();
        restored.put("RDS", arn("rds", "db:shop-orders-restore-test"));
        restored.put("Aurora", arn("rds", "cluster:shop-aurora-restore-test"));
        restored.put("EC2", arn("ec2", "instance/" + instance));
        restored.put("DynamoDB", arn("dynamodb", "table/shop-carts-restore-test"));
        restored.put("S3", "arn:aws:s3:::shop-archive-restore-test");
        AwsCredentialsProvider role = emulator.failoverRole("restore-validation");

        restored.forEach((type, resource) -> {
            ValidationResult result = emulator.enforcing(() -> {
                try (AwsClients aws = clients(role, Map.of())) {
                    return new RestoreValidation(aws, Duration.ofMillis(50)).validate(event(type, resource), Deadline.after(Duration.ofSeconds(30)));
                }
            });
            assertEquals(RestoreValidationStatus.SUCCESSFUL, result.status(), type + ": " + result.message());
        });

        List<String> unlisted = calls.stream().distinct()
                .filter(c -> io.github.drkit.plan.RuntimePermissions.rowsFor(java.util.Set.of("restore-validation"), c.split(":")[0], c.split(":")[1])
                        .isEmpty()).toList();
        assertEquals(List.of(), unlisted, "calls the permission table does not list for restore-validation");
        assertEquals(java.util.Set.of("Rds:DescribeDBInstances", "Rds:DescribeDBClusters", "Ec2:DescribeInstances", "DynamoDb:DescribeTable",
                "S3:ListObjectsV2", "Backup:PutRestoreValidationResult"), java.util.Set.copyOf(calls));
        assertEquals(restored.size(), backup.sent().size(), backup.sent().toString());
    }
}
