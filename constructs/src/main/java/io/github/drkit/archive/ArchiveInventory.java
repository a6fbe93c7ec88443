package io.github.drkit.archive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.github.drkit.internal.protection.Durations;
import io.github.drkit.plan.RuntimePermissions;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Names;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.UniqueResourceNameOptions;
import software.amazon.awscdk.services.athena.CfnWorkGroup;
import software.amazon.awscdk.services.glue.CfnDatabase;
import software.amazon.awscdk.services.glue.CfnTable;
import software.amazon.awscdk.services.iam.Grant;
import software.amazon.awscdk.services.iam.GrantOnPrincipalOptions;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.Inventory;
import software.amazon.awscdk.services.s3.InventoryDestination;
import software.amazon.awscdk.services.s3.InventoryFormat;
import software.amazon.awscdk.services.s3.InventoryObjectVersion;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * What {@link InventorySearch} deploys under the catalog: the S3 Inventory configuration of the archive, the report
 * bucket, the Glue database and table over the report's {@code hive/} folder, the Athena workgroup and its result
 * bucket. Construct ids are a public contract: {@code Inventory/Reports}, {@code Inventory/Results},
 * {@code Inventory/Database}, {@code Inventory/Table}, {@code Inventory/WorkGroup} (and {@code Inventory/AccessLogs}
 * when the catalog indexes a plain bucket).
 */
final class ArchiveInventory extends Construct {
    /** The inventory configuration's id: the report's folder under {@code inventory/<bucket>/}. */
    static final String INVENTORY_ID = "drkit-catalog";
    /** Where S3 writes the reports in their bucket, and Athena the results in theirs. */
    static final String REPORTS_PREFIX = "inventory";
    static final String RESULTS_PREFIX = "athena";
    /** The Glue table's name. */
    static final String TABLE_NAME = "inventory";
    /** The report's optional fields: what a search reads, and the Object Lock and checksum state a records manager asks about. */
    static final List<String> OPTIONAL_FIELDS = List.of("Size", "LastModifiedDate", "StorageClass", "ETag", "IsMultipartUploaded",
            "ReplicationStatus", "EncryptionStatus", "ObjectLockRetainUntilDate", "ObjectLockMode", "ObjectLockLegalHoldStatus",
            "IntelligentTieringAccessTier", "BucketKeyStatus", "ChecksumAlgorithm");
    /** The report's Parquet columns (all versions: version_id, is_latest, is_delete_marker) as the table declares them. */
    static final Map<String, String> COLUMNS = columns();
    /** Athena's engine version the search's SQL is written for (Trino). */
    static final String ENGINE_VERSION = "Athena engine version 3";

