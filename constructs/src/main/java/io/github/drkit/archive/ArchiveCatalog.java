package io.github.drkit.archive;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.github.drkit.failover.RuntimeCode;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.Grant;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.LoggingFormat;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.s3.EventType;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.NotificationKeyFilter;
import software.amazon.awscdk.services.s3.notifications.LambdaDestination;
import software.constructs.Construct;

/**
 * An index of an archive's objects, kept by S3 events, for finding, restoring and reading back whole files or
 * parts of files years later.
 *
 * <p>S3 event notifications (created, removed, lifecycle transitions and expirations, restores started,
 * completed and expired, tag changes) invoke an indexer function that reads each object's state and writes it
 * to a DynamoDB table (on demand, point-in-time recovery, encrypted, retained): key, version, size, storage
 * class, checksum, user metadata, tags, archived-at and restore status. A request function searches the table
 * (by key prefix, tag, metadata, time range, size, storage class; paged), starts restores with a tier and a
 * number of days, and hands out presigned GETs for a whole object or a byte range. The same operations run
 * from {@code java -jar drkit-lambda-archive.jar archive ...}. docs/archive-catalog.md has the table design and the
 * point (hundreds of millions of objects) where S3 Inventory with Athena serves better.
 *
 * <pre>{@code
 * GlacierLifecycle archive = new GlacierLifecycle(this, "Archive", GlacierLifecycleProps.builder().build());
 * ArchiveCatalog catalog = new ArchiveCatalog(this, "Catalog", ArchiveCatalogProps.builder().archive(archive).build());
 * catalog.grantInvokeRequests(recordsTeamRole);
 * }</pre>
 */
public class ArchiveCatalog extends Construct {
    /** The handlers in the runtime jar. */
    public static final String INDEXER_HANDLER = "io.github.drkit.lambda.archive.ArchiveIndexerHandler::handleRequest";
    public static final String REQUEST_HANDLER = "io.github.drkit.lambda.archive.ArchiveRequestHandler::handleRequest";
    /** The variable naming the table in both functions. */
    public static final String TABLE_VARIABLE = "DRKIT_ARCHIVE_TABLE";
    /** The variables naming the inventory search's workgroup, Glue database and table in the request function. */
    public static final String WORKGROUP_VARIABLE = "DRKIT_ARCHIVE_WORKGROUP";
    public static final String INVENTORY_DATABASE_VARIABLE = "DRKIT_ARCHIVE_INVENTORY_DATABASE";
    public static final String INVENTORY_TABLE_VARIABLE = "DRKIT_ARCHIVE_INVENTORY_TABLE";

    /** The table's layout; the runtime's {@code ArchiveTable} uses the same names. */
    static final String PARTITION_KEY = "objectKey";
    static final String SORT_KEY = "entry";
    static final Map<String, String[]> INDEXES = Map.of(
            "ByFolder", new String[] {"gsiFolder", "objectKey"},
            "ByArchivedMonth", new String[] {"gsiMonth", "archivedAt"},
            "ByStorageClass", new String[] {"gsiClass", "archivedAt"},
            "ByAttribute", new String[] {"gsiAttr", "objectKey"});

    private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");
    private static final List<EventType> EVENTS = List.of(
            EventType.OBJECT_CREATED, EventType.OBJECT_REMOVED, EventType.LIFECYCLE_TRANSITION,
            EventType.LIFECYCLE_EXPIRATION, EventType.OBJECT_RESTORE_POST, EventType.OBJECT_RESTORE_COMPLETED,
            EventType.OBJECT_RESTORE_DELETE, EventType.OBJECT_TAGGING);

    private final IBucket bucket;
    private final Table table;
    private final Function indexerFunction;
    private final Function requestFunction;
    private final Alarm indexerErrorsAlarm;
    private final ArchiveInventory inventory;

