package io.github.drkit.runtime.scenario;

import java.util.Map;

import io.github.drkit.runtime.aws.AwsClients;
import io.github.drkit.testing.MotoServer;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.rds.RdsClient;

/**
 * Aurora global databases and DynamoDB tables in moto, made with the SDK, for the global data kinds' scenarios. moto
 * keeps global clusters in us-east-1 and detaches a cluster only when asked there, so the secondary (the recovery
 * Region of these scenarios) is in us-east-1 and the primary in us-west-2.
 */
public final class GlobalDataSites {
    public static final String RECOVERY = "us-east-1";
    public static final String PRIMARY = "us-west-2";
    public static final String PRIMARY_ARN = "arn:aws:rds:us-west-2:123456789012:cluster:shop-primary";
    public static final String SECONDARY_ARN = "arn:aws:rds:us-east-1:123456789012:cluster:shop-secondary";

    private final MotoServer moto;
    private final Emulator emulator;

    public GlobalDataSites(MotoServer moto, Emulator emulator) {
        this.moto = moto;
        this.emulator = emulator;
    }

    public <C extends SdkClient> C sdk(AwsClientBuilder<?, C> builder, String region) {
        return builder.endpointOverride(moto.endpoint()).region(Region.of(region)).credentialsProvider(moto.credentials()).build();
    }

    public RdsClient rds(String region) {
        return sdk(RdsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()), region);
    }

    /** Global database {@code shop-global}: writer {@code shop-primary} in us-west-2, headless secondary {@code shop-secondary} in us-east-1, with a lag datapoint. */
    public void globalDatabase(double lagMillis) {
        try (RdsClient east = rds(RECOVERY); RdsClient west = rds(PRIMARY)) {
            east.createGlobalCluster(r -> r.globalClusterIdentifier("shop-global").engine("aurora-postgresql"));
            west.createDBCluster(r -> r.dbClusterIdentifier("shop-primary").engine("aurora-postgresql").globalClusterIdentifier("shop-global")
                    .masterUsername("shop").masterUserPassword("correct-horse-battery"));
            east.createDBCluster(r -> r.dbClusterIdentifier("shop-secondary").engine("aurora-postgresql").globalClusterIdentifier("shop-global"));
        }
        metric(RECOVERY, "AWS/RDS", "AuroraGlobalDBReplicationLag", Map.of("DBClusterIdentifier", "shop-secondary"), lagMillis);
    }

    /** A table as each Region of a global table has it (moto's DynamoDB knows no replicas). */
    public void table(String region, String name) {
        try (DynamoDbClient dynamo = sdk(DynamoDbClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()), region)) {
            dynamo.createTable(r -> r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(a -> a.attributeName("cartId").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("cartId").keyType(KeyType.HASH)));
        }
    }

    /** A datapoint as AWS publishes it; the runtime's own client, since moto does not speak the SDK's CBOR for CloudWatch. */
    public void metric(String region, String namespace, String name, Map<String, String> dimensions, double value) {
        try (AwsClients admin = emulator.runtimeClients()) {
            admin.cloudWatch().putMetric(region, namespace, name, dimensions, value);
        }
    }
}
