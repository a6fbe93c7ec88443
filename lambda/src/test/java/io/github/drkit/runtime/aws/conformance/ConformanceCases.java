package io.github.drkit.runtime.aws.conformance;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.github.drkit.runtime.aws.api.AutoScalingGroup;
import io.github.drkit.runtime.aws.api.DbInstance;
import io.github.drkit.runtime.aws.api.Ec2Api;
import io.github.drkit.runtime.aws.api.MetricAlarm;
import io.github.drkit.runtime.aws.api.RecordSet;
import io.github.drkit.runtime.aws.api.Route53Api;
import io.github.drkit.runtime.aws.api.StsApi;
import io.github.drkit.runtime.aws.api.UpdateAutoScalingGroupRequest;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateVersion;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.ChangeInfo;
import software.amazon.awssdk.services.route53.model.ListResourceRecordSetsResponse;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * The conformance case of every facade operation, each with an AWS-shaped answer. The answers follow the output
 * shapes of the service models (element names and nesting as the models give them; {@code ConformanceModelsTest}
 * checks each against the model).
 */
final class ConformanceCases {
    static final String REGION = "us-west-2";

    private ConformanceCases() {
    }

    static List<ConformanceCase> all() {
        return List.of(
                // EC2
                new ConformanceCase("Ec2Api.instanceStates", CannedAnswer.xml(200, """
                        <DescribeInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
                          <requestId>8f7724cf-496f-496e-8fe3-example</requestId>
                          <reservationSet><item><reservationId>r-1234567890abcdef0</reservationId><ownerId>123456789012</ownerId>
                            <instancesSet>
                              <item><instanceId>i-0aaaaaaaaaaaaaaa1</instanceId><instanceType>t3.small</instanceType>
                                <instanceState><code>80</code><name>stopped</name></instanceState></item>
                              <item><instanceId>i-0aaaaaaaaaaaaaaa2</instanceId><instanceType>t3.small</instanceType>
                                <instanceState><code>16</code><name>running</name></instanceState></item>
                            </instancesSet></item></reservationSet>
                        </DescribeInstancesResponse>"""),
                        aws -> aws.ec2().instanceStates(REGION, List.of("i-0aaaaaaaaaaaaaaa1", "i-0aaaaaaaaaaaaaaa2")),
                        sdk -> {
                            Map<String, String> states = new LinkedHashMap<>();
                            sdk.ec2.describeInstances(r -> r.filters(Filter.builder().name("instance-id")
                                            .values("i-0aaaaaaaaaaaaaaa1", "i-0aaaaaaaaaaaaaaa2").build()))
                                    .reservations().forEach(res -> res.instances().forEach((Instance i) ->
                                            states.put(i.instanceId(), i.state().nameAsString())));
                            return states;
                        }),
                new ConformanceCase("Ec2Api.startInstances", CannedAnswer.xml(200, """
                        <StartInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
                          <requestId>req-start</requestId>
                          <instancesSet><item><instanceId>i-0aaaaaaaaaaaaaaa1</instanceId>
                            <currentState><code>0</code><name>pending</name></currentState>
                            <previousState><code>80</code><name>stopped</name></previousState></item></instancesSet>
                        </StartInstancesResponse>"""),
                        aws -> {
                            aws.ec2().startInstances(REGION, List.of("i-0aaaaaaaaaaaaaaa1", "i-0aaaaaaaaaaaaaaa2"));
                            return "sent";
                        },
                        sdk -> {
                            sdk.ec2.startInstances(r -> r.instanceIds("i-0aaaaaaaaaaaaaaa1", "i-0aaaaaaaaaaaaaaa2"));
                            return "sent";
                        }),
                new ConformanceCase("Ec2Api.stopInstances", CannedAnswer.xml(200, """
                        <StopInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
                          <requestId>req-stop</requestId>
                          <instancesSet><item><instanceId>i-0aaaaaaaaaaaaaaa1</instanceId>
                            <currentState><code>64</code><name>stopping</name></currentState>
                            <previousState><code>16</code><name>running</name></previousState></item></instancesSet>
                        </StopInstancesResponse>"""),
                        aws -> {
                            aws.ec2().stopInstances(REGION, List.of("i-0aaaaaaaaaaaaaaa1"));
                            return "sent";
                        },
                        sdk -> {
                            sdk.ec2.stopInstances(r -> r.instanceIds("i-0aaaaaaaaaaaaaaa1"));
                            return "sent";
                        }),
                new ConformanceCase("Ec2Api.launchTemplateVersion", CannedAnswer.xml(200, """
                        <DescribeLaunchTemplateVersionsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
                          <requestId>req-ltv</requestId>
                          <launchTemplateVersionSet><item><launchTemplateId>lt-0abcdef1234567890</launchTemplateId>
                            <launchTemplateName>web</launchTemplateName><versionNumber>3</versionNumber><defaultVersion>true</defaultVersion>
                            <launchTemplateData><instanceType>t3.small</instanceType><imageId>ami-0abcdef1234567890</imageId></launchTemplateData>
                          </item></launchTemplateVersionSet>
                        </DescribeLaunchTemplateVersionsResponse>"""),
                        aws -> aws.ec2().launchTemplateVersion(REGION, "lt-0abcdef1234567890", null, "$Default"),
                        sdk -> {
                            LaunchTemplateVersion v = sdk.ec2.describeLaunchTemplateVersions(r -> r.launchTemplateId("lt-0abcdef1234567890")
                                    .versions("$Default")).launchTemplateVersions().get(0);
                            return new Ec2Api.LaunchTemplateVersion(v.launchTemplateId(), v.versionNumber(),
                                    v.launchTemplateData().instanceTypeAsString());
                        }),
                new ConformanceCase("Ec2Api.createLaunchTemplateVersion", CannedAnswer.xml(200, """
                        <CreateLaunchTemplateVersionResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
                          <requestId>req-cltv</requestId>
                          <launchTemplateVersion><launchTemplateId>lt-0abcdef1234567890</launchTemplateId>
                            <launchTemplateName>web</launchTemplateName><versionNumber>4</versionNumber>
                            <versionDescription>drkit: instance type m5.large</versionDescription><defaultVersion>false</defaultVersion>
                            <launchTemplateData><instanceType>m5.large</instanceType></launchTemplateData></launchTemplateVersion>
                        </CreateLaunchTemplateVersionResponse>"""),
                        aws -> aws.ec2().createLaunchTemplateVersion(REGION, "lt-0abcdef1234567890", "3", "drkit: instance type m5.large",
                                "m5.large"),
                        sdk -> sdk.ec2.createLaunchTemplateVersion(r -> r.launchTemplateId("lt-0abcdef1234567890").sourceVersion("3")
                                .versionDescription("drkit: instance type m5.large")
                                .launchTemplateData(d -> d.instanceType("m5.large"))).launchTemplateVersion().versionNumber(),
                        Set.of("ClientToken")),
                // Auto Scaling
                new ConformanceCase("AutoScalingApi.describe", CannedAnswer.xml(200, """
                        <DescribeAutoScalingGroupsResponse xmlns="http://autoscaling.amazonaws.com/doc/2011-01-01/">
                          <DescribeAutoScalingGroupsResult><AutoScalingGroups><member>
                            <AutoScalingGroupName>web</AutoScalingGroupName><MinSize>1</MinSize><MaxSize>4</MaxSize>
                            <DesiredCapacity>2</DesiredCapacity>
                            <Instances>
                              <member><InstanceId>i-0aaaaaaaaaaaaaaa1</InstanceId><InstanceType>t3.small</InstanceType>
                                <LifecycleState>InService</LifecycleState><HealthStatus>Healthy</HealthStatus></member>
                              <member><InstanceId>i-0aaaaaaaaaaaaaaa2</InstanceId><InstanceType>t3.small</InstanceType>
                                <LifecycleState>Pending</LifecycleState><HealthStatus>Healthy</HealthStatus></member>
                            </Instances>
                            <LaunchTemplate><LaunchTemplateId>lt-0abcdef1234567890</LaunchTemplateId>
                              <LaunchTemplateName>web</LaunchTemplateName><Version>$Latest</Version></LaunchTemplate>
                          </member></AutoScalingGroups></DescribeAutoScalingGroupsResult>
                          <ResponseMetadata><RequestId>req-asg</RequestId></ResponseMetadata>
                        </DescribeAutoScalingGroupsResponse>"""),
                        aws -> aws.autoScaling().describe(REGION, List.of("web", "api")),
                        sdk -> sdk.autoScaling.describeAutoScalingGroups(r -> r.autoScalingGroupNames("web", "api")).autoScalingGroups()
                                .stream().map(g -> new AutoScalingGroup(g.autoScalingGroupName(), g.minSize(), g.desiredCapacity(), g.maxSize(),
                                        g.instances().stream().map(i -> new AutoScalingGroup.Instance(i.instanceId(), i.lifecycleStateAsString(),
                                                i.healthStatus(), i.instanceType())).toList(),
                                        g.launchTemplate() == null ? null : new AutoScalingGroup.LaunchTemplateRef(g.launchTemplate().launchTemplateId(),
                                                g.launchTemplate().launchTemplateName(), g.launchTemplate().version()),
                                        g.mixedInstancesPolicy() != null, g.launchConfigurationName())).toList()),
                new ConformanceCase("AutoScalingApi.update", CannedAnswer.xml(200, """
                        <UpdateAutoScalingGroupResponse xmlns="http://autoscaling.amazonaws.com/doc/2011-01-01/">
                          <ResponseMetadata><RequestId>req-update</RequestId></ResponseMetadata>
                        </UpdateAutoScalingGroupResponse>"""),
                        aws -> {
                            aws.autoScaling().update(UpdateAutoScalingGroupRequest.builder().region(REGION).groupName("web")
                                    .minSize(1).desiredCapacity(2).maxSize(4).launchTemplate("lt-0abcdef1234567890", "4").build());
                            return "sent";
                        },
                        sdk -> {
                            sdk.autoScaling.updateAutoScalingGroup(r -> r.autoScalingGroupName("web").minSize(1).desiredCapacity(2).maxSize(4)
                                    .launchTemplate(t -> t.launchTemplateId("lt-0abcdef1234567890").version("4")));
                            return "sent";
                        }),
                // Elastic Load Balancing v2
                new ConformanceCase("ElbApi.targetStates", CannedAnswer.xml(200, """
                        <DescribeTargetHealthResponse xmlns="http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/">
                          <DescribeTargetHealthResult><TargetHealthDescriptions>
                            <member><Target><Id>i-0aaaaaaaaaaaaaaa1</Id><Port>80</Port></Target>
                              <HealthCheckPort>80</HealthCheckPort><TargetHealth><State>healthy</State></TargetHealth></member>
                            <member><Target><Id>i-0aaaaaaaaaaaaaaa2</Id><Port>80</Port></Target>
                              <HealthCheckPort>80</HealthCheckPort><TargetHealth><State>initial</State>
                              <Reason>Elb.RegistrationInProgress</Reason><Description>Target registration is in progress</Description>
                              </TargetHealth></member>
                          </TargetHealthDescriptions></DescribeTargetHealthResult>
                          <ResponseMetadata><RequestId>req-elb</RequestId></ResponseMetadata>
                        </DescribeTargetHealthResponse>"""),
                        aws -> aws.elb().targetStates(REGION, "arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/web/73e2d6bc24d8a067"),
                        sdk -> sdk.elb.describeTargetHealth(r -> r.targetGroupArn(
                                        "arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/web/73e2d6bc24d8a067"))
                                .targetHealthDescriptions().stream().map((TargetHealthDescription t) -> t.targetHealth().stateAsString()).toList()),
                // RDS
                new ConformanceCase("RdsApi.describe", CannedAnswer.xml(200, """
                        <DescribeDBInstancesResponse xmlns="http://rds.amazonaws.com/doc/2014-10-31/">
                          <DescribeDBInstancesResult><DBInstances><DBInstance>
                            <DBInstanceIdentifier>app-db-replica</DBInstanceIdentifier>
                            <DBInstanceArn>arn:aws:rds:us-west-2:123456789012:db:app-db-replica</DBInstanceArn>
                            <DBInstanceStatus>available</DBInstanceStatus><Engine>postgres</Engine>
                            <ReadReplicaSourceDBInstanceIdentifier>arn:aws:rds:us-east-1:123456789012:db:app-db</ReadReplicaSourceDBInstanceIdentifier>
                            <TagList><Tag><Key>team</Key><Value>payments</Value></Tag><Tag><Key>drkit:empty</Key></Tag></TagList>
                          </DBInstance></DBInstances></DescribeDBInstancesResult>
                          <ResponseMetadata><RequestId>req-rds</RequestId></ResponseMetadata>
                        </DescribeDBInstancesResponse>"""),
                        aws -> aws.rds().describe(REGION, "app-db-replica"),
                        sdk -> {
                            DBInstance db = sdk.rds.describeDBInstances(r -> r.dbInstanceIdentifier("app-db-replica")).dbInstances().get(0);
                            Map<String, String> tags = new HashMap<>();
                            db.tagList().forEach(t -> tags.put(t.key(), t.value() == null ? "" : t.value()));
                            return new DbInstance(db.dbInstanceIdentifier(), db.dbInstanceArn(), db.dbInstanceStatus(),
                                    db.readReplicaSourceDBInstanceIdentifier(), tags);
                        }),
                new ConformanceCase("RdsApi.addTag", CannedAnswer.xml(200, """
                        <AddTagsToResourceResponse xmlns="http://rds.amazonaws.com/doc/2014-10-31/">
                          <ResponseMetadata><RequestId>req-tag</RequestId></ResponseMetadata>
                        </AddTagsToResourceResponse>"""),
                        aws -> {
                            aws.rds().addTag(REGION, "arn:aws:rds:us-west-2:123456789012:db:app-db-replica", "drkit:promoted",
                                    "2026-12-04T03:00:00Z");
                            return "sent";
                        },
                        sdk -> {
                            sdk.rds.addTagsToResource(r -> r.resourceName("arn:aws:rds:us-west-2:123456789012:db:app-db-replica")
                                    .tags(t -> t.key("drkit:promoted").value("2026-12-04T03:00:00Z")));
                            return "sent";
                        }),
                new ConformanceCase("RdsApi.promoteReadReplica", CannedAnswer.xml(200, """
                        <PromoteReadReplicaResponse xmlns="http://rds.amazonaws.com/doc/2014-10-31/">
                          <PromoteReadReplicaResult><DBInstance><DBInstanceIdentifier>app-db-replica</DBInstanceIdentifier>
                            <DBInstanceStatus>modifying</DBInstanceStatus></DBInstance></PromoteReadReplicaResult>
                          <ResponseMetadata><RequestId>req-promote</RequestId></ResponseMetadata>
                        </PromoteReadReplicaResponse>"""),
                        aws -> aws.rds().promoteReadReplica(REGION, "app-db-replica"),
                        sdk -> sdk.rds.promoteReadReplica(r -> r.dbInstanceIdentifier("app-db-replica")).dbInstance().dbInstanceStatus()),
                // SNS
                new ConformanceCase("SnsApi.checkTopic", CannedAnswer.xml(200, """
                        <GetTopicAttributesResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
                          <GetTopicAttributesResult><Attributes>
                            <entry><key>TopicArn</key><value>arn:aws:sns:us-west-2:123456789012:drkit-events</value></entry>
                          </Attributes></GetTopicAttributesResult>
                          <ResponseMetadata><RequestId>req-topic</RequestId></ResponseMetadata>
                        </GetTopicAttributesResponse>"""),
                        aws -> {
                            aws.sns().checkTopic(REGION, "arn:aws:sns:us-west-2:123456789012:drkit-events");
                            return "exists";
                        },
                        sdk -> sdk.sns.getTopicAttributes(r -> r.topicArn("arn:aws:sns:us-west-2:123456789012:drkit-events"))
                                .attributes().isEmpty() ? "missing" : "exists"),
                new ConformanceCase("SnsApi.publish", CannedAnswer.xml(200, """
                        <PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
                          <PublishResult><MessageId>94f20ce6-13c5-43a0-9a9e-ca52d816e90b</MessageId></PublishResult>
                          <ResponseMetadata><RequestId>req-publish</RequestId></ResponseMetadata>
                        </PublishResponse>"""),
                        aws -> aws.sns().publish(REGION, "arn:aws:sns:us-west-2:123456789012:drkit-events", "drkit failover",
                                "{\"outcome\": \"SUCCEEDED\", \"note\": \"a & b = c\"}"),
                        sdk -> sdk.sns.publish(r -> r.topicArn("arn:aws:sns:us-west-2:123456789012:drkit-events").subject("drkit failover")
                                .message("{\"outcome\": \"SUCCEEDED\", \"note\": \"a & b = c\"}")).messageId()),
                // SSM
                new ConformanceCase("SsmApi.parameter", CannedAnswer.json(200, "application/x-amz-json-1.1", """
                        {"Parameter": {"Name": "/drkit/plan", "Type": "SecureString", "Value": "{\\"version\\": 1}", "Version": 3,
                          "LastModifiedDate": 1.764817200E9, "ARN": "arn:aws:ssm:us-west-2:123456789012:parameter/drkit/plan",
                          "DataType": "text"}}""", Map.of()),
                        aws -> aws.ssm().parameter(REGION, "/drkit/plan"),
                        sdk -> sdk.ssm.getParameter(r -> r.name("/drkit/plan").withDecryption(true)).parameter().value()),
                // CloudWatch: the SDK speaks RPC v2 CBOR, the runtime JSON 1.0; operation, parameters and scope compare.
                new ConformanceCase("CloudWatchApi.putMetric", CannedAnswer.json(200, "application/x-amz-json-1.0", "{}", Map.of()),
                        aws -> {
                            aws.cloudWatch().putMetric(REGION, "drkit/switch", "SiteUp", Map.of("Site", "us-east-1"), 0.0);
                            return "sent";
                        },
                        sdk -> {
                            sdk.cloudWatch.putMetricData(r -> r.namespace("drkit/switch").metricData(d -> d.metricName("SiteUp").value(0.0)
                                    .dimensions(Dimension.builder().name("Site").value("us-east-1").build())));
                            return "sent";
                        }),
                new ConformanceCase("CloudWatchApi.latestMaximum", CannedAnswer.json(200, "application/x-amz-json-1.0", """
                        {"Label": "SiteUp", "Datapoints": [
                          {"Timestamp": 1764817140, "Maximum": 1.0, "Unit": "None"},
                          {"Timestamp": 1764817200, "Maximum": 0.0, "Unit": "None"}]}""", Map.of()),
                        aws -> aws.cloudWatch().latestMaximum(REGION, "drkit/switch", "SiteUp", Map.of("Site", "us-east-1"),
                                Duration.ofMinutes(15)),
                        sdk -> {
                            Instant now = Instant.now();
                            Optional<Datapoint> newest = sdk.cloudWatch.getMetricStatistics(r -> r.namespace("drkit/switch")
                                            .metricName("SiteUp").startTime(now.minus(Duration.ofMinutes(15))).endTime(now.plus(Duration.ofMinutes(1)))
                                            .period(60).statistics(Statistic.MAXIMUM)
                                            .dimensions(Dimension.builder().name("Site").value("us-east-1").build()))
                                    .datapoints().stream().max(java.util.Comparator.comparing(Datapoint::timestamp));
                            return newest.map(Datapoint::maximum);
                        },
                        Set.of("StartTime", "EndTime")),
                new ConformanceCase("CloudWatchApi.alarmsForMetric", CannedAnswer.json(200, "application/x-amz-json-1.0", """
                        {"MetricAlarms": [
                          {"AlarmName": "shop-primary-switch", "AlarmArn": "arn:aws:cloudwatch:us-west-2:123456789012:alarm:shop-primary-switch",
                           "StateValue": "ALARM", "MetricName": "SiteUp", "Namespace": "drkit/switch", "Statistic": "Minimum",
                           "Dimensions": [{"Name": "Site", "Value": "us-east-1"}], "Period": 60, "EvaluationPeriods": 1,
                           "Threshold": 1.0, "ComparisonOperator": "LessThanThreshold"},
                          {"AlarmName": "other-site-switch", "AlarmArn": "arn:aws:cloudwatch:us-west-2:123456789012:alarm:other-site-switch",
                           "StateValue": "OK", "MetricName": "SiteUp", "Namespace": "drkit/switch", "Statistic": "Minimum",
                           "Dimensions": [{"Name": "Site", "Value": "us-east-1"}, {"Name": "Application", "Value": "other"}],
                           "Period": 60, "EvaluationPeriods": 1, "Threshold": 1.0, "ComparisonOperator": "LessThanThreshold"}]}""", Map.of()),
                        aws -> aws.cloudWatch().alarmsForMetric(REGION, "drkit/switch", "SiteUp", Map.of("Site", "us-east-1")),
                        // The runtime keeps the threshold alarms on exactly the switch's dimensions; the same filter over the SDK's answer.
                        sdk -> sdk.cloudWatch.describeAlarmsForMetric(r -> r.namespace("drkit/switch").metricName("SiteUp")
                                        .dimensions(Dimension.builder().name("Site").value("us-east-1").build()))
                                .metricAlarms().stream()
                                .filter(a -> a.threshold() != null && a.dimensions().size() == 1
                                        && a.dimensions().get(0).name().equals("Site") && a.dimensions().get(0).value().equals("us-east-1"))
                                .map(a -> new MetricAlarm(a.alarmName(), a.stateValueAsString(), a.comparisonOperatorAsString(), a.threshold()))
                                .toList()),
                // STS: unsigned, the token is the proof
                new ConformanceCase("StsApi.assumeRoleWithWebIdentity", CannedAnswer.xml(200, """
                        <AssumeRoleWithWebIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                          <AssumeRoleWithWebIdentityResult>
                            <SubjectFromWebIdentityToken>system:serviceaccount:dr:drkit</SubjectFromWebIdentityToken>
                            <Audience>sts.amazonaws.com</Audience>
                            <AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/drkit-failover/ci-run</Arn>
                              <AssumedRoleId>AROACLKWSDQRAOEXAMPLE:ci-run</AssumedRoleId></AssumedRoleUser>
                            <Credentials><SessionToken>AQoDYXdzEE0a8ANXXXXXXXXNO1ewxE5TijQyp+IEXAMPLE</SessionToken>
                              <SecretAccessKey>wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY</SecretAccessKey>
                              <Expiration>2026-12-04T04:40:00Z</Expiration><AccessKeyId>ASIAIOSFODNN7EXAMPLE</AccessKeyId></Credentials>
                            <Provider>oidc.eks.us-west-2.amazonaws.com/id/EXAMPLE</Provider>
                          </AssumeRoleWithWebIdentityResult>
                          <ResponseMetadata><RequestId>ad4156e9-bce1-11e2-82e6-6b6efEXAMPLE</RequestId></ResponseMetadata>
                        </AssumeRoleWithWebIdentityResponse>"""),
                        aws -> aws.sts().assumeRoleWithWebIdentity(REGION, "arn:aws:iam::123456789012:role/drkit-failover", "ci-run",
                                "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjaSJ9.c2lnbmF0dXJl", 3600),
                        sdk -> {
                            var c = sdk.sts.assumeRoleWithWebIdentity(r -> r.roleArn("arn:aws:iam::123456789012:role/drkit-failover")
                                    .roleSessionName("ci-run").webIdentityToken("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjaSJ9.c2lnbmF0dXJl")
                                    .durationSeconds(3600)).credentials();
                            return new StsApi.RoleCredentials(c.accessKeyId(), c.secretAccessKey(), c.sessionToken(), c.expiration());
                        }),
                // Route 53
                new ConformanceCase("Route53Api.records", CannedAnswer.xml(200, recordsAnswer(true)),
                        aws -> aws.route53().records("Z0123456789ABCDEFGHIJ", new Route53Api.Start("app.example.com.", "A", "primary")),
                        sdk -> {
                            ListResourceRecordSetsResponse page = sdk.route53.listResourceRecordSets(r -> r.hostedZoneId("Z0123456789ABCDEFGHIJ")
                                    .startRecordName("app.example.com.").startRecordType("A").startRecordIdentifier("primary"));
                            return new Route53Api.RecordPage(page.resourceRecordSets().stream().map(ConformanceCases::record).toList(),
                                    page.isTruncated() ? new Route53Api.Start(page.nextRecordName(), page.nextRecordTypeAsString(),
                                            page.nextRecordIdentifier()) : null);
                        }),
                new ConformanceCase("Route53Api.allRecords", CannedAnswer.xml(200, recordsAnswer(false)),
                        aws -> aws.route53().allRecords("Z0123456789ABCDEFGHIJ"),
                        sdk -> sdk.route53.listResourceRecordSets(r -> r.hostedZoneId("Z0123456789ABCDEFGHIJ"))
                                .resourceRecordSets().stream().map(ConformanceCases::record).toList()),
                new ConformanceCase("Route53Api.upsert", CannedAnswer.xml(200, """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <ChangeResourceRecordSetsResponse xmlns="https://route53.amazonaws.com/doc/2013-04-01/">
                          <ChangeInfo><Id>/change/C2682N5HXP0BZ4</Id><Status>PENDING</Status>
                            <SubmittedAt>2026-12-04T03:00:00.000Z</SubmittedAt><Comment>drkit failover</Comment></ChangeInfo>
                        </ChangeResourceRecordSetsResponse>"""),
                        aws -> aws.route53().upsert("Z0123456789ABCDEFGHIJ", "drkit failover", upsertRecords()),
                        sdk -> {
                            ChangeInfo info = sdk.route53.changeResourceRecordSets(r -> r.hostedZoneId("Z0123456789ABCDEFGHIJ")
                                    .changeBatch(b -> b.comment("drkit failover").changes(upsertRecords().stream()
                                            .map(rs -> Change.builder().action(ChangeAction.UPSERT).resourceRecordSet(sdkRecord(rs)).build())
                                            .toList()))).changeInfo();
                            return new Route53Api.Change(info.id(), info.statusAsString());
                        }),
                new ConformanceCase("Route53Api.change", CannedAnswer.xml(200, """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <GetChangeResponse xmlns="https://route53.amazonaws.com/doc/2013-04-01/">
                          <ChangeInfo><Id>/change/C2682N5HXP0BZ4</Id><Status>INSYNC</Status>
                            <SubmittedAt>2026-12-04T03:00:00.000Z</SubmittedAt></ChangeInfo>
                        </GetChangeResponse>"""),
                        aws -> aws.route53().change("C2682N5HXP0BZ4"),
                        sdk -> {
                            ChangeInfo info = sdk.route53.getChange(r -> r.id("C2682N5HXP0BZ4")).changeInfo();
                            return new Route53Api.Change(info.id(), info.statusAsString());
                        }),
                new ConformanceCase("Route53Api.healthCheckStatuses", CannedAnswer.xml(200, """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <GetHealthCheckStatusResponse xmlns="https://route53.amazonaws.com/doc/2013-04-01/">
                          <HealthCheckObservations>
                            <HealthCheckObservation><Region>us-east-1</Region><IPAddress>15.177.2.1</IPAddress>
                              <StatusReport><Status>Success: HTTP Status Code 200, OK</Status>
                                <CheckedTime>2026-12-04T03:00:00.000Z</CheckedTime></StatusReport></HealthCheckObservation>
                            <HealthCheckObservation><Region>eu-west-1</Region><IPAddress>15.177.10.1</IPAddress>
                              <StatusReport><Status>Failure: Connection timed out.</Status>
                                <CheckedTime>2026-12-04T03:00:01.000Z</CheckedTime></StatusReport></HealthCheckObservation>
                          </HealthCheckObservations>
                        </GetHealthCheckStatusResponse>"""),
                        aws -> aws.route53().healthCheckStatuses("0c12a3e4-5b6c-47d8-9e0f-a1b2c3d4e5f6"),
                        sdk -> sdk.route53.getHealthCheckStatus(r -> r.healthCheckId("0c12a3e4-5b6c-47d8-9e0f-a1b2c3d4e5f6"))
                                .healthCheckObservations().stream().map(o -> o.statusReport().status()).toList()),
                // Lambda
                LambdaConformanceCases.functionConfiguration(), LambdaConformanceCases.invoke(), LambdaConformanceCases.invokeFunctionError());
    }

