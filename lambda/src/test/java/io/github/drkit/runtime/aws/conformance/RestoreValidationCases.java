package io.github.drkit.runtime.aws.conformance;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.drkit.runtime.aws.api.RestoreValidationStatus;
import io.github.drkit.runtime.aws.api.TableStatistics;

/**
 * The operations of restore testing validation: the reads of restored resources, and AWS Backup's
 * PutRestoreValidationResult, which moto 5.2.1 does not serve (404) and which is verified only here, against the AWS SDK.
 */
final class RestoreValidationCases {
    private static final String REGION = ConformanceCases.REGION;
    private static final String JOB = "D59196C8-8951-4C80-E71E-8F41E6D364E5";
    private static final String MESSAGE = "checked EBS volume vol-0aaaaaaaaaaaaaaa1 in us-west-2 (Ec2 DescribeVolumes): status available";

    private RestoreValidationCases() {
    }

    static List<ConformanceCase> all() {
        return List.of(
                new ConformanceCase("BackupApi.putRestoreValidationResult", CannedAnswer.json(204, "application/json", "", Map.of()),
                        aws -> {
                            aws.backup().putRestoreValidationResult(REGION, JOB, RestoreValidationStatus.SUCCESSFUL, MESSAGE);
                            return "sent";
                        },
                        sdk -> {
                            sdk.backup.putRestoreValidationResult(r -> r.restoreJobId(JOB)
                                    .validationStatus(software.amazon.awssdk.services.backup.model.RestoreValidationStatus.SUCCESSFUL)
                                    .validationStatusMessage(MESSAGE));
                            return "sent";
                        }),
                new ConformanceCase("S3Api.firstKeyCount", CannedAnswer.xml(200, """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
                          <Name>shop-archive-restore-test</Name><Prefix></Prefix><KeyCount>1</KeyCount><MaxKeys>1</MaxKeys>
                          <IsTruncated>true</IsTruncated>
                          <NextContinuationToken>1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=</NextContinuationToken>
                          <Contents><Key>contracts/2026.pdf</Key><LastModified>2026-12-04T01:02:03.000Z</LastModified>
                            <ETag>&quot;d41d8cd98f00b204e9800998ecf8427e&quot;</ETag><Size>8</Size><StorageClass>STANDARD</StorageClass></Contents>
                        </ListBucketResult>"""),
                        aws -> aws.s3().firstKeyCount(REGION, "shop-archive-restore-test"),
                        sdk -> Optional.of(sdk.s3.listObjectsV2(r -> r.bucket("shop-archive-restore-test").maxKeys(1)).keyCount())),
                new ConformanceCase("DynamoDbApi.tableStatistics", CannedAnswer.json(200, "application/x-amz-json-1.0", """
                        {"Table": {"TableName": "shop-carts-restore-test", "TableStatus": "ACTIVE",
                          "TableArn": "arn:aws:dynamodb:us-west-2:123456789012:table/shop-carts-restore-test",
                          "KeySchema": [{"AttributeName": "cartId", "KeyType": "HASH"}],
                          "AttributeDefinitions": [{"AttributeName": "cartId", "AttributeType": "S"}],
                          "ItemCount": 1234, "TableSizeBytes": 567890,
                          "BillingModeSummary": {"BillingMode": "PAY_PER_REQUEST"},
                          "RestoreSummary": {"SourceTableArn": "arn:aws:dynamodb:us-west-2:123456789012:table/shop-carts",
                            "RestoreDateTime": 1.7648172E9, "RestoreInProgress": false}}}""", Map.of()),
                        aws -> aws.dynamoDb().tableStatistics(REGION, "shop-carts-restore-test"),
                        sdk -> {
                            var t = sdk.dynamoDb.describeTable(r -> r.tableName("shop-carts-restore-test")).table();
                            return Optional.of(new TableStatistics(t.tableName(), t.tableStatusAsString(), t.itemCount(), t.tableSizeBytes()));
                        }));
    }
}
