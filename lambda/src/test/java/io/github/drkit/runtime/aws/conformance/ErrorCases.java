package io.github.drkit.runtime.aws.conformance;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.github.drkit.runtime.aws.AwsClients;
import io.github.drkit.runtime.aws.api.UpdateAutoScalingGroupRequest;

/**
 * AWS-shaped error answers, one or more per protocol and service, with error codes the service models name for
 * the operation: the runtime must decode the same code and request id as the SDK.
 */
final class ErrorCases {
    private static final String REGION = ConformanceCases.REGION;

    private ErrorCases() {
    }

    /**
     * @param code the code the model names, which both must decode
     */
    record ErrorCase(String name, String code, CannedAnswer answer, Consumer<AwsClients> runtime, Consumer<SdkClients> sdk) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<ErrorCase> all() {
        return List.of(
                new ErrorCase("Ec2 InvalidInstanceID.NotFound", "InvalidInstanceID.NotFound", CannedAnswer.xml(400, """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <Response><Errors><Error><Code>InvalidInstanceID.NotFound</Code>
                          <Message>The instance ID 'i-0aaaaaaaaaaaaaaa1' does not exist</Message></Error></Errors>
                          <RequestID>ea966190-f9aa-478e-9ede-example</RequestID></Response>"""),
                        aws -> aws.ec2().startInstances(REGION, List.of("i-0aaaaaaaaaaaaaaa1")),
                        sdk -> sdk.ec2.startInstances(r -> r.instanceIds("i-0aaaaaaaaaaaaaaa1"))),
                new ErrorCase("AutoScaling ScalingActivityInProgress", "ScalingActivityInProgress", CannedAnswer.xml(400, """
                        <ErrorResponse xmlns="http://autoscaling.amazonaws.com/doc/2011-01-01/">
                          <Error><Type>Sender</Type><Code>ScalingActivityInProgress</Code>
                          <Message>Scaling activity is in progress</Message></Error>
                          <RequestId>req-asg-error</RequestId></ErrorResponse>"""),
                        aws -> aws.autoScaling().update(UpdateAutoScalingGroupRequest.builder().region(REGION).groupName("web")
                                .minSize(0).desiredCapacity(0).maxSize(0).build()),
                        sdk -> sdk.autoScaling.updateAutoScalingGroup(r -> r.autoScalingGroupName("web").minSize(0).desiredCapacity(0).maxSize(0))),
                new ErrorCase("ElasticLoadBalancingV2 TargetGroupNotFound", "TargetGroupNotFound", CannedAnswer.xml(400, """
                        <ErrorResponse xmlns="http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/">
                          <Error><Type>Sender</Type><Code>TargetGroupNotFound</Code>
                          <Message>Target groups 'arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/web/1' not found</Message></Error>
                          <RequestId>req-elb-error</RequestId></ErrorResponse>"""),
                        aws -> aws.elb().targetStates(REGION, "arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/web/1"),
                        sdk -> sdk.elb.describeTargetHealth(r -> r.targetGroupArn("arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/web/1"))),
                new ErrorCase("Rds DBInstanceNotFound", "DBInstanceNotFound", CannedAnswer.xml(404, """
                        <ErrorResponse xmlns="http://rds.amazonaws.com/doc/2014-10-31/">
                          <Error><Type>Sender</Type><Code>DBInstanceNotFound</Code><Message>DBInstance app-db not found.</Message></Error>
                          <RequestId>req-rds-error</RequestId></ErrorResponse>"""),
                        aws -> aws.rds().describe(REGION, "app-db"),
                        sdk -> sdk.rds.describeDBInstances(r -> r.dbInstanceIdentifier("app-db"))),
                new ErrorCase("Rds AccessDenied", "AccessDenied", CannedAnswer.xml(403, """
                        <ErrorResponse xmlns="http://rds.amazonaws.com/doc/2014-10-31/">
                          <Error><Type>Sender</Type><Code>AccessDenied</Code>
                          <Message>User is not authorized to perform: rds:AddTagsToResource</Message></Error>
                          <RequestId>req-rds-denied</RequestId></ErrorResponse>"""),
                        aws -> aws.rds().addTag(REGION, "arn:aws:rds:us-west-2:123456789012:db:app-db", "k", "v"),
                        sdk -> sdk.rds.addTagsToResource(r -> r.resourceName("arn:aws:rds:us-west-2:123456789012:db:app-db")
                                .tags(t -> t.key("k").value("v")))),
                new ErrorCase("Sns NotFound", "NotFound", CannedAnswer.xml(404, """
                        <ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
                          <Error><Type>Sender</Type><Code>NotFound</Code><Message>Topic does not exist</Message></Error>
                          <RequestId>req-sns-error</RequestId></ErrorResponse>"""),
                        aws -> aws.sns().checkTopic(REGION, "arn:aws:sns:us-west-2:123456789012:none"),
                        sdk -> sdk.sns.getTopicAttributes(r -> r.topicArn("arn:aws:sns:us-west-2:123456789012:none"))),
                new ErrorCase("Athena InvalidRequestException", "InvalidRequestException", CannedAnswer.json(400, "application/x-amz-json-1.1",
                        "{\"__type\":\"InvalidRequestException\",\"Message\":\"WorkGroup records-search is not found.\","
                                + "\"AthenaErrorCode\":\"INVALID_INPUT\"}", Map.of("x-amzn-RequestId", "req-athena-error")),
                        aws -> aws.athena().query(REGION, "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"),
                        sdk -> sdk.athena.getQueryExecution(r -> r.queryExecutionId("a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"))),
                new ErrorCase("Glue EntityNotFoundException", "EntityNotFoundException", CannedAnswer.json(400, "application/x-amz-json-1.1",
                        "{\"__type\":\"EntityNotFoundException\",\"Message\":\"Table archive not found.\"}",
                        Map.of("x-amzn-RequestId", "req-glue-error")),
                        aws -> aws.glue().table(REGION, "records_inventory", "archive"),
                        sdk -> sdk.glue.getTable(r -> r.databaseName("records_inventory").name("archive"))),
                new ErrorCase("Ssm ParameterNotFound", "ParameterNotFound", CannedAnswer.json(400, "application/x-amz-json-1.1",
                        "{\"__type\":\"ParameterNotFound\",\"message\":\"\"}", Map.of("x-amzn-RequestId", "req-ssm-error")),
                        aws -> aws.ssm().parameter(REGION, "/drkit/none"),
                        sdk -> sdk.ssm.getParameter(r -> r.name("/drkit/none").withDecryption(true))),
                new ErrorCase("Ssm namespaced type", "ParameterNotFound", CannedAnswer.json(400, "application/x-amz-json-1.1",
                        "{\"__type\":\"com.amazonaws.ssm#ParameterNotFound:http://internal.amazon.com/coral/\",\"message\":\"\"}",
                        Map.of("x-amzn-RequestId", "req-ssm-error-2")),
                        aws -> aws.ssm().parameter(REGION, "/drkit/none"),
                        sdk -> sdk.ssm.getParameter(r -> r.name("/drkit/none").withDecryption(true))),
                new ErrorCase("CloudWatch query-compatible InvalidParameterValue", "InvalidParameterValue", CannedAnswer.json(400,
                        "application/x-amz-json-1.0", "{\"__type\":\"com.amazonaws.cloudwatch#InvalidParameterValueException\","
                                + "\"message\":\"The value NaN for parameter MetricData.member.1.Value is invalid.\"}",
                        Map.of("x-amzn-query-error", "InvalidParameterValue;Sender", "x-amzn-RequestId", "req-cw-error")),
                        aws -> aws.cloudWatch().putMetric(REGION, "drkit/switch", "SiteUp", Map.of(), 0.0),
                        sdk -> sdk.cloudWatch.putMetricData(r -> r.namespace("drkit/switch").metricData(d -> d.metricName("SiteUp").value(0.0)))),
                new ErrorCase("Route53 NoSuchHostedZone", "NoSuchHostedZone", CannedAnswer.xml(404, """
                        <?xml version="1.0"?>
                        <ErrorResponse xmlns="https://route53.amazonaws.com/doc/2013-04-01/">
                          <Error><Type>Sender</Type><Code>NoSuchHostedZone</Code><Message>No hosted zone found with ID: Z0000</Message></Error>
                          <RequestId>req-r53-error</RequestId></ErrorResponse>"""),
                        aws -> aws.route53().records("Z0000", null),
                        sdk -> sdk.route53.listResourceRecordSets(r -> r.hostedZoneId("Z0000"))),
                // S3's error document has Error as its root; the request id is also in a header, which the SDK reads.
                new ErrorCase("S3 AccessDenied", "AccessDenied", new CannedAnswer(403, java.util.Map.of("Content-Type", "application/xml",
                        "x-amz-request-id", "4442587FB7D0A2F9"), """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>4442587FB7D0A2F9</RequestId>
                          <HostId>9w4kVtCWRHk2Vd0SPmZ1j8yzgOUfbbH4dUnVtMt3rNA=</HostId></Error>""".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                        aws -> aws.s3().firstKeyCount(REGION, "shop-archive-restore-test"),
                        sdk -> sdk.s3.listObjectsV2(r -> r.bucket("shop-archive-restore-test").maxKeys(1))),
                new ErrorCase("Route53 InvalidChangeBatch", "InvalidChangeBatch", CannedAnswer.xml(400, """
                        <?xml version="1.0"?>
                        <ErrorResponse xmlns="https://route53.amazonaws.com/doc/2013-04-01/">
                          <Error><Type>Sender</Type><Code>InvalidChangeBatch</Code><Message>[Tried to create resource record set \
                        [name='app.example.com.', type='A', set-identifier='recovery'] but it already exists]</Message></Error>
                          <RequestId>ca6b6a9b-f2be-44c9-8d94-f7dfb3448d10</RequestId></ErrorResponse>"""),
                        aws -> aws.route53().upsert("Z0123456789ABCDEFGHIJ", "drkit failover", ConformanceCases.upsertRecords().subList(0, 2)),
                        sdk -> sdk.route53.changeResourceRecordSets(r -> r.hostedZoneId("Z0123456789ABCDEFGHIJ").changeBatch(b -> b
                                .changes(ConformanceCases.upsertRecords().subList(0, 2).stream().map(rs -> software.amazon.awssdk.services.route53
                                        .model.Change.builder().action("UPSERT").resourceRecordSet(ConformanceCases.sdkRecord(rs)).build()).toList()))))
        );
    }

    /**
     * Route 53's documented answer to a batch it refuses, one message per refused change: the root element is the
     * code. (Route 53 now mostly answers in the {@code ErrorResponse} form above; the AWS SDK for Java 2.57 reads no
     * code from this one.)
     */
    static String invalidChangeBatch() {
        return """
                <?xml version="1.0"?>
                <InvalidChangeBatch xmlns="https://route53.amazonaws.com/doc/2013-04-01/">
                  <Messages>
                    <Message>RRSet with DNS name note.example.com., type TXT cannot be created as other RRSets exist with the same name and type.</Message>
                    <Message>Tried to create resource record set [name='app.example.com.', type='A', set-identifier='recovery'] but it already exists</Message>
                  </Messages>
                  <RequestId>b25f48e8-84fd-11e6-80d9-574e0c4664cb</RequestId>
                </InvalidChangeBatch>""";
    }
}
