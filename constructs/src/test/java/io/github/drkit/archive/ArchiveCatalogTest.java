package io.github.drkit.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.drkit.testsupport.Fixtures;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.AccountPrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.IBucket;

class ArchiveCatalogTest {

    private static Stack stack() {
        return new Stack(new App(), "Catalog", StackProps.builder()
                .env(Environment.builder().account("111111111111").region("us-east-1").build()).build());
    }

    private static IBucket imported(Stack stack) {
        return Bucket.fromBucketName(stack, "Imported", "records-archive");
    }

    /** A small stand-in for the runtime jar, so that each synth does not hash 30 MB; one test uses the real one. */
    private static Code code() {
        return Code.fromAsset(ArchiveCatalogTest.class.getResource("/").getPath());
    }

    @Test
    void constructor_whenGlacierLifecycle_indexesItsBucketWithEveryEvent() {
        Stack stack = stack();
        GlacierLifecycle archive = new GlacierLifecycle(stack, "Archive");
        ArchiveCatalog catalog = new ArchiveCatalog(stack, "Catalog", ArchiveCatalogProps.builder().archive(archive).build());
        Template t = Template.fromStack(stack);

        assertSame(archive.getBucket(), catalog.getBucket());
        t.hasResourceProperties("Custom::S3BucketNotifications", Match.objectLike(Map.of(
                "NotificationConfiguration", Map.of("LambdaFunctionConfigurations", Match.arrayWith(List.of(
                        Match.objectLike(Map.of("Events", List.of("s3:ObjectCreated:*"))),
                        Match.objectLike(Map.of("Events", List.of("s3:ObjectRemoved:*"))),
                        Match.objectLike(Map.of("Events", List.of("s3:LifecycleTransition"))),
                        Match.objectLike(Map.of("Events", List.of("s3:LifecycleExpiration:*"))),
                        Match.objectLike(Map.of("Events", List.of("s3:ObjectRestore:Post"))),
                        Match.objectLike(Map.of("Events", List.of("s3:ObjectRestore:Completed"))),
                        Match.objectLike(Map.of("Events", List.of("s3:ObjectRestore:Delete"))),
                        Match.objectLike(Map.of("Events", List.of("s3:ObjectTagging:*")))))))));
        // The archive's objects are SSE-KMS: fetches (presigned by the request role) need its key.
        Object decrypt = Match.objectLike(Map.of("Action", "kms:Decrypt",
                "Resource", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("ArchiveKey.*"), "Arn"))));
        t.hasResourceProperties("AWS::IAM::Policy", policyOf("CatalogRequestRole.*", List.of(decrypt)));
        // The default code: the runtime jar embedded in drkit-constructs.
        t.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "Handler", ArchiveCatalog.INDEXER_HANDLER, "Runtime", "java21")));
    }

    @Test
    void constructor_whenBucket_buildsOnDemandTableWithPitrEncryptionAndFourIndexes() {
        Stack stack = stack();
        new ArchiveCatalog(stack, "Catalog", ArchiveCatalogProps.builder().bucket(imported(stack)).code(code()).build());
        Template t = Template.fromStack(stack);

        t.resourceCountIs("AWS::DynamoDB::Table", 1);
        t.hasResource("AWS::DynamoDB::Table", Match.objectLike(Map.of("DeletionPolicy", "Retain", "Properties", Match.objectLike(Map.of(
                "BillingMode", "PAY_PER_REQUEST",
                "DeletionProtectionEnabled", true,
                "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true),
                "SSESpecification", Map.of("SSEEnabled", true),
                "KeySchema", List.of(Map.of("AttributeName", "objectKey", "KeyType", "HASH"),
                        Map.of("AttributeName", "entry", "KeyType", "RANGE")),
                "GlobalSecondaryIndexes", List.of(
                        index("ByFolder", "gsiFolder", "objectKey"),
                        index("ByArchivedMonth", "gsiMonth", "archivedAt"),
                        index("ByStorageClass", "gsiClass", "archivedAt"),
                        index("ByAttribute", "gsiAttr", "objectKey")))))));
        t.resourceCountIs("AWS::Lambda::Function", 3); // indexer, requests, CDK's notifications handler
        t.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "Handler", ArchiveCatalog.REQUEST_HANDLER,
                "Runtime", "java21",
                "MemorySize", 1024,
                "Timeout", 300,
                "LoggingConfig", Match.objectLike(Map.of("LogFormat", "JSON")),
                "Environment", Map.of("Variables", Map.of("DRKIT_ARCHIVE_TABLE", Map.of("Ref", Match.stringLikeRegexp("CatalogTable.*")))))));
        t.hasResourceProperties("AWS::Logs::LogGroup", Map.of("RetentionInDays", 365));
        t.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of("MetricName", "Errors", "Threshold", 1)));
    }

    /** An inline policy of the role whose logical id matches, holding at least these statements. */
    private static Object policyOf(String roleIdPattern, List<Object> statements) {
        return Match.objectLike(Map.of(
                "Roles", List.of(Map.of("Ref", Match.stringLikeRegexp(roleIdPattern))),
                "PolicyDocument", Map.of("Statement", Match.arrayWith(statements))));
    }

    private static Map<String, Object> index(String name, String partition, String sort) {
        return Map.of("IndexName", name,
                "KeySchema", List.of(Map.of("AttributeName", partition, "KeyType", "HASH"), Map.of("AttributeName", sort, "KeyType", "RANGE")),
                "Projection", Map.of("ProjectionType", "ALL"));
    }

    @Test
    void roles_whenBuilt_grantOnlyWhatEachFunctionCalls() {
        Stack stack = stack();
        new ArchiveCatalog(stack, "Catalog", ArchiveCatalogProps.builder().bucket(imported(stack)).keyPrefix("records/").code(code()).build());
        Template t = Template.fromStack(stack);
        List<Map<String, Object>> statements = Fixtures.policyStatements(t);
        List<String> actions = statements.stream().flatMap(s -> s.get("Action") instanceof List<?> l
                ? l.stream().map(Object::toString) : java.util.stream.Stream.of(s.get("Action").toString())).toList();
        assertFalse(actions.stream().anyMatch(a -> a.endsWith(":*")), actions.toString());
        assertFalse(actions.contains("dynamodb:DeleteTable"));
        assertFalse(actions.contains("s3:DeleteObject"));
        assertFalse(actions.contains("s3:PutObject"));

        // The indexer: object state under the prefix, the base table only (no Scan, no indexes).
        Object readObjects = Match.objectLike(Map.of("Sid", "ReadObjectState",
                "Action", List.of("s3:GetObject", "s3:GetObjectVersion", "s3:GetObjectTagging", "s3:GetObjectVersionTagging"),
                "Resource", Match.objectLike(Map.of("Fn::Join", Match.arrayWith(List.of(
                        Match.arrayWith(List.of(":s3:::records-archive/records/*"))))))));
        Object writeIndex = Match.objectLike(Map.of("Sid", "WriteIndex",
                "Action", List.of("dynamodb:GetItem", "dynamodb:Query", "dynamodb:BatchWriteItem", "dynamodb:UpdateItem"),
                "Resource", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("CatalogTable.*"), "Arn"))));
        t.hasResourceProperties("AWS::IAM::Policy", policyOf("CatalogIndexerRole.*", List.of(readObjects, writeIndex)));
        // The requests: restores, never writes to S3.
        t.hasResourceProperties("AWS::IAM::Policy", policyOf("CatalogRequestRole.*", List.of(
                Match.objectLike(Map.of("Sid", "SearchIndex", "Action", List.of("dynamodb:GetItem", "dynamodb:Query", "dynamodb:Scan"))),
                Match.objectLike(Map.of("Sid", "RestoreAndRead", "Action", Match.arrayWith(List.of("s3:RestoreObject")))))));
        t.hasResourceProperties("Custom::S3BucketNotifications", Match.objectLike(Map.of(
                "NotificationConfiguration", Map.of("LambdaFunctionConfigurations", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Filter", Map.of("Key", Map.of("FilterRules", List.of(Map.of("Name", "prefix", "Value", "records/"))))))))))));
    }

    @Test
    void props_whenOptionsGiven_areApplied() {
        Stack stack = stack();
        Key key = Key.Builder.create(stack, "TableKey").enableKeyRotation(true).build();
        ArchiveCatalog catalog = new ArchiveCatalog(stack, "Catalog", ArchiveCatalogProps.builder().bucket(imported(stack))
                .tableName("records-catalog").tableEncryptionKey(key).memorySize(2048)
                .logRetention(software.amazon.awscdk.services.logs.RetentionDays.TEN_YEARS).code(code()).build());
        Role auditors = Role.Builder.create(stack, "Auditors").assumedBy(new AccountPrincipal("111111111111")).build();
        catalog.grantInvokeRequests(auditors);
        catalog.grantReadIndex(auditors);
        Template t = Template.fromStack(stack);

        t.hasResourceProperties("AWS::DynamoDB::Table", Match.objectLike(Map.of("TableName", "records-catalog",
                "SSESpecification", Match.objectLike(Map.of("SSEEnabled", true, "SSEType", "KMS")))));
        t.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of("MemorySize", 2048)));
        t.hasResourceProperties("AWS::Logs::LogGroup", Map.of("RetentionInDays", 3653));
        t.hasResourceProperties("AWS::IAM::Policy", policyOf("Auditors.*", List.of(
                Match.objectLike(Map.of("Action", "lambda:InvokeFunction")))));
        assertTrue(catalog.getTable().getTableName() != null);
        assertTrue(catalog.getIndexerFunction() != null && catalog.getRequestFunction() != null);
    }

    @Test
    void props_whenInvalid_failWithPropValueAndRule() {
        Stack stack = stack();
        IBucket bucket = imported(stack);
        GlacierLifecycle archive = new GlacierLifecycle(stack, "Archive");
        assertEquals("ArchiveCatalog: archive or bucket is required (got neither)", assertThrows(IllegalArgumentException.class,
                () -> new ArchiveCatalog(stack, "A", ArchiveCatalogProps.builder().build())).getMessage());
        assertEquals("ArchiveCatalog: give archive or bucket, not both (got both)", assertThrows(IllegalArgumentException.class,
                () -> new ArchiveCatalog(stack, "B", ArchiveCatalogProps.builder().archive(archive).bucket(bucket).build())).getMessage());
        assertEquals("ArchiveCatalog: memorySize must be between 512 and 10240 MB (got 128)", assertThrows(IllegalArgumentException.class,
                () -> new ArchiveCatalog(stack, "C", ArchiveCatalogProps.builder().bucket(bucket).memorySize(128).build())).getMessage());
        assertEquals("ArchiveCatalog: tableName must be 3 to 255 characters of a-z, A-Z, 0-9, '_', '-' and '.' (got 'my table')",
                assertThrows(IllegalArgumentException.class, () -> new ArchiveCatalog(stack, "D",
                        ArchiveCatalogProps.builder().bucket(bucket).tableName("my table").build())).getMessage());
        assertEquals("ArchiveCatalog: keyPrefix must be 1 to 1024 characters (got '')", assertThrows(IllegalArgumentException.class,
                () -> new ArchiveCatalog(stack, "E", ArchiveCatalogProps.builder().bucket(bucket).keyPrefix("").build())).getMessage());
    }
}
