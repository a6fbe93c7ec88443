package io.github.drkit.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.github.drkit.plan.RuntimePermissions;
import io.github.drkit.testsupport.Fixtures;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Size;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.iam.AccountPrincipal;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.InventoryFrequency;

class ArchiveCatalogInventoryTest {

    private static Stack stack() {
        return new Stack(new App(), "Catalog", StackProps.builder()
                .env(Environment.builder().account("111111111111").region("us-east-1").build()).build());
    }

    /** A small stand-in for the runtime jar, so that each synth does not hash 30 MB. */
    private static Code code() {
        return Code.fromAsset(ArchiveCatalogInventoryTest.class.getResource("/").getPath());
    }

    private static ArchiveCatalog catalog(Stack stack, InventorySearch inventory) {
        GlacierLifecycle archive = new GlacierLifecycle(stack, "Archive");
        return new ArchiveCatalog(stack, "Catalog", ArchiveCatalogProps.builder().archive(archive).code(code())
                .inventorySearch(inventory).build());
    }

    private static IllegalArgumentException invalid(InventorySearch.Builder inventory) {
        return assertThrows(IllegalArgumentException.class, () -> catalog(stack(), inventory.build()));
    }

    @Test
    void constructor_whenInventorySearch_configuresAParquetInventoryOfEveryVersionIntoItsOwnBucket() {
        Stack stack = stack();
        ArchiveCatalog catalog = catalog(stack, InventorySearch.builder().build());
        Template t = Template.fromStack(stack);

        t.hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of("InventoryConfigurations", List.of(Match.objectLike(Map.of(
                "Id", "drkit-catalog",
                "Enabled", true,
                "IncludedObjectVersions", "All",
                "ScheduleFrequency", "Daily",
                "OptionalFields", ArchiveInventory.OPTIONAL_FIELDS,
                "Destination", Match.objectLike(Map.of("Format", "Parquet", "Prefix", "inventory", "BucketArn",
                        Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("CatalogInventoryReports.*"), "Arn"))))))))));
        // S3 may write the reports only for this archive, into this bucket.
        t.hasResourceProperties("AWS::S3::BucketPolicy", Match.objectLike(Map.of(
                "Bucket", Map.of("Ref", Match.stringLikeRegexp("CatalogInventoryReports.*")),
                "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Action", "s3:PutObject", "Effect", "Allow",
                        "Principal", Map.of("Service", "s3.amazonaws.com"),
                        "Condition", Match.objectLike(Map.of("ArnLike", Map.of("aws:SourceArn",
                                Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("ArchiveBucket.*"), "Arn")))))))))))));
        assertEquals("inventory", catalog.getInventoryTableName());
    }

    @Test
    void constructor_whenInventorySearch_createsAProjectedGlueTableOverTheReportsHiveFolder() {
        Stack stack = stack();
        ArchiveCatalog catalog = catalog(stack, InventorySearch.builder().databaseName("records_inventory").build());
        Template t = Template.fromStack(stack);

        t.hasResourceProperties("AWS::Glue::Database", Map.of("CatalogId", "111111111111",
                "DatabaseInput", Match.objectLike(Map.of("Name", "records_inventory"))));
        t.hasResourceProperties("AWS::Glue::Table", Match.objectLike(Map.of(
                "DatabaseName", "records_inventory",
                "TableInput", Match.objectLike(Map.of(
                        "Name", "inventory",
                        "TableType", "EXTERNAL_TABLE",
                        "PartitionKeys", List.of(Map.of("Name", "dt", "Type", "string")),
                        "Parameters", Match.objectLike(Map.of("projection.enabled", "true", "projection.dt.type", "date",
                                "projection.dt.format", "yyyy-MM-dd-HH-mm")),
                        "StorageDescriptor", Match.objectLike(Map.of(
                                "InputFormat", "org.apache.hadoop.hive.ql.io.SymlinkTextInputFormat",
                                "SerdeInfo", Map.of("SerializationLibrary", "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe"),
                                "Columns", Match.arrayWith(List.of(Map.of("Name", "key", "Type", "string"),
                                        Map.of("Name", "is_delete_marker", "Type", "boolean"), Map.of("Name", "size", "Type", "bigint"))),
                                "Location", Map.of("Fn::Join", List.of("", List.of("s3://",
                                        Map.of("Ref", Match.stringLikeRegexp("CatalogInventoryReports.*")), "/inventory/",
                                        Map.of("Ref", Match.stringLikeRegexp("ArchiveBucket.*")), "/drkit-catalog/hive/"))))))))));
        assertEquals("records_inventory", catalog.getInventoryDatabaseName());
    }

    @Test
    void constructor_whenInventorySearch_createsAnEncryptedWorkgroupWithTheBytesScannedLimit() {
        Stack stack = stack();
        ArchiveCatalog catalog = catalog(stack, InventorySearch.builder().workGroupName("records-search")
                .bytesScannedCutoff(Size.gibibytes(50)).build());
        Template t = Template.fromStack(stack);

        t.hasResourceProperties("AWS::Athena::WorkGroup", Match.objectLike(Map.of(
                "Name", "records-search",
                "State", "ENABLED",
                "WorkGroupConfiguration", Match.objectLike(Map.of(
                        "BytesScannedCutoffPerQuery", 53_687_091_200L,
                        "EnforceWorkGroupConfiguration", true,
                        "EngineVersion", Map.of("SelectedEngineVersion", "Athena engine version 3"),
                        "ResultConfiguration", Map.of(
                                "EncryptionConfiguration", Map.of("EncryptionOption", "SSE_S3"),
                                "ExpectedBucketOwner", "111111111111",
                                "OutputLocation", Map.of("Fn::Join", List.of("", List.of("s3://",
                                        Map.of("Ref", Match.stringLikeRegexp("CatalogInventoryResults.*")), "/athena/")))))))));
        assertEquals("records-search", catalog.getWorkGroupName());
    }

    @Test
    void constructor_whenInventorySearch_reportAndResultBucketsAreEncryptedVersionedTlsOnlyLoggedAndExpire() {
        Stack stack = stack();
        catalog(stack, InventorySearch.builder().reportRetention(Duration.days(14)).resultRetention(Duration.days(3)).build());
        Template t = Template.fromStack(stack);

        for (Object[] bucket : new Object[][] {{"inventory-reports", 14}, {"athena-results", 3}}) {
            t.hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of(
                    "BucketEncryption", Map.of("ServerSideEncryptionConfiguration", List.of(Map.of(
                            "ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "AES256")))),
                    "VersioningConfiguration", Map.of("Status", "Enabled"),
                    "LoggingConfiguration", Map.of("LogFilePrefix", "s3-access/" + bucket[0] + "/",
                            "DestinationBucketName", Map.of("Ref", Match.stringLikeRegexp("ArchiveAccessLogs.*"))),
                    "LifecycleConfiguration", Map.of("Rules", List.of(Match.objectLike(Map.of("ExpirationInDays", bucket[1])))))));
        }
        Set<String> tlsOnly = new TreeSet<>();
        t.findResources("AWS::S3::BucketPolicy").forEach((id, policy) -> {
            if (policy.toString().contains("aws:SecureTransport=false")) {
                tlsOnly.add(id);
            }
        });
        assertTrue(tlsOnly.stream().filter(id -> id.startsWith("CatalogInventory")).count() >= 2, tlsOnly.toString());
    }

    @Test
    void constructor_whenPlainBucketInTheApp_logsToABucketOfItsOwn() {
        Stack stack = stack();
        Bucket bucket = new Bucket(stack, "Records");
        new ArchiveCatalog(stack, "Catalog", ArchiveCatalogProps.builder().bucket(bucket).code(code())
                .inventorySearch(InventorySearch.builder().frequency(InventoryFrequency.WEEKLY).build()).build());
        Template t = Template.fromStack(stack);

        t.hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of("LoggingConfiguration", Map.of(
                "LogFilePrefix", "s3-access/inventory-reports/",
                "DestinationBucketName", Map.of("Ref", Match.stringLikeRegexp("CatalogInventoryAccessLogs.*"))))));
        t.hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of("InventoryConfigurations", List.of(
                Match.objectLike(Map.of("ScheduleFrequency", "Weekly"))))));
    }

    @Test
    void grantInventorySearch_whenGranted_allowsEveryActionThePermissionTableListsForTheSearch() {
        Stack stack = stack();
        ArchiveCatalog catalog = catalog(stack, InventorySearch.builder().workGroupName("records-search").databaseName("records_inventory")
                .build());
        Role records = Role.Builder.create(stack, "Records").assumedBy(new AccountPrincipal("111111111111")).build();

        catalog.grantInventorySearch(records);

        Set<String> granted = new TreeSet<>();
        List<String> resources = new ArrayList<>();
        for (Map<String, Object> statement : Fixtures.policyStatements(Template.fromStack(stack))) {
            Object action = statement.get("Action");
            for (Object a : action instanceof List<?> l ? l : List.of(action)) {
                granted.add((String) a);
            }
            resources.add(String.valueOf(statement.get("Resource")));
        }
        List<String> missing = new ArrayList<>();
        for (String action : RuntimePermissions.actions("archive-search")) {
            boolean covered = granted.contains(action) || granted.stream().anyMatch(g -> g.endsWith("*")
                    && action.startsWith(g.substring(0, g.length() - 1)));
            if (!covered) {
                missing.add(action);
            }
        }
        assertEquals(List.of(), missing, "granted " + granted);
        assertTrue(resources.stream().anyMatch(r -> r.contains(":workgroup/records-search")), resources.toString());
        assertTrue(resources.stream().anyMatch(r -> r.contains(":table/records_inventory/inventory")), resources.toString());
        assertTrue(granted.stream().noneMatch(a -> a.endsWith("*") || a.startsWith("s3:Delete")), "no wildcard action, no delete: " + granted);
        assertTrue(resources.stream().anyMatch(r -> r.contains("/inventory/*")) && resources.stream().anyMatch(r -> r.contains("/athena/*")),
                "objects of the reports and results folders only: " + resources);
    }

    @Test
    void constructor_whenInventorySearch_letsTheRequestFunctionSearchWithAthena() {
        Stack stack = stack();
        catalog(stack, InventorySearch.builder().workGroupName("records-search").databaseName("records_inventory").build());
        Template t = Template.fromStack(stack);

        t.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "Handler", ArchiveCatalog.REQUEST_HANDLER,
                "Environment", Map.of("Variables", Match.objectLike(Map.of(
                        ArchiveCatalog.WORKGROUP_VARIABLE, "records-search",
                        ArchiveCatalog.INVENTORY_DATABASE_VARIABLE, "records_inventory",
                        ArchiveCatalog.INVENTORY_TABLE_VARIABLE, "inventory"))))));
        t.hasResourceProperties("AWS::IAM::Policy", Match.objectLike(Map.of(
                "Roles", List.of(Map.of("Ref", Match.stringLikeRegexp("CatalogRequestRole.*"))),
                "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Action", RuntimePermissions.actions("archive-search", "workgroup"),
                        "Resource", Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
                                ":athena:us-east-1:111111111111:workgroup/records-search")))))))))));
    }

    @Test
    void grantInventorySearch_whenCatalogHasNoInventory_failsSayingSo() {
        Stack stack = stack();
        ArchiveCatalog catalog = new ArchiveCatalog(stack, "Catalog", ArchiveCatalogProps.builder()
                .archive(new GlacierLifecycle(stack, "Archive")).code(code()).build());
        Role records = Role.Builder.create(stack, "Records").assumedBy(new AccountPrincipal("111111111111")).build();

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> catalog.grantInventorySearch(records));

        assertEquals("ArchiveCatalog: grantInventorySearch needs the catalog built with inventorySearch (got none at Catalog/Catalog)",
                e.getMessage());
        assertNull(catalog.getWorkGroupName());
    }

    @Test
    void constructor_whenImportedBucket_failsSayingTheInventoryNeedsItsStack() {
        Stack stack = stack();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ArchiveCatalog(stack, "Catalog",
                ArchiveCatalogProps.builder().bucket(Bucket.fromBucketName(stack, "Imported", "records-archive")).code(code())
                        .inventorySearch(InventorySearch.builder().build()).build()));

        assertEquals("ArchiveCatalog: inventorySearch configures the archive bucket's S3 Inventory, so the bucket must be created in "
                + "this app (got an imported bucket, Catalog/Imported); add the catalog in the stack that creates the bucket", e.getMessage());
    }

    @Test
    void constructor_whenBytesScannedCutoffBelowAthenasMinimum_fails() {
        assertEquals("ArchiveCatalog: inventorySearch bytesScannedCutoff must be at least 10 MB (10000000 bytes), Athena's smallest "
                + "limit (got 1048576 bytes)", invalid(InventorySearch.builder().bytesScannedCutoff(Size.mebibytes(1))).getMessage());
    }

    @Test
    void constructor_whenReportRetentionUnderADay_fails() {
        assertEquals("ArchiveCatalog: inventorySearch reportRetention must be at least 1 day (got 12 hours)",
                invalid(InventorySearch.builder().reportRetention(Duration.hours(12))).getMessage());
    }

    @Test
    void constructor_whenResultRetentionUnderADay_fails() {
        assertEquals("ArchiveCatalog: inventorySearch resultRetention must be at least 1 day (got 30 minutes)",
                invalid(InventorySearch.builder().resultRetention(Duration.minutes(30))).getMessage());
    }

    @Test
    void constructor_whenWorkGroupNameInvalid_fails() {
        assertEquals("ArchiveCatalog: inventorySearch workGroupName must be 1 to 128 characters of a-z, A-Z, 0-9, '.', '_' and '-' "
                + "(got 'records search')", invalid(InventorySearch.builder().workGroupName("records search")).getMessage());
    }

    @Test
    void constructor_whenDatabaseNameInvalid_fails() {
        assertEquals("ArchiveCatalog: inventorySearch databaseName must be 1 to 255 characters of a-z, 0-9 and '_', which Athena can "
                + "name without quoting (got 'Records-Inventory')", invalid(InventorySearch.builder().databaseName("Records-Inventory")).getMessage());
    }
}