    /** A page of records with every routing Route 53 has, the way it lists them. */
    static String recordsAnswer(boolean truncated) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <ListResourceRecordSetsResponse xmlns="https://route53.amazonaws.com/doc/2013-04-01/">
                  <ResourceRecordSets>
                    <ResourceRecordSet><Name>app.example.com.</Name><Type>A</Type><SetIdentifier>primary</SetIdentifier>
                      <Weight>100</Weight><TTL>60</TTL><ResourceRecords><ResourceRecord><Value>192.0.2.10</Value></ResourceRecord>
                      </ResourceRecords><HealthCheckId>0c12a3e4-5b6c-47d8-9e0f-a1b2c3d4e5f6</HealthCheckId></ResourceRecordSet>
                    <ResourceRecordSet><Name>www.example.com.</Name><Type>A</Type><SetIdentifier>secondary</SetIdentifier>
                      <Failover>SECONDARY</Failover><AliasTarget><HostedZoneId>Z1H1FL5HABSF5</HostedZoneId>
                      <DNSName>dualstack.lb-1.us-west-2.elb.amazonaws.com.</DNSName><EvaluateTargetHealth>true</EvaluateTargetHealth>
                      </AliasTarget></ResourceRecordSet>
                    <ResourceRecordSet><Name>lat.example.com.</Name><Type>A</Type><SetIdentifier>oregon</SetIdentifier>
                      <Region>us-west-2</Region><TTL>60</TTL><ResourceRecords><ResourceRecord><Value>198.51.100.1</Value>
                      </ResourceRecord></ResourceRecords></ResourceRecordSet>
                    <ResourceRecordSet><Name>geo.example.com.</Name><Type>A</Type><SetIdentifier>us-wa</SetIdentifier>
                      <GeoLocation><CountryCode>US</CountryCode><SubdivisionCode>WA</SubdivisionCode></GeoLocation><TTL>60</TTL>
                      <ResourceRecords><ResourceRecord><Value>198.51.100.2</Value></ResourceRecord></ResourceRecords></ResourceRecordSet>
                    <ResourceRecordSet><Name>multi.example.com.</Name><Type>A</Type><SetIdentifier>one</SetIdentifier>
                      <MultiValueAnswer>true</MultiValueAnswer><TTL>60</TTL>
                      <ResourceRecords><ResourceRecord><Value>198.51.100.3</Value></ResourceRecord></ResourceRecords></ResourceRecordSet>
                    <ResourceRecordSet><Name>cidr.example.com.</Name><Type>A</Type><SetIdentifier>office</SetIdentifier><TTL>60</TTL>
                      <ResourceRecords><ResourceRecord><Value>198.51.100.4</Value></ResourceRecord></ResourceRecords>
                      <CidrRoutingConfig><CollectionId>c8c02a84-aaaa-bbbb-cccc-0123456789ab</CollectionId>
                      <LocationName>office</LocationName></CidrRoutingConfig></ResourceRecordSet>
                    <ResourceRecordSet><Name>prox.example.com.</Name><Type>A</Type><SetIdentifier>near</SetIdentifier><TTL>60</TTL>
                      <ResourceRecords><ResourceRecord><Value>198.51.100.5</Value></ResourceRecord></ResourceRecords>
                      <GeoProximityLocation><Coordinates><Latitude>49.22</Latitude><Longitude>-74.01</Longitude></Coordinates>
                      <Bias>-20</Bias></GeoProximityLocation></ResourceRecordSet>
                    <ResourceRecordSet><Name>tp.example.com.</Name><Type>A</Type><TTL>60</TTL>
                      <ResourceRecords><ResourceRecord><Value>198.51.100.6</Value></ResourceRecord></ResourceRecords>
                      <TrafficPolicyInstanceId>12345678-abcd-abcd-abcd-123456789012</TrafficPolicyInstanceId></ResourceRecordSet>
                  </ResourceRecordSets>
                  <IsTruncated>%s</IsTruncated>%s
                  <MaxItems>300</MaxItems>
                </ListResourceRecordSetsResponse>""".formatted(truncated, truncated
                ? "<NextRecordName>z.example.com.</NextRecordName><NextRecordType>A</NextRecordType><NextRecordIdentifier>z</NextRecordIdentifier>"
                : "");
    }

    /** Records to UPSERT with every routing a plan record can share a name with, escaping included. */
    static List<RecordSet> upsertRecords() {
        return List.of(
                new RecordSet("note.example.com.", "TXT", null, null, null, null, 300L, List.of("\"a & b < c > d\""), null),
                new RecordSet("app.example.com.", "A", "recovery", 25L, null, "0c12a3e4-5b6c-47d8-9e0f-a1b2c3d4e5f6", 60L,
                        List.of("198.51.100.7", "198.51.100.8"), null),
                new RecordSet("www.example.com.", "A", "secondary", null, "SECONDARY", null, null, List.of(),
                        new RecordSet.AliasTarget("dualstack.lb-1.us-west-2.elb.amazonaws.com.", "Z1H1FL5HABSF5", true)),
                new RecordSet("lat.example.com.", "A", "oregon", null, null, null, 60L, List.of("198.51.100.1"), null,
                        new RecordSet.Routing("us-west-2", null, null, null, null, null)),
                new RecordSet("geo.example.com.", "A", "us-wa", null, null, null, 60L, List.of("198.51.100.2"), null,
                        new RecordSet.Routing(null, new RecordSet.GeoLocation(null, "US", "WA"), null, null, null, null)),
                new RecordSet("multi.example.com.", "A", "one", null, null, null, 60L, List.of("198.51.100.3"), null,
                        new RecordSet.Routing(null, null, null, true, null, null)),
                new RecordSet("cidr.example.com.", "A", "office", null, null, null, 60L, List.of("198.51.100.4"), null,
                        new RecordSet.Routing(null, null, null, null, new RecordSet.CidrRouting("c8c02a84-aaaa-bbbb-cccc-0123456789ab", "office"),
                                null)),
                new RecordSet("prox.example.com.", "A", "near", null, null, null, 60L, List.of("198.51.100.5"), null,
                        new RecordSet.Routing(null, null, new RecordSet.GeoProximity("us-west-2", null, null, null, -20), null, null, null)),
                new RecordSet("prox2.example.com.", "A", "far", null, null, null, 60L, List.of("198.51.100.9"), null,
                        new RecordSet.Routing(null, null, new RecordSet.GeoProximity(null, null, "49.22", "-74.01", 10), null, null, null)));
    }

    /** The SDK's record as the runtime's, field for field. */
    static RecordSet record(ResourceRecordSet r) {
        var geo = r.geoLocation();
        var proximity = r.geoProximityLocation();
        var cidr = r.cidrRoutingConfig();
        return new RecordSet(r.name(), r.typeAsString(), r.setIdentifier(), r.weight(), r.failoverAsString(), r.healthCheckId(), r.ttl(),
                r.resourceRecords().stream().map(v -> v.value()).toList(),
                r.aliasTarget() == null ? null : new RecordSet.AliasTarget(r.aliasTarget().dnsName(), r.aliasTarget().hostedZoneId(),
                        Boolean.TRUE.equals(r.aliasTarget().evaluateTargetHealth())),
                new RecordSet.Routing(r.regionAsString(),
                        geo == null ? null : new RecordSet.GeoLocation(geo.continentCode(), geo.countryCode(), geo.subdivisionCode()),
                        proximity == null ? null : new RecordSet.GeoProximity(proximity.awsRegion(), proximity.localZoneGroup(),
                                proximity.coordinates() == null ? null : proximity.coordinates().latitude(),
                                proximity.coordinates() == null ? null : proximity.coordinates().longitude(), proximity.bias()),
                        r.multiValueAnswer(),
                        cidr == null ? null : new RecordSet.CidrRouting(cidr.collectionId(), cidr.locationName()),
                        r.trafficPolicyInstanceId()));
    }

    /** The runtime's record as the SDK's. */
    static ResourceRecordSet sdkRecord(RecordSet r) {
        RecordSet.Routing routing = r.routing();
        ResourceRecordSet.Builder b = ResourceRecordSet.builder().name(r.name()).type(r.type()).setIdentifier(r.setIdentifier())
                .weight(r.weight()).failover(r.failover()).healthCheckId(r.healthCheckId()).ttl(r.ttl())
                .region(routing.region()).multiValueAnswer(routing.multiValueAnswer());
        if (r.aliasTarget() == null) {
            b.resourceRecords(r.values().stream().map(v -> software.amazon.awssdk.services.route53.model.ResourceRecord.builder().value(v).build())
                    .toList());
        } else {
            b.aliasTarget(a -> a.dnsName(r.aliasTarget().dnsName()).hostedZoneId(r.aliasTarget().hostedZoneId())
                    .evaluateTargetHealth(r.aliasTarget().evaluateTargetHealth()));
        }
        if (routing.geoLocation() != null) {
            b.geoLocation(g -> g.continentCode(routing.geoLocation().continentCode()).countryCode(routing.geoLocation().countryCode())
                    .subdivisionCode(routing.geoLocation().subdivisionCode()));
        }
        if (routing.cidrRouting() != null) {
            b.cidrRoutingConfig(c -> c.collectionId(routing.cidrRouting().collectionId()).locationName(routing.cidrRouting().locationName()));
        }
        if (routing.geoProximity() != null) {
            RecordSet.GeoProximity p = routing.geoProximity();
            b.geoProximityLocation(g -> {
                g.awsRegion(p.awsRegion()).localZoneGroup(p.localZoneGroup()).bias(p.bias());
                if (p.latitude() != null) {
                    g.coordinates(c -> c.latitude(p.latitude()).longitude(p.longitude()));
                }
            });
        }
        return b.build();
    }
}