    public ArchiveCatalog(Construct scope, String id, ArchiveCatalogProps props) {
        super(scope, id);
        validate(props);
        this.bucket = props.getArchive() != null ? props.getArchive().getBucket() : props.getBucket();
        IKey bucketKey = props.getBucketKey() != null ? props.getBucketKey()
                : props.getArchive() != null ? props.getArchive().getEncryptionKey() : bucket.getEncryptionKey();
        String objects = bucket.arnForObjects((props.getKeyPrefix() == null ? "" : props.getKeyPrefix()) + "*");

        Table.Builder t = Table.Builder.create(this, "Table")
                .partitionKey(Attribute.builder().name(PARTITION_KEY).type(AttributeType.STRING).build())
                .sortKey(Attribute.builder().name(SORT_KEY).type(AttributeType.STRING).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder().pointInTimeRecoveryEnabled(true).build())
                .deletionProtection(true)
                .removalPolicy(props.getRemovalPolicy());
        if (props.getTableEncryptionKey() != null) {
            t.encryption(TableEncryption.CUSTOMER_MANAGED).encryptionKey(props.getTableEncryptionKey());
        } else {
            t.encryption(TableEncryption.AWS_MANAGED);
        }
        if (props.getTableName() != null) {
            t.tableName(props.getTableName());
        }
        this.table = t.build();
        for (String index : List.of("ByFolder", "ByArchivedMonth", "ByStorageClass", "ByAttribute")) {
            String[] keys = INDEXES.get(index);
            table.addGlobalSecondaryIndex(GlobalSecondaryIndexProps.builder().indexName(index)
                    .partitionKey(Attribute.builder().name(keys[0]).type(AttributeType.STRING).build())
                    .sortKey(Attribute.builder().name(keys[1]).type(AttributeType.STRING).build())
                    .projectionType(ProjectionType.ALL).build());
        }

        Code code = props.getCode() != null ? props.getCode() : RuntimeCode.archiveEmbedded();

        // The indexer reads objects' metadata and tags and writes the base table: nothing else.
        Role indexerRole = role("IndexerRole", "drkit archive catalog indexer of " + getNode().getPath());
        indexerRole.addToPrincipalPolicy(statement("ReadObjectState", List.of("s3:GetObject", "s3:GetObjectVersion",
                "s3:GetObjectTagging", "s3:GetObjectVersionTagging"), List.of(objects)));
        indexerRole.addToPrincipalPolicy(statement("WriteIndex", List.of("dynamodb:GetItem", "dynamodb:Query",
                "dynamodb:BatchWriteItem", "dynamodb:UpdateItem"), List.of(table.getTableArn())));
        this.indexerFunction = function("Indexer", "drkit archive catalog: indexes S3 events of " + bucket.getBucketName(),
                INDEXER_HANDLER, code, indexerRole, props, Duration.minutes(1));

        // Searches read the table and its indexes; restores write back their state; fetches presign GETs.
        Role requestRole = role("RequestRole", "drkit archive catalog requests (search, restore, fetch) of " + getNode().getPath());
        List<String> tableAndIndexes = new ArrayList<>(List.of(table.getTableArn()));
        for (String index : List.of("ByFolder", "ByArchivedMonth", "ByStorageClass", "ByAttribute")) {
            tableAndIndexes.add(table.getTableArn() + "/index/" + index);
        }
        requestRole.addToPrincipalPolicy(statement("SearchIndex", List.of("dynamodb:GetItem", "dynamodb:Query",
                "dynamodb:Scan"), tableAndIndexes));
        requestRole.addToPrincipalPolicy(statement("WriteRestoreState", List.of("dynamodb:BatchWriteItem",
                "dynamodb:UpdateItem"), List.of(table.getTableArn())));
        requestRole.addToPrincipalPolicy(statement("RestoreAndRead", List.of("s3:GetObject", "s3:GetObjectVersion",
                "s3:GetObjectTagging", "s3:GetObjectVersionTagging", "s3:RestoreObject"), List.of(objects)));
        if (bucketKey != null) {
            // A presigned GET is signed with this role: S3 decrypts SSE-KMS objects with its permissions.
            bucketKey.grantDecrypt(requestRole);
        }
        this.requestFunction = function("Requests", "drkit archive catalog: search, restore and fetch in " + bucket.getBucketName(),
                REQUEST_HANDLER, code, requestRole, props, Duration.minutes(5));
        if (props.getTableEncryptionKey() != null) {
            props.getTableEncryptionKey().grantEncryptDecrypt(indexerRole);
            props.getTableEncryptionKey().grantEncryptDecrypt(requestRole);
        }

        this.inventory = props.getInventorySearch() == null ? null : new ArchiveInventory(this, "Inventory", bucket,
                props.getArchive() != null ? props.getArchive().getAccessLogsBucket() : null, props.getInventorySearch(),
                props.getRemovalPolicy());
        if (inventory != null) {
            // The request function answers {"action": "search", "engine": "athena"} too.
            inventory.grantSearch(requestRole);
            requestFunction.addEnvironment(WORKGROUP_VARIABLE, inventory.workGroupName());
            requestFunction.addEnvironment(INVENTORY_DATABASE_VARIABLE, inventory.databaseName());
            requestFunction.addEnvironment(INVENTORY_TABLE_VARIABLE, ArchiveInventory.TABLE_NAME);
            ArchiveCatalogFindings.inventorySearch(requestRole);
        }

        LambdaDestination destination = new LambdaDestination(indexerFunction);
        for (EventType event : EVENTS) {
            if (props.getKeyPrefix() != null) {
                bucket.addEventNotification(event, destination, NotificationKeyFilter.builder().prefix(props.getKeyPrefix()).build());
            } else {
                bucket.addEventNotification(event, destination);
            }
        }
        ArchiveCatalogFindings.notificationsHandler(Stack.of(this));
        ArchiveCatalogFindings.role(indexerRole, props.getKeyPrefix());
        ArchiveCatalogFindings.role(requestRole, props.getKeyPrefix());
        ArchiveCatalogFindings.runtime(indexerFunction);
        ArchiveCatalogFindings.runtime(requestFunction);

        // A failed event, after Lambda's two retries, is an object missing from the catalog until the next backfill.
        this.indexerErrorsAlarm = Alarm.Builder.create(this, "IndexerErrorsAlarm")
                .alarmDescription("drkit archive catalog indexer failed: some objects may be missing from the catalog; "
                        + "read the indexer logs, then run archive backfill")
                .metric(indexerFunction.metricErrors(MetricOptions.builder().period(Duration.minutes(5)).statistic("Sum").build()))
                .threshold(1)
                .evaluationPeriods(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
    }

    private static void validate(ArchiveCatalogProps props) {
        if (props == null || (props.getArchive() == null && props.getBucket() == null)) {
            throw new IllegalArgumentException("ArchiveCatalog: archive or bucket is required (got neither)");
        }
        if (props.getArchive() != null && props.getBucket() != null) {
            throw new IllegalArgumentException("ArchiveCatalog: give archive or bucket, not both (got both)");
        }
        if (props.getMemorySize() < 512 || props.getMemorySize() > 10240) {
            throw new IllegalArgumentException("ArchiveCatalog: memorySize must be between 512 and 10240 MB (got "
                    + props.getMemorySize() + ")");
        }
        String name = props.getTableName();
        if (name != null && !Token.isUnresolved(name) && !TABLE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("ArchiveCatalog: tableName must be 3 to 255 characters of a-z, A-Z, 0-9, "
                    + "'_', '-' and '.' (got '" + name + "')");
        }
        String prefix = props.getKeyPrefix();
        if (prefix != null && !Token.isUnresolved(prefix) && (prefix.isEmpty() || prefix.length() > 1024)) {
            throw new IllegalArgumentException("ArchiveCatalog: keyPrefix must be 1 to 1024 characters (got '" + prefix + "')");
        }
    }

    private Role role(String id, String description) {
        return Role.Builder.create(this, id).assumedBy(new ServicePrincipal("lambda.amazonaws.com")).description(description).build();
    }

    private static PolicyStatement statement(String sid, List<String> actions, List<String> resources) {
        return PolicyStatement.Builder.create().sid(sid).effect(Effect.ALLOW).actions(actions).resources(resources).build();
    }

    private Function function(String id, String description, String handler, Code code, Role role,
                              ArchiveCatalogProps props, Duration timeout) {
        LogGroup logs = LogGroup.Builder.create(this, id + "Logs").retention(props.getLogRetention())
                .removalPolicy(props.getRemovalPolicy()).build();
        // Instead of the AWSLambdaBasicExecutionRole managed policy (any log group): this log group only.
        role.addToPrincipalPolicy(statement("Logs", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                List.of(logs.getLogGroupArn(), logs.getLogGroupArn() + ":log-stream:*")));
        return Function.Builder.create(this, id)
                .description(description)
                .runtime(Runtime.JAVA_21)
                .handler(handler)
                .code(code)
                .memorySize(props.getMemorySize())
                .timeout(timeout)
                .role(role)
                .logGroup(logs)
                .loggingFormat(LoggingFormat.JSON)
                .environment(Map.of(TABLE_VARIABLE, table.getTableName()))
                .build();
    }

    /** Lets a principal invoke the request function: search, restore, status and fetch. */
    public Grant grantInvokeRequests(IGrantable grantee) {
        return requestFunction.grantInvoke(grantee);
    }

    /** Lets a principal read the catalog table directly (its own queries, exports, reports). */
    public Grant grantReadIndex(IGrantable grantee) {
        return table.grantReadData(grantee);
    }

    /**
     * Lets a principal run {@code archive search --engine athena}: the workgroup's query actions, the Glue table, reading
     * the inventory reports and reading and writing the query results. Restoring and fetching what it finds takes the
     * catalog's own permissions besides.
     *
     * @throws IllegalStateException when the catalog was built without {@code inventorySearch}
     */
    public Grant grantInventorySearch(IGrantable grantee) {
        return inventory().grantSearch(grantee);
    }

    public IBucket getBucket() {
        return bucket;
    }

    /** The bucket S3 writes the inventory reports to; null without {@code inventorySearch}. */
    public IBucket getInventoryBucket() {
        return inventory == null ? null : inventory.reports();
    }

    /** The bucket Athena writes query results to; null without {@code inventorySearch}. */
    public IBucket getQueryResultsBucket() {
        return inventory == null ? null : inventory.results();
    }

    /** The Athena workgroup ({@code --workgroup}); null without {@code inventorySearch}. */
    public String getWorkGroupName() {
        return inventory == null ? null : inventory.workGroupName();
    }

    /** The Glue database ({@code --database}); null without {@code inventorySearch}. */
    public String getInventoryDatabaseName() {
        return inventory == null ? null : inventory.databaseName();
    }

    /** The Glue table over the reports ({@code --inventory-table}); null without {@code inventorySearch}. */
    public String getInventoryTableName() {
        return inventory == null ? null : ArchiveInventory.TABLE_NAME;
    }

    private ArchiveInventory inventory() {
        if (inventory == null) {
            throw new IllegalStateException("ArchiveCatalog: grantInventorySearch needs the catalog built with inventorySearch "
                    + "(got none at " + getNode().getPath() + ")");
        }
        return inventory;
    }

    public ITable getTable() {
        return table;
    }

    public IFunction getIndexerFunction() {
        return indexerFunction;
    }

    public IFunction getRequestFunction() {
        return requestFunction;
    }

    /** Fires when the indexer fails; add an action (an SNS topic) to hear of it. */
    public Alarm getIndexerErrorsAlarm() {
        return indexerErrorsAlarm;
    }
}