    private static final Pattern WORKGROUP_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,128}");
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z0-9_]{1,255}");

    private final Bucket reports;
    private final Bucket results;
    private final String databaseName;
    private final String workGroupName;

    ArchiveInventory(Construct scope, String id, IBucket archive, IBucket accessLogs, InventorySearch options, RemovalPolicy removalPolicy) {
        super(scope, id);
        validate(archive, options);
        // S3 disables ACLs on new buckets: log delivery is granted by bucket policy.
        getNode().setContext("@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy", true);
        Stack stack = Stack.of(this);
        IBucket logs = options.getServerAccessLogsBucket() != null ? options.getServerAccessLogsBucket()
                : accessLogs != null ? accessLogs : logsBucket(removalPolicy);
        this.databaseName = options.getDatabaseName() != null ? options.getDatabaseName()
                : Names.uniqueResourceName(this, UniqueResourceNameOptions.builder().maxLength(200).separator("_").build())
                        .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        this.workGroupName = options.getWorkGroupName() != null ? options.getWorkGroupName()
                : Names.uniqueResourceName(this, UniqueResourceNameOptions.builder().maxLength(128).separator("-").build());

        this.reports = bucket("Reports", logs, "s3-access/inventory-reports/", options.getReportRetention(), removalPolicy);
        this.results = bucket("Results", logs, "s3-access/athena-results/", options.getResultRetention(), removalPolicy);
        ((Bucket) archive).addInventory(Inventory.builder()
                .inventoryId(INVENTORY_ID)
                .destination(InventoryDestination.builder().bucket(reports).prefix(REPORTS_PREFIX).build())
                .format(InventoryFormat.PARQUET)
                .frequency(options.getFrequency())
                .includeObjectVersions(InventoryObjectVersion.ALL)
                .optionalFields(OPTIONAL_FIELDS)
                .enabled(true)
                .build());

        CfnDatabase database = CfnDatabase.Builder.create(this, "Database").catalogId(stack.getAccount())
                .databaseInput(CfnDatabase.DatabaseInputProperty.builder().name(databaseName)
                        .description("S3 Inventory of the archive " + archive.getBucketName() + " (drkit archive catalog)").build())
                .build();
        database.applyRemovalPolicy(removalPolicy);
        List<Object> columns = new ArrayList<>();
        COLUMNS.forEach((name, type) -> columns.add(CfnTable.ColumnProperty.builder().name(name).type(type).build()));
        CfnTable table = CfnTable.Builder.create(this, "Table").catalogId(stack.getAccount()).databaseName(databaseName)
                .tableInput(CfnTable.TableInputProperty.builder()
                        .name(TABLE_NAME)
                        .description("The archive's S3 Inventory reports (Parquet, every version), one partition (dt) per report")
                        .tableType("EXTERNAL_TABLE")
                        .partitionKeys(List.of(CfnTable.ColumnProperty.builder().name("dt").type("string").build()))
                        // Partition projection: every report is queryable as it lands, without crawlers or MSCK REPAIR.
                        .parameters(Map.of("projection.enabled", "true", "projection.dt.type", "date",
                                "projection.dt.format", "yyyy-MM-dd-HH-mm", "projection.dt.range", "2020-01-01-00-00,NOW",
                                "projection.dt.interval", "1", "projection.dt.interval.unit", "HOURS"))
                        .storageDescriptor(CfnTable.StorageDescriptorProperty.builder()
                                .location(location(archive))
                                .columns(columns)
                                .inputFormat("org.apache.hadoop.hive.ql.io.SymlinkTextInputFormat")
                                .outputFormat("org.apache.hadoop.hive.ql.io.IgnoreKeyTextOutputFormat")
                                .serdeInfo(CfnTable.SerdeInfoProperty.builder()
                                        .serializationLibrary("org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe").build())
                                .build())
                        .build())
                .build();
        table.addDependency(database);
        table.applyRemovalPolicy(removalPolicy);

        CfnWorkGroup workGroup = CfnWorkGroup.Builder.create(this, "WorkGroup").name(workGroupName)
                .description("drkit archive catalog: archive search --engine athena over " + archive.getBucketName())
                .state("ENABLED")
                .recursiveDeleteOption(true)
                .workGroupConfiguration(CfnWorkGroup.WorkGroupConfigurationProperty.builder()
                        .bytesScannedCutoffPerQuery(options.getBytesScannedCutoff().toBytes())
                        // Queries cannot pick another result location or skip encryption.
                        .enforceWorkGroupConfiguration(true)
                        .publishCloudWatchMetricsEnabled(true)
                        .engineVersion(CfnWorkGroup.EngineVersionProperty.builder().selectedEngineVersion(ENGINE_VERSION).build())
                        .resultConfiguration(CfnWorkGroup.ResultConfigurationProperty.builder()
                                .outputLocation("s3://" + results.getBucketName() + "/" + RESULTS_PREFIX + "/")
                                .expectedBucketOwner(stack.getAccount())
                                .encryptionConfiguration(CfnWorkGroup.EncryptionConfigurationProperty.builder()
                                        .encryptionOption("SSE_S3").build())
                                .build())
                        .build())
                .build();
        workGroup.applyRemovalPolicy(removalPolicy);
    }

    private static Map<String, String> columns() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("bucket", "string");
        c.put("key", "string");
        c.put("version_id", "string");
        c.put("is_latest", "boolean");
        c.put("is_delete_marker", "boolean");
        c.put("size", "bigint");
        c.put("last_modified_date", "timestamp");
        c.put("e_tag", "string");
        c.put("storage_class", "string");
        c.put("is_multipart_uploaded", "boolean");
        c.put("replication_status", "string");
        c.put("encryption_status", "string");
        c.put("object_lock_retain_until_date", "timestamp");
        c.put("object_lock_mode", "string");
        c.put("object_lock_legal_hold_status", "string");
        c.put("intelligent_tiering_access_tier", "string");
        c.put("bucket_key_status", "string");
        c.put("checksum_algorithm", "string");
        return java.util.Collections.unmodifiableMap(c);
    }

    private static void validate(IBucket archive, InventorySearch o) {
        if (!(archive instanceof Bucket)) {
            throw new IllegalArgumentException("ArchiveCatalog: inventorySearch configures the archive bucket's S3 Inventory, so the "
                    + "bucket must be created in this app (got an imported bucket, " + archive.getNode().getPath() + "); add the "
                    + "catalog in the stack that creates the bucket");
        }
        if (!Boolean.TRUE.equals(o.getBytesScannedCutoff().isUnresolved())
                && o.getBytesScannedCutoff().toBytes().longValue() < InventorySearch.MIN_BYTES_SCANNED_CUTOFF) {
            throw new IllegalArgumentException("ArchiveCatalog: inventorySearch bytesScannedCutoff must be at least 10 MB ("
                    + InventorySearch.MIN_BYTES_SCANNED_CUTOFF + " bytes), Athena's smallest limit (got "
                    + o.getBytesScannedCutoff().toBytes() + " bytes)");
        }
        atLeastOneDay("reportRetention", o.getReportRetention());
        atLeastOneDay("resultRetention", o.getResultRetention());
        String workGroup = o.getWorkGroupName();
        if (workGroup != null && !Token.isUnresolved(workGroup) && !WORKGROUP_NAME.matcher(workGroup).matches()) {
            throw new IllegalArgumentException("ArchiveCatalog: inventorySearch workGroupName must be 1 to 128 characters of a-z, "
                    + "A-Z, 0-9, '.', '_' and '-' (got '" + workGroup + "')");
        }
        String database = o.getDatabaseName();
        if (database != null && !Token.isUnresolved(database) && !DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("ArchiveCatalog: inventorySearch databaseName must be 1 to 255 characters of a-z, 0-9 "
                    + "and '_', which Athena can name without quoting (got '" + database + "')");
        }
    }

    private static void atLeastOneDay(String prop, Duration d) {
        if (Durations.known(d) && Durations.days(d) < 1) {
            throw new IllegalArgumentException("ArchiveCatalog: inventorySearch " + prop + " must be at least 1 day (got "
                    + Durations.human(d) + ")");
        }
    }

    /** Where S3 writes the report's Hive symlink folders: {@code inventory/<archive>/<id>/hive/dt=.../symlink.txt}. */
    private String location(IBucket archive) {
        return "s3://" + reports.getBucketName() + "/" + REPORTS_PREFIX + "/" + archive.getBucketName() + "/" + INVENTORY_ID + "/hive/";
    }

    private Bucket bucket(String id, IBucket logs, String logPrefix, Duration retention, RemovalPolicy removalPolicy) {
        return Bucket.Builder.create(this, id)
                // S3 Inventory and Athena write with SSE-S3; the workgroup enforces it for results.
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .minimumTlsVersion(1.2)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .versioned(true)
                .serverAccessLogsBucket(logs)
                .serverAccessLogsPrefix(logPrefix)
                .lifecycleRules(List.of(LifecycleRule.builder().id("Expire").expiration(retention)
                        .noncurrentVersionExpiration(Duration.days(1)).abortIncompleteMultipartUploadAfter(Duration.days(1)).build()))
                .removalPolicy(removalPolicy)
                .build();
    }

    private Bucket logsBucket(RemovalPolicy removalPolicy) {
        return Bucket.Builder.create(this, "AccessLogs")
                // S3 delivers server access logs only to buckets with SSE-S3 default encryption.
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .minimumTlsVersion(1.2)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .versioned(true)
                .lifecycleRules(List.of(LifecycleRule.builder().id("ExpireLogs").expiration(Duration.days(365))
                        .noncurrentVersionExpiration(Duration.days(1)).abortIncompleteMultipartUploadAfter(Duration.days(1)).build()))
                .removalPolicy(removalPolicy)
                .build();
    }

    /**
     * What {@code archive search --engine athena} needs, from the runtime's permission table (kind archive-search): the
     * workgroup's query actions, the Glue catalog, database and table, reading the reports and reading and writing
     * the results (Athena reads and writes S3 with the caller's permissions).
     */
    Grant grantSearch(IGrantable grantee) {
        Stack stack = Stack.of(this);
        String glue = "arn:" + stack.getPartition() + ":glue:" + stack.getRegion() + ":" + stack.getAccount() + ":";
        Grant grant = Grant.addToPrincipal(GrantOnPrincipalOptions.builder().grantee(grantee)
                .actions(RuntimePermissions.actions("archive-search", "workgroup"))
                .resourceArns(List.of(workGroupArn())).build());
        grant = grant.combine(Grant.addToPrincipal(GrantOnPrincipalOptions.builder().grantee(grantee)
                .actions(RuntimePermissions.actions("archive-search", "inventory-table"))
                .resourceArns(List.of(glue + "catalog", glue + "database/" + databaseName, glue + "table/" + databaseName + "/" + TABLE_NAME))
                .build()));
        // The reports and results folders only; each row's bucket-level actions apply to the bucket ARN and its
        // object-level ones to the folder, as IAM matches each action to its resource type.
        grant = grant.combine(Grant.addToPrincipal(GrantOnPrincipalOptions.builder().grantee(grantee)
                .actions(RuntimePermissions.actions("archive-search", "inventory-bucket"))
                .resourceArns(List.of(reports.getBucketArn(), reports.arnForObjects(REPORTS_PREFIX + "/*"))).build()));
        return grant.combine(Grant.addToPrincipal(GrantOnPrincipalOptions.builder().grantee(grantee)
                .actions(RuntimePermissions.actions("archive-search", "results-bucket"))
                .resourceArns(List.of(results.getBucketArn(), results.arnForObjects(RESULTS_PREFIX + "/*"))).build()));
    }

    String workGroupArn() {
        Stack stack = Stack.of(this);
        return "arn:" + stack.getPartition() + ":athena:" + stack.getRegion() + ":" + stack.getAccount() + ":workgroup/" + workGroupName;
    }

    Bucket reports() {
        return reports;
    }

    Bucket results() {
        return results;
    }

    String databaseName() {
        return databaseName;
    }

    String workGroupName() {
        return workGroupName;
    }
}
