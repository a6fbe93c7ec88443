package io.github.drkit.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * {@code restoreBackup}: a generated step of every resource type that the writer writes and the reader accepts reads back
 * equal and conforms to the schema; one the model refuses (an unknown type, a key AWS Backup does not document, a missing
 * required key, a value out of its rule, a restore over its source) is refused at a field of that step.
 */
class RestoreBackupProperties {
    private static final String ROLE = "arn:aws:iam::111111111111:role/shop-backup-restore";

    /** A valid step per type: its source ARN and the metadata a restore of it takes. */
    private static final Map<String, Map.Entry<String, Map<String, String>>> VALID = Map.of(
            "EBS", Map.entry("arn:aws:ec2:us-east-1:111111111111:volume/vol-0123456789abcdef0",
                    Map.of("availabilityZone", "us-west-2a", "encrypted", "true", "kmsKeyId", "alias/shop", "volumeType", "gp3", "iops", "3000")),
            "EC2", Map.entry("arn:aws:ec2:us-east-1:111111111111:instance/i-0123456789abcdef0",
                    Map.of("InstanceType", "m7g.large", "SubnetId", "subnet-0123456789abcdef0", "RequireIMDSv2", "true")),
            "RDS", Map.entry("arn:aws:rds:us-east-1:111111111111:db:shop-orders",
                    Map.of("DBInstanceIdentifier", "shop-orders-restored", "DBInstanceClass", "db.r6g.large", "MultiAZ", "false")),
            "Aurora", Map.entry("arn:aws:rds:us-east-1:111111111111:cluster:shop-ledger",
                    Map.of("DBClusterIdentifier", "shop-ledger-restored", "Engine", "aurora-postgresql", "Port", "5432")),
            "DynamoDB", Map.entry("arn:aws:dynamodb:us-east-1:111111111111:table/shop-carts",
                    Map.of("targetTableName", "shop-carts-restored", "encryptionType", "KMS", "kmsMasterKeyArn",
                            "arn:aws:kms:us-west-2:111111111111:key/0a1b2c3d-4e5f-6789-abcd-ef0123456789")),
            "EFS", Map.entry("arn:aws:elasticfilesystem:us-east-1:111111111111:file-system/fs-0123456789abcdef0",
                    Map.of("file-system-id", "fs-0123456789abcdef0", "newFileSystem", "true", "Encrypted", "true", "PerformanceMode", "generalPurpose")));

    @Provide
    Arbitrary<RestoreBackupPlan> backups() {
        Arbitrary<String> types = Arbitraries.of(List.copyOf(VALID.keySet()));
        Arbitrary<RestoreBackupPlan> valid = Combinators.combine(PlanInputs.regions(), Arbitraries.of("shop-recovery", "ab", "v".repeat(50)), types,
                Arbitraries.integers().between(1, RestoreDatabaseKind.MAX_RPO_SECONDS).injectNull(0.5), Arbitraries.integers().between(0, 5))
                .as((region, vault, type, rpo, keep) -> {
                    Map<String, String> metadata = new LinkedHashMap<>();
                    RestoreMetadataRules rules = RestoreMetadataRules.of(type);
                    // The required keys and some of the optional ones.
                    VALID.get(type).getValue().forEach((k, v) -> {
                        if (rules.required().contains(k) || metadata.size() < keep) {
                            // A zone the metadata names lies in the step's Region.
                            metadata.put(k, k.equals("availabilityZone") ? region + "a" : v);
                        }
                    });
                    return new RestoreBackupPlan(region, vault, type, VALID.get(type).getKey(), ROLE, metadata, rpo);
                }).filter(RestoreBackupProperties::consistent);
        return PlanInputs.validOrOneBroken(valid,
                b -> new RestoreBackupPlan(b.region(), b.backupVaultName(), "FSx", b.resourceArn(), ROLE, b.restoreMetadata(), b.rpoSeconds()),
                b -> new RestoreBackupPlan(b.region(), "a", b.resourceType(), b.resourceArn(), ROLE, b.restoreMetadata(), b.rpoSeconds()),
                b -> new RestoreBackupPlan(b.region(), b.backupVaultName(), b.resourceType(), "arn:aws:s3:::shop", ROLE, b.restoreMetadata(),
                        b.rpoSeconds()),
                b -> new RestoreBackupPlan(b.region(), b.backupVaultName(), b.resourceType(), b.resourceArn(), "arn:aws:iam::1:user/x",
                        b.restoreMetadata(), b.rpoSeconds()),
                b -> new RestoreBackupPlan(b.region(), b.backupVaultName(), b.resourceType(), b.resourceArn(), ROLE,
                        with(b.restoreMetadata(), "unknownKey", "x"), b.rpoSeconds()),
                b -> new RestoreBackupPlan(b.region(), b.backupVaultName(), b.resourceType(), b.resourceArn(), ROLE,
                        without(b.restoreMetadata(), RestoreMetadataRules.of(b.resourceType()).required()), b.rpoSeconds()),
                b -> new RestoreBackupPlan(b.region(), b.backupVaultName(), b.resourceType(), b.resourceArn(), ROLE, b.restoreMetadata(), 0));
    }

    /** The EBS/EFS key needs its encryption flag, DynamoDB's KMS type its key: a generated subset may split them. */
    private static boolean consistent(RestoreBackupPlan b) {
        try {
            RestoreMetadataRules.of(b.resourceType()).check(b.restoreMetadata(), "m", b.resourceArn(), b.region(), v -> false);
            return true;
        } catch (PlanValidationException e) {
            return false;
        }
    }

    private static Map<String, String> with(Map<String, String> m, String key, String value) {
        Map<String, String> out = new LinkedHashMap<>(m);
        out.put(key, value);
        return out;
    }

    private static Map<String, String> without(Map<String, String> m, List<String> keys) {
        Map<String, String> out = new LinkedHashMap<>(m);
        keys.forEach(out::remove);
        // A type without required keys (EC2) is broken by a bad value instead.
        if (keys.isEmpty()) {
            out.put("RequireIMDSv2", "yes");
        }
        return out;
    }

    @Property(tries = 1000, generation = GenerationMode.RANDOMIZED)
    void restoreBackup_whenWrittenAndRead_roundTripsOrNamesAFieldOfTheStep(@ForAll("backups") RestoreBackupPlan step) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("kind", RestoreBackupKind.NAME);
        fields.putAll(new RestoreBackupKind().write(step));
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("version", 2);
        plan.put("application", "shop");
        plan.put("strategy", "BACKUP_RESTORE");
        plan.put("primaryRegion", PlanInputs.PRIMARY_REGION);
        plan.put("recoveryRegion", PlanInputs.RECOVERY_REGION);
        Map<String, Object> stage = new LinkedHashMap<>();
        stage.put("name", "data");
        stage.put("steps", List.of(fields));
        plan.put("stages", List.of(stage));
        String json = PlanWriter.render(plan);
        RecoveryPlan read;
        try {
            read = RecoveryPlan.parse(json);
        } catch (PlanValidationException e) {
            assertTrue(e.field().startsWith("stages[0].steps[0]"), () -> "refused outside the step: " + e.getMessage());
            Statistics.collect("refused");
            coverage();
            return;
        }
        Statistics.collect("accepted");
        assertEquals(json, PlanWriter.toJson(read), "reads back equal");
        assertEquals(List.of(), PlanSchema.errors(json), () -> "the reader accepts what the schema refuses: " + json);
        coverage();
    }

    private static void coverage() {
        Statistics.coverage(c -> {
            c.check("accepted").percentage(p -> p >= 10);
            c.check("refused").percentage(p -> p >= 5);
        });
    }
}
