package io.github.drkit.runtime.aws.conformance;

import java.util.List;
import java.util.Locale;

import io.github.drkit.runtime.aws.api.DbCluster;
import io.github.drkit.runtime.aws.api.GlobalCluster;
import io.github.drkit.runtime.aws.api.TableDescription;
import software.amazon.awssdk.services.rds.model.FailoverState;

/**
 * The conformance cases of the global database and global table operations (RDS global clusters, DynamoDB
 * DescribeTable): the operations moto does not serve (SwitchoverGlobalCluster, FailoverGlobalCluster) are verified
 * only here, against the AWS SDK.
 */
final class GlobalDataCases {
    private static final String REGION = ConformanceCases.REGION;
    private static final String PRIMARY = "arn:aws:rds:us-east-1:123456789012:cluster:shop-primary";
    private static final String SECONDARY = "arn:aws:rds:us-west-2:123456789012:cluster:shop-secondary";

    private GlobalDataCases() {
    }

    static List<ConformanceCase> all() {
        return List.of(
                new ConformanceCase("RdsApi.cluster", CannedAnswer.xml(200, """
                        <DescribeDBClustersResponse xmlns="http://rds.amazonaws.com/doc/2014-10-31/">
                          <DescribeDBClustersResult><DBClusters><DBCluster>
                            <DBClusterIdentifier>shop-secondary</DBClusterIdentifier>
                            <DBClusterArn>arn:aws:rds:us-west-2:123456789012:cluster:shop-secondary</DBClusterArn>
                            <Status>available</Status><Engine>aurora-postgresql</Engine><EngineMode>provisioned</EngineMode>
                            <DBClusterMembers>
                              <DBClusterMember><DBInstanceIdentifier>shop-secondary-1</DBInstanceIdentifier><IsClusterWriter>false</IsClusterWriter>
                                <DBClusterParameterGroupStatus>in-sync</DBClusterParameterGroupStatus><PromotionTier>1</PromotionTier></DBClusterMember>
                              <DBClusterMember><DBInstanceIdentifier>shop-secondary-2</DBInstanceIdentifier><IsClusterWriter>false</IsClusterWriter>
                                <DBClusterParameterGroupStatus>in-sync</DBClusterParameterGroupStatus><PromotionTier>1</PromotionTier></DBClusterMember>
                            </DBClusterMembers>
                          </DBCluster></DBClusters></DescribeDBClustersResult>
                          <ResponseMetadata><RequestId>req-cluster</RequestId></ResponseMetadata>
                        </DescribeDBClustersResponse>"""),
                        aws -> aws.rds().cluster(REGION, SECONDARY),
                        sdk -> {
                            var c = sdk.rds.describeDBClusters(r -> r.dbClusterIdentifier(SECONDARY)).dbClusters().get(0);
                            return new DbCluster(c.dbClusterIdentifier(), c.dbClusterArn(), c.status(), c.engine(),
                                    c.dbClusterMembers().stream().map(m -> m.dbInstanceIdentifier()).toList());
                        }),
                // An endpoint that lists more than the asked-for global cluster (moto does) is read for the one asked for.
                new ConformanceCase("RdsApi.globalCluster", CannedAnswer.xml(200, """
                        <DescribeGlobalClustersResponse xmlns="http://rds.amazonaws.com/doc/2014-10-31/">
                          <DescribeGlobalClustersResult><GlobalClusters>
                            <GlobalClusterMember>
                              <GlobalClusterIdentifier>other-global</GlobalClusterIdentifier>
                              <GlobalClusterArn>arn:aws:rds::123456789012:global-cluster:other-global</GlobalClusterArn>
                              <Status>available</Status><Engine>aurora-mysql</Engine><GlobalClusterMembers/>
                            </GlobalClusterMember>
                            <GlobalClusterMember>
                              <GlobalClusterIdentifier>shop-global</GlobalClusterIdentifier>
                              <GlobalClusterResourceId>cluster-1a2b3c4d5e6f</GlobalClusterResourceId>
                              <GlobalClusterArn>arn:aws:rds::123456789012:global-cluster:shop-global</GlobalClusterArn>
                              <Status>failing-over</Status><Engine>aurora-postgresql</Engine><EngineVersion>16.4</EngineVersion>
                              <GlobalClusterMembers>
                                <GlobalClusterMember><DBClusterArn>arn:aws:rds:us-east-1:123456789012:cluster:shop-primary</DBClusterArn>
                                  <Readers><member>arn:aws:rds:us-west-2:123456789012:cluster:shop-secondary</member></Readers>
                                  <IsWriter>true</IsWriter><GlobalWriteForwardingStatus>disabled</GlobalWriteForwardingStatus>
                                  <SynchronizationStatus>connected</SynchronizationStatus></GlobalClusterMember>
                                <GlobalClusterMember><DBClusterArn>arn:aws:rds:us-west-2:123456789012:cluster:shop-secondary</DBClusterArn>
                                  <Readers/><IsWriter>false</IsWriter></GlobalClusterMember>
                              </GlobalClusterMembers>
                              <FailoverState><Status>failing-over</Status>
                                <FromDbClusterArn>arn:aws:rds:us-east-1:123456789012:cluster:shop-primary</FromDbClusterArn>
                                <ToDbClusterArn>arn:aws:rds:us-west-2:123456789012:cluster:shop-secondary</ToDbClusterArn>
                                <IsDataLossAllowed>true</IsDataLossAllowed></FailoverState>
                            </GlobalClusterMember>
                          </GlobalClusters></DescribeGlobalClustersResult>
                          <ResponseMetadata><RequestId>req-global</RequestId></ResponseMetadata>
                        </DescribeGlobalClustersResponse>"""),
                        aws -> aws.rds().globalCluster(REGION, "Shop-Global"),
                        sdk -> sdk.rds.describeGlobalClusters(r -> r.globalClusterIdentifier("Shop-Global")).globalClusters().stream()
                                .filter(g -> g.globalClusterIdentifier().toLowerCase(Locale.ROOT).equals("shop-global")).findFirst()
                                .map(g -> {
                                    FailoverState f = g.failoverState();
                                    return new GlobalCluster(g.globalClusterIdentifier(), g.globalClusterArn(), g.status(),
                                            g.globalClusterMembers().stream().map(m -> new GlobalCluster.Member(m.dbClusterArn(),
                                                    Boolean.TRUE.equals(m.isWriter()))).toList(),
                                            f == null ? null : new GlobalCluster.FailoverState(f.statusAsString(), f.fromDbClusterArn(),
                                                    f.toDbClusterArn(), f.isDataLossAllowed()));
                                })),
                new ConformanceCase("RdsApi.switchoverGlobalCluster", CannedAnswer.xml(200, globalClusterAnswer("SwitchoverGlobalCluster")),
                        aws -> aws.rds().switchoverGlobalCluster(REGION, "shop-global", SECONDARY),
                        sdk -> sdk.rds.switchoverGlobalCluster(r -> r.globalClusterIdentifier("shop-global").targetDbClusterIdentifier(SECONDARY))
                                .globalCluster().status()),
                new ConformanceCase("RdsApi.failoverGlobalCluster", CannedAnswer.xml(200, globalClusterAnswer("FailoverGlobalCluster")),
                        aws -> aws.rds().failoverGlobalCluster(REGION, "shop-global", SECONDARY, true),
                        sdk -> sdk.rds.failoverGlobalCluster(r -> r.globalClusterIdentifier("shop-global").targetDbClusterIdentifier(SECONDARY)
                                .allowDataLoss(true)).globalCluster().status()),
                new ConformanceCase("RdsApi.removeFromGlobalCluster", CannedAnswer.xml(200, globalClusterAnswer("RemoveFromGlobalCluster")),
                        aws -> {
                            aws.rds().removeFromGlobalCluster(REGION, "shop-global", SECONDARY);
                            return "sent";
                        },
                        sdk -> {
                            sdk.rds.removeFromGlobalCluster(r -> r.globalClusterIdentifier("shop-global").dbClusterIdentifier(SECONDARY));
                            return "sent";
                        }),
                new ConformanceCase("DynamoDbApi.describeTable", CannedAnswer.json(200, "application/x-amz-json-1.0", """
                        {"Table": {"TableName": "shop-carts", "TableStatus": "ACTIVE",
                          "TableArn": "arn:aws:dynamodb:us-west-2:123456789012:table/shop-carts", "GlobalTableVersion": "2019.11.21",
                          "KeySchema": [{"AttributeName": "cartId", "KeyType": "HASH"}],
                          "AttributeDefinitions": [{"AttributeName": "cartId", "AttributeType": "S"}],
                          "BillingModeSummary": {"BillingMode": "PAY_PER_REQUEST"},
                          "Replicas": [{"RegionName": "us-east-1", "ReplicaStatus": "ACTIVE"},
                                       {"RegionName": "eu-west-1", "ReplicaStatus": "UPDATING", "ReplicaStatusPercentProgress": "40"}]}}""",
                        java.util.Map.of()),
                        aws -> aws.dynamoDb().describeTable(REGION, "shop-carts"),
                        sdk -> {
                            var t = sdk.dynamoDb.describeTable(r -> r.tableName("shop-carts")).table();
                            return java.util.Optional.of(new TableDescription(t.tableName(), t.tableStatusAsString(), t.globalTableVersion(),
                                    t.replicas().stream().map(r -> new TableDescription.Replica(r.regionName(), r.replicaStatusAsString())).toList()));
                        }));
    }

    /** The answer of an operation whose result is the global cluster, as the model shapes it. */
    private static String globalClusterAnswer(String operation) {
        return """
                <%1$sResponse xmlns="http://rds.amazonaws.com/doc/2014-10-31/">
                  <%1$sResult><GlobalCluster>
                    <GlobalClusterIdentifier>shop-global</GlobalClusterIdentifier>
                    <GlobalClusterArn>arn:aws:rds::123456789012:global-cluster:shop-global</GlobalClusterArn>
                    <Status>modifying</Status><Engine>aurora-postgresql</Engine>
                    <GlobalClusterMembers>
                      <GlobalClusterMember><DBClusterArn>%2$s</DBClusterArn><IsWriter>true</IsWriter></GlobalClusterMember>
                    </GlobalClusterMembers>
                  </GlobalCluster></%1$sResult>
                  <ResponseMetadata><RequestId>req-%1$s</RequestId></ResponseMetadata>
                </%1$sResponse>""".formatted(operation, PRIMARY);
    }
}
