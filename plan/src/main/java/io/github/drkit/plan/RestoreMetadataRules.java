package io.github.drkit.plan;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The resource types a {@code restoreBackup} step restores, with the restore metadata AWS Backup documents for each
 * (StartRestoreJob's {@code Metadata}, "Restoring ..." pages of the AWS Backup developer guide): the keys a restore
 * needs, the keys it may set and the values they take. A key AWS Backup would not recognise is refused here rather than
 * ignored there, and a restore never writes over its source: it creates a new resource under a new name.
 */
public enum RestoreMetadataRules {
    EBS("EBS", "an EBS volume", "arn:aws:ec2:us-east-1:123456789012:volume/vol-0123456789abcdef0",
            "arn:aws[a-z-]*:ec2:([a-z0-9-]+):\\d{12}:volume/vol-[0-9a-f]{8,17}",
            List.of("availabilityZone"),
            Map.of("availabilityZone", new Value(v -> AvailabilityZones.ZONE.matcher(v).matches(), AvailabilityZones.RULE),
                    "encrypted", Value.BOOLEAN, "kmsKeyId", Value.TEXT, "volumeType", Value.oneOf("standard", "gp2", "gp3", "io1", "io2", "st1", "sc1"),
                    "volumeSize", Value.between(1, 65_536), "iops", Value.between(100, 256_000), "throughput", Value.between(125, 1_000)),
            null),
    EC2("EC2", "an EC2 instance", "arn:aws:ec2:us-east-1:123456789012:instance/i-0123456789abcdef0",
            "arn:aws[a-z-]*:ec2:([a-z0-9-]+):\\d{12}:instance/i-[0-9a-f]{8,17}",
            List.of(),
            Map.of("InstanceType", Value.pattern("[a-z][a-z0-9-]*\\.[a-z0-9]+", "an instance type such as m7g.large"),
                    "SubnetId", Value.pattern("subnet-[0-9a-f]{8,17}", "a subnet id"),
                    "SecurityGroupIds", Value.TEXT, "IamInstanceProfileName", Value.TEXT, "KeyName", Value.TEXT,
                    "RequireIMDSv2", Value.BOOLEAN, "DisableApiTermination", Value.BOOLEAN,
                    "InstanceInitiatedShutdownBehavior", Value.oneOf("stop", "terminate"), "Placement", Value.TEXT),
            null),
    RDS("RDS", "an RDS DB instance", "arn:aws:rds:us-east-1:123456789012:db:orders",
            "arn:aws[a-z-]*:rds:([a-z0-9-]+):\\d{12}:db:([A-Za-z][A-Za-z0-9-]{0,62})",
            List.of("DBInstanceIdentifier"),
            Map.ofEntries(Map.entry("DBInstanceIdentifier", Value.pattern("[A-Za-z][A-Za-z0-9-]{0,62}",
                            "an RDS DB instance identifier: 1-63 letters, digits or '-', starting with a letter")),
                    Map.entry("DBInstanceClass", Value.pattern("db\\.[a-z0-9-]+\\.[a-z0-9]+", "an RDS DB instance class such as db.r6g.large")),
                    Map.entry("DBSubnetGroupName", Value.TEXT), Map.entry("AvailabilityZone", Value.TEXT), Map.entry("MultiAZ", Value.BOOLEAN),
                    Map.entry("Port", Value.between(1150, 65_535)), Map.entry("VpcSecurityGroupIds", Value.TEXT),
                    Map.entry("PubliclyAccessible", Value.BOOLEAN), Map.entry("StorageType", Value.oneOf("standard", "gp2", "gp3", "io1", "io2")),
                    Map.entry("Iops", Value.between(1000, 256_000)), Map.entry("DBParameterGroupName", Value.TEXT),
                    Map.entry("OptionGroupName", Value.TEXT), Map.entry("CopyTagsToSnapshot", Value.BOOLEAN),
                    Map.entry("DeletionProtection", Value.BOOLEAN)),
            "DBInstanceIdentifier"),
    AURORA("Aurora", "an Aurora DB cluster", "arn:aws:rds:us-east-1:123456789012:cluster:orders",
            "arn:aws[a-z-]*:rds:([a-z0-9-]+):\\d{12}:cluster:([A-Za-z][A-Za-z0-9-]{0,62})",
            List.of("DBClusterIdentifier", "Engine"),
            Map.ofEntries(Map.entry("DBClusterIdentifier", Value.pattern("[A-Za-z][A-Za-z0-9-]{0,62}",
                            "an Aurora DB cluster identifier: 1-63 letters, digits or '-', starting with a letter")),
                    Map.entry("Engine", Value.oneOf("aurora-mysql", "aurora-postgresql")), Map.entry("EngineVersion", Value.TEXT),
                    Map.entry("DBSubnetGroupName", Value.TEXT), Map.entry("VpcSecurityGroupIds", Value.TEXT), Map.entry("Port", Value.between(1150, 65_535)),
                    Map.entry("AvailabilityZones", Value.TEXT), Map.entry("KmsKeyId", Value.TEXT), Map.entry("DBClusterParameterGroupName", Value.TEXT),
                    Map.entry("DeletionProtection", Value.BOOLEAN), Map.entry("CopyTagsToSnapshot", Value.BOOLEAN)),
            "DBClusterIdentifier"),
    DYNAMODB("DynamoDB", "a DynamoDB table", "arn:aws:dynamodb:us-east-1:123456789012:table/orders",
            "arn:aws[a-z-]*:dynamodb:([a-z0-9-]+):\\d{12}:table/([A-Za-z0-9_.-]{3,255})",
            List.of("targetTableName"),
            Map.of("targetTableName", Value.pattern("[A-Za-z0-9_.-]{3,255}", "a DynamoDB table name: 3-255 letters, digits, '_', '-' or '.'"),
                    "encryptionType", Value.oneOf("Default", "KMS"), "kmsMasterKeyArn", Value.TEXT, "deletionProtection", Value.BOOLEAN),
            "targetTableName"),
    EFS("EFS", "an EFS file system", "arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/fs-0123456789abcdef0",
            "arn:aws[a-z-]*:elasticfilesystem:([a-z0-9-]+):\\d{12}:file-system/fs-[0-9a-f]{8,17}",
            List.of("file-system-id", "newFileSystem"),
            Map.of("file-system-id", Value.pattern("fs-[0-9a-f]{8,17}", "an EFS file system id"), "newFileSystem", Value.oneOf("true"),
                    "Encrypted", Value.BOOLEAN, "KmsKeyId", Value.TEXT, "PerformanceMode", Value.oneOf("generalPurpose", "maxIO"),
                    "CreationToken", Value.TEXT, "ItemsToRestore", Value.TEXT),
            null);

    private final String type;
    private final String what;
    private final String arnExample;
    private final Pattern arn;
    private final List<String> required;
    private final Map<String, Value> known;
    /** The key that names the restored resource, which must differ from the source's name; null when the type has none. */
    private final String nameKey;

    RestoreMetadataRules(String type, String what, String arnExample, String arn, List<String> required, Map<String, Value> known, String nameKey) {
        this.type = type;
        this.what = what;
        this.arnExample = arnExample;
        this.arn = Pattern.compile(arn);
        this.required = required;
        this.known = known;
        this.nameKey = nameKey;
    }

    /** The rules of AWS Backup's resource type {@code type} (as StartRestoreJob spells it); null for a type the restore does not start. */
    public static RestoreMetadataRules of(String type) {
        return Arrays.stream(values()).filter(r -> r.type.equals(type)).findFirst().orElse(null);
    }

    /** The resource types, as AWS Backup spells them. */
    public static List<String> types() {
        return Arrays.stream(values()).map(r -> r.type).toList();
    }

    /** AWS Backup's name of the type, e.g. {@code DynamoDB}. */
    public String type() {
        return type;
    }

    /** The resource in words, "an EBS volume". */
    public String what() {
        return what;
    }

    /** The pattern of the source resource's ARN; its first group is the source's Region, the second (where there is one) its name. */
    public Pattern arn() {
        return arn;
    }

    public String arnExample() {
        return arnExample;
    }

    /** The keys a restore of this type needs. */
    public List<String> required() {
        return required;
    }

    /** Every key the type takes. */
    public Set<String> keys() {
        return new TreeSet<>(known.keySet());
    }

    /**
     * Checks a step's restore metadata: every key known, every required key there, every value in its rule.
     *
     * @param field      the plan field of the metadata, e.g. {@code stages[0].steps[1].restoreMetadata}
     * @param sourceArn  the source resource's ARN, whose name a restored name must not repeat
     * @param region     the step's Region, where a zone the metadata names must lie; null or unresolved when not known yet
     * @param unresolved true for a deploy-time value, whose format cannot be checked yet
     */
    public void check(Map<String, String> metadata, String field, String sourceArn, String region, Predicate<String> unresolved) {
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            Value rule = known.get(e.getKey());
            if (rule == null) {
                throw new PlanValidationException(field + "." + e.getKey(), "is not restore metadata AWS Backup documents for " + type + " (got key '"
                        + e.getKey() + "'; known keys: " + String.join(", ", keys()) + ")");
            }
            if (!unresolved.test(e.getValue()) && !rule.accepts().test(e.getValue())) {
                throw new PlanValidationException(field + "." + e.getKey(), "must be " + rule.rule() + " (got '" + e.getValue() + "')");
            }
        }
        for (String key : required) {
            if (!metadata.containsKey(key)) {
                throw new PlanValidationException(field + "." + key, "is required to restore " + what + " through AWS Backup (restore metadata of "
                        + type + ": required " + String.join(", ", required) + ")");
            }
        }
        crossCheck(metadata, field, unresolved);
        if (region != null && !unresolved.test(region)) {
            zoneCheck(metadata, field, region, unresolved);
        }
        if (nameKey != null && sourceArn != null && !unresolved.test(sourceArn)) {
            java.util.regex.Matcher m = arn.matcher(sourceArn);
            String restored = metadata.get(nameKey);
            if (m.matches() && restored != null && m.group(2).equalsIgnoreCase(restored)) {
                throw new PlanValidationException(field + "." + nameKey, "must differ from the source's name (both are '" + restored
                        + "'): the restore creates a new resource and never replaces one");
            }
        }
    }

    /** The rules that tie two keys together. */
    private void crossCheck(Map<String, String> metadata, String field, Predicate<String> unresolved) {
        String encryptedKey = this == EBS ? "encrypted" : this == EFS ? "Encrypted" : null;
        String keyKey = this == EBS ? "kmsKeyId" : this == EFS ? "KmsKeyId" : null;
        if (encryptedKey != null && metadata.containsKey(keyKey) && !"true".equals(metadata.get(encryptedKey))) {
            throw new PlanValidationException(field + "." + encryptedKey, "must be 'true' when " + keyKey + " is given (got "
                    + (metadata.containsKey(encryptedKey) ? "'" + metadata.get(encryptedKey) + "'" : "none") + ")");
        }
        if (this == DYNAMODB) {
            boolean kms = "KMS".equals(metadata.get("encryptionType"));
            if (kms != metadata.containsKey("kmsMasterKeyArn")) {
                throw new PlanValidationException(field + (kms ? ".kmsMasterKeyArn" : ".encryptionType"), kms
                        ? "is required when encryptionType is 'KMS'"
                        : "must be 'KMS' when kmsMasterKeyArn is given (got " + (metadata.containsKey("encryptionType")
                        ? "'" + metadata.get("encryptionType") + "'" : "none") + ")");
            }
        }
    }

    /**
     * A zone the restore places the resource in must be one of the step's Region, where the recovery point is: EBS's
     * {@code availabilityZone}, RDS's {@code AvailabilityZone}, and EC2's {@code Placement} when it names one (a zone, or
     * the Placement structure's {@code AvailabilityZone} in its JSON).
     */
    private void zoneCheck(Map<String, String> metadata, String field, String region, Predicate<String> unresolved) {
        String key = this == EBS ? "availabilityZone" : this == RDS ? "AvailabilityZone" : this == EC2 ? "Placement" : null;
        String value = key == null ? null : metadata.get(key);
        if (value == null || unresolved.test(value)) {
            return;
        }
        String zone = this == EC2 ? placementZone(value) : value;
        if (zone == null) {
            return;
        }
        if (!AvailabilityZones.ZONE.matcher(zone).matches()) {
            throw new PlanValidationException(field + "." + key, "must hold " + AvailabilityZones.RULE + " (got '" + zone + "')");
        }
        AvailabilityZones.requireInRegion(field + "." + key, zone, region, "AWS Backup restores where the recovery point is");
    }

    /** The zone EC2's Placement names: the value itself when it is a zone name, else its JSON's AvailabilityZone; null for none. */
    private static String placementZone(String placement) {
        if (AvailabilityZones.ZONE.matcher(placement).matches()) {
            return placement;
        }
        try {
            Object tree = JsonTree.parse(placement);
            Object zone = tree instanceof Map<?, ?> fields ? fields.get("AvailabilityZone") : null;
            return zone instanceof String name ? name : null;
        } catch (IOException e) {
            // Not JSON: AWS Backup reads it as it is, and the value rule (a non-empty string) already held.
            return null;
        }
    }

    /** The rule of one metadata value: restore metadata values are all strings. */
    record Value(Predicate<String> accepts, String rule) {
        static final Value TEXT = new Value(v -> !v.isBlank() && v.length() <= 2048, "a non-empty string of at most 2048 characters");
        static final Value BOOLEAN = new Value(v -> v.equals("true") || v.equals("false"), "'true' or 'false'");

        static Value oneOf(String... values) {
            List<String> allowed = List.of(values);
            return new Value(allowed::contains, allowed.size() == 1 ? "'" + values[0] + "'" : "one of " + String.join(", ", allowed));
        }

        static Value between(int min, int max) {
            return new Value(v -> {
                try {
                    long n = Long.parseLong(v);
                    return n >= min && n <= max;
                } catch (NumberFormatException e) {
                    return false;
                }
            }, "a whole number from " + min + " to " + max);
        }

        static Value pattern(String regex, String rule) {
            Pattern p = Pattern.compile(regex);
            return new Value(v -> p.matcher(v).matches(), rule);
        }
    }
}
