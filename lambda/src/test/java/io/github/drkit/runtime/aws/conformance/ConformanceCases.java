package io.github.drkit.runtime.aws.conformance;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.github.drkit.runtime.aws.api.AthenaQuery;
import io.github.drkit.runtime.aws.api.AthenaResultPage;
import io.github.drkit.runtime.aws.api.AutoScalingGroup;
import io.github.drkit.runtime.aws.api.DbInstance;
import io.github.drkit.runtime.aws.api.DbSnapshot;
import io.github.drkit.runtime.aws.api.Ec2Api;
import io.github.drkit.runtime.aws.api.GlueTable;
import io.github.drkit.runtime.aws.api.MachineImage;
import io.github.drkit.runtime.aws.api.MetricAlarm;
import io.github.drkit.runtime.aws.api.RecordSet;
import io.github.drkit.runtime.aws.api.Route53Api;
import io.github.drkit.runtime.aws.api.StsApi;
import io.github.drkit.runtime.aws.api.UpdateAutoScalingGroupRequest;
import software.amazon.awssdk.services.athena.model.ColumnInfo;
import software.amazon.awssdk.services.athena.model.Datum;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateVersion;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.Table;
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
        return java.util.stream.Stream.of(builtIn(), GlobalDataCases.all(), RestoreValidationCases.all(), VolumeCases.all(),
                PointInTimeCases.all()).flatMap(List::stream).toList();
    }

    private static List<ConformanceCase> builtIn() {
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
                                    v.launchTemplateData().instanceTypeAsString(), v.launchTemplateData().imageId());
                        }),
                new ConformanceCase("Ec2Api.imageStates", CannedAnswer.xml(200, """
                        <DescribeImagesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
                          <requestId>req-images</requestId>
                          <imagesSet>
                            <item><imageId>ami-0abcdef1234567890</imageId><imageState>available</imageState><name>web-2026-12-01</name></item>
                            <item><imageId>ami-0bbbbbbbbbbbbbbb2</imageId><imageState>pending</imageState><name>web-2026-12-04</name></item>
                          </imagesSet>
                        </DescribeImagesResponse>"""),
                        aws -> aws.ec2().imageStates(REGION, List.of("ami-0abcdef1234567890", "ami-0bbbbbbbbbbbbbbb2", "ami-0ccccccccccccccc3")),
                        sdk -> {
                            Map<String, String> states = new LinkedHashMap<>();
                            sdk.ec2.describeImages(r -> r.filters(Filter.builder().name("image-id")
                                            .values("ami-0abcdef1234567890", "ami-0bbbbbbbbbbbbbbb2", "ami-0ccccccccccccccc3").build()))
                                    .images().forEach(i -> states.put(i.imageId(), i.stateAsString()));
                            return states;
                        }),
                new ConformanceCase("Ec2Api.instanceTypeVCpus", CannedAnswer.xml(200, """
                        <DescribeInstanceTypesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
                          <requestId>req-types</requestId>
                          <instanceTypeSet>
                            <item><instanceType>m5.large</instanceType><vCpuInfo><defaultVCpus>2</defaultVCpus><defaultCores>1</defaultCores></vCpuInfo></item>
                            <item><instanceType>c5.4xlarge</instanceType><vCpuInfo><defaultVCpus>16</defaultVCpus><defaultCores>8</defaultCores></vCpuInfo></item>
                          </instanceTypeSet>
                        </DescribeInstanceTypesResponse>"""),
                        aws -> aws.ec2().instanceTypeVCpus(REGION, List.of("m5.large", "c5.4xlarge")),
                        sdk -> {
                            Map<String, Integer> vcpus = new LinkedHashMap<>();
                            sdk.ec2.describeInstanceTypes(r -> r.instanceTypesWithStrings("m5.large", "c5.4xlarge"))
                                    .instanceTypes().forEach(t -> vcpus.put(t.instanceTypeAsString(), t.vCpuInfo().defaultVCpus()));
                            return vcpus;
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
                new ConformanceCase("Ec2Api.createLaunchTemplateVersionWithImage", CannedAnswer.xml(200, """
                        <CreateLaunchTemplateVersionResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
                          <requestId>req-cltv-image</requestId>
                          <launchTemplateVersion><launchTemplateId>lt-0abcdef1234567890</launchTemplateId>
                            <launchTemplateName>web</launchTemplateName><versionNumber>5</versionNumber>
                            <launchTemplateData><imageId>ami-0fedcba9876543210</imageId></launchTemplateData></launchTemplateVersion>
                        </CreateLaunchTemplateVersionResponse>"""),
                        aws -> aws.ec2().createLaunchTemplateVersionWithImage(REGION, "lt-0abcdef1234567890", "4",
                                "drkit restore: image ami-0fedcba9876543210", "ami-0fedcba9876543210"),
                        sdk -> sdk.ec2.createLaunchTemplateVersion(r -> r.launchTemplateId("lt-0abcdef1234567890").sourceVersion("4")
                                .versionDescription("drkit restore: image ami-0fedcba9876543210")
                                .launchTemplateData(d -> d.imageId("ami-0fedcba9876543210"))).launchTemplateVersion().versionNumber(),
                        Set.of("ClientToken")),
                new ConformanceCase("Ec2Api.imagesTagged", CannedAnswer.xml(200, """
                        <DescribeImagesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
                          <requestId>req-images</requestId>
                          <imagesSet>
                            <item><imageId>ami-0aaaaaaaaaaaaaaa1</imageId><name>web-copy-1</name><imageState>available</imageState>
                              <creationDate>2026-12-03T22:00:00.000Z</creationDate></item>
                            <item><imageId>ami-0aaaaaaaaaaaaaaa2</imageId><name>web-copy-2</name><imageState>pending</imageState>
                              <creationDate>2026-12-04T02:00:00.000Z</creationDate></item>
                          </imagesSet>
                        </DescribeImagesResponse>"""),
                        aws -> aws.ec2().imagesTagged(REGION, Map.of("drkit:image", "web", "app", "shop")),
                        sdk -> sdk.ec2.describeImages(r -> r.owners("self").filters(
                                        f -> f.name("tag:app").values("shop"), f -> f.name("tag:drkit:image").values("web")))
                                .images().stream().map(i -> new MachineImage(i.imageId(), i.name(), i.stateAsString(),
                                        java.time.Instant.parse(i.creationDate()))).toList()),
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
                new ConformanceCase("RdsApi.find", CannedAnswer.xml(200, """
                        <DescribeDBInstancesResponse xmlns="http://rds.amazonaws.com/doc/2014-10-31/">
                          <DescribeDBInstancesResult><DBInstances><DBInstance>
                            <DBInstanceIdentifier>orders-restored</DBInstanceIdentifier>
                            <DBInstanceArn>arn:aws:rds:us-west-2:123456789012:db:orders-restored</DBInstanceArn>
                            <DBInstanceStatus>creating</DBInstanceStatus>
                            <TagList><Tag><Key>drkit:restored-from</Key><Value>orders-copy-1</Value></Tag></TagList>
                          </DBInstance></DBInstances></DescribeDBInstancesResult>
                          <ResponseMetadata><RequestId>req-find</RequestId></ResponseMetadata>
                        </DescribeDBInstancesResponse>"""),
                        aws -> aws.rds().find(REGION, "orders-restored"),
                        sdk -> {
                            DBInstance db = sdk.rds.describeDBInstances(r -> r.dbInstanceIdentifier("orders-restored")).dbInstances().get(0);
                            Map<String, String> tags = new HashMap<>();
                            db.tagList().forEach(t -> tags.put(t.key(), t.value() == null ? "" : t.value()));
                            return Optional.of(new DbInstance(db.dbInstanceIdentifier(), db.dbInstanceArn(), db.dbInstanceStatus(),
                                    db.readReplicaSourceDBInstanceIdentifier(), tags));
                        }),
                new ConformanceCase("RdsApi.snapshots", CannedAnswer.xml(200, """
                        <DescribeDBSnapshotsResponse xmlns="http://rds.amazonaws.com/doc/2014-10-31/">
                          <DescribeDBSnapshotsResult><DBSnapshots>
                            <DBSnapshot><DBSnapshotIdentifier>orders-copy-1</DBSnapshotIdentifier>
                              <DBSnapshotArn>arn:aws:rds:us-west-2:123456789012:snapshot:orders-copy-1</DBSnapshotArn>
                              <DBInstanceIdentifier>orders</DBInstanceIdentifier><Status>available</Status><SnapshotType>manual</SnapshotType>
                              <SnapshotCreateTime>2026-12-04T01:10:00.000Z</SnapshotCreateTime>
                              <OriginalSnapshotCreateTime>2026-12-04T01:00:00.000Z</OriginalSnapshotCreateTime></DBSnapshot>
                            <DBSnapshot><DBSnapshotIdentifier>awsbackup:job-0123</DBSnapshotIdentifier>
                              <DBSnapshotArn>arn:aws:rds:us-west-2:123456789012:snapshot:awsbackup:job-0123</DBSnapshotArn>
                              <DBInstanceIdentifier>orders</DBInstanceIdentifier><Status>creating</Status><SnapshotType>awsbackup</SnapshotType>
                              <SnapshotCreateTime>2026-12-04T03:00:00.000Z</SnapshotCreateTime></DBSnapshot>
                          </DBSnapshots></DescribeDBSnapshotsResult>
                          <ResponseMetadata><RequestId>req-snapshots</RequestId></ResponseMetadata>
                        </DescribeDBSnapshotsResponse>"""),
                        aws -> aws.rds().snapshots(REGION, "orders"),
                        sdk -> sdk.rds.describeDBSnapshots(r -> r.dbInstanceIdentifier("orders")).dbSnapshots().stream()
                                .map(s -> new DbSnapshot(s.dbSnapshotIdentifier(), s.dbSnapshotArn(), s.dbInstanceIdentifier(), s.status(),
                                        s.snapshotType(), s.originalSnapshotCreateTime() != null ? s.originalSnapshotCreateTime()
                                        : s.snapshotCreateTime())).toList()),
                new ConformanceCase("RdsApi.restoreFromSnapshot", CannedAnswer.xml(200, """
                        <RestoreDBInstanceFromDBSnapshotResponse xmlns="http://rds.amazonaws.com/doc/2014-10-31/">
                          <RestoreDBInstanceFromDBSnapshotResult><DBInstance><DBInstanceIdentifier>orders-restored</DBInstanceIdentifier>
                            <DBInstanceStatus>creating</DBInstanceStatus></DBInstance></RestoreDBInstanceFromDBSnapshotResult>
                          <ResponseMetadata><RequestId>req-restore</RequestId></ResponseMetadata>
                        </RestoreDBInstanceFromDBSnapshotResponse>"""),
                        aws -> aws.rds().restoreFromSnapshot(REGION, "orders-restored", "orders-copy-1", "db.r6g.large", "orders-recovery",
                                List.of("sg-0123abcd", "sg-0123456789abcdef0"), new java.util.LinkedHashMap<>(Map.of("drkit:restored-from", "orders-copy-1"))),
                        sdk -> sdk.rds.restoreDBInstanceFromDBSnapshot(r -> r.dbInstanceIdentifier("orders-restored")
                                .dbSnapshotIdentifier("orders-copy-1").dbInstanceClass("db.r6g.large").dbSubnetGroupName("orders-recovery")
                                .vpcSecurityGroupIds("sg-0123abcd", "sg-0123456789abcdef0")
                                .tags(t -> t.key("drkit:restored-from").value("orders-copy-1"))).dbInstance().dbInstanceStatus()),
                // IAM
                new ConformanceCase("IamApi.simulatePrincipalPolicy", CannedAnswer.xml(200, """
                        <SimulatePrincipalPolicyResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
                          <SimulatePrincipalPolicyResult>
                            <IsTruncated>false</IsTruncated>
                            <EvaluationResults>
                              <member><EvalActionName>rds:FailoverDBCluster</EvalActionName>
                                <EvalResourceName>arn:aws:rds:us-west-2:123456789012:cluster:orders</EvalResourceName>
                                <EvalDecision>allowed</EvalDecision><MatchedStatements/><MissingContextValues/></member>
                              <member><EvalActionName>cloudwatch:PutMetricData</EvalActionName>
                                <EvalResourceName>arn:aws:rds:us-west-2:123456789012:cluster:orders</EvalResourceName>
                                <EvalDecision>implicitDeny</EvalDecision><MatchedStatements/><MissingContextValues/></member>
                            </EvaluationResults>
                          </SimulatePrincipalPolicyResult>
                          <ResponseMetadata><RequestId>req-simulate</RequestId></ResponseMetadata>
                        </SimulatePrincipalPolicyResponse>"""),
                        aws -> aws.iam().simulatePrincipalPolicy("arn:aws:iam::123456789012:role/drkit-failover",
                                List.of("rds:FailoverDBCluster", "cloudwatch:PutMetricData"), List.of("arn:aws:rds:us-west-2:123456789012:cluster:orders"),
                                List.of(io.github.drkit.runtime.aws.api.SimulationContext.string("cloudwatch:namespace", "drkit/site"))).stream()
                                .map(r -> r.action() + " " + r.resource() + " " + r.decision().wireName()).toList(),
                        sdk -> sdk.iam.simulatePrincipalPolicy(r -> r.policySourceArn("arn:aws:iam::123456789012:role/drkit-failover")
                                .actionNames("rds:FailoverDBCluster", "cloudwatch:PutMetricData")
                                .resourceArns("arn:aws:rds:us-west-2:123456789012:cluster:orders")
                                .contextEntries(c -> c.contextKeyName("cloudwatch:namespace").contextKeyValues("drkit/site").contextKeyType("string"))
                                .maxItems(1000)).evaluationResults().stream()
                                .map(r -> r.evalActionName() + " " + r.evalResourceName() + " " + r.evalDecisionAsString()).toList()),
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
                // S3
                new ConformanceCase("S3Api.putObject", new CannedAnswer(200, Map.of("Content-Type", "application/xml",
                        "ETag", "\"9b2cf535f27731c974343645a3985328\"", "x-amz-request-id", "req-put", "x-amz-version-id", "3HL4kqtJlcpXroDTDmJ"),
                        new byte[0]),
                        aws -> {
                            aws.s3().putObject(REGION, "drkit-audit", "shop/evaluate/2026/12/04/20261204T080000Z-0a1b.json",
                                    "{\"verdict\": \"READY\"}", "application/json", Map.of("request-id", "c6af9ac6-7b61-11e6-9a41-93e8deadbeef"));
                            return "sent";
                        },
                        sdk -> {
                            sdk.s3.putObject(r -> r.bucket("drkit-audit").key("shop/evaluate/2026/12/04/20261204T080000Z-0a1b.json")
                                    .contentType("application/json").metadata(Map.of("request-id", "c6af9ac6-7b61-11e6-9a41-93e8deadbeef")),
                                    software.amazon.awssdk.core.sync.RequestBody.fromString("{\"verdict\": \"READY\"}"));
                            return "sent";
                        }),
                // Service Quotas
                new ConformanceCase("ServiceQuotasApi.quotaValue", CannedAnswer.json(200, "application/x-amz-json-1.1", """
                        {"Quota": {"ServiceCode": "ec2", "ServiceName": "Amazon Elastic Compute Cloud (Amazon EC2)",
                          "QuotaArn": "arn:aws:servicequotas:us-west-2:123456789012:ec2/L-1216C47A", "QuotaCode": "L-1216C47A",
                          "QuotaName": "Running On-Demand Standard (A, C, D, H, I, M, R, T, Z) instances", "Value": 640.0,
                          "Unit": "None", "Adjustable": true, "GlobalQuota": false}}""", Map.of()),
                        aws -> aws.serviceQuotas().quotaValue(REGION, "ec2", "L-1216C47A"),
                        sdk -> sdk.serviceQuotas.getServiceQuota(r -> r.serviceCode("ec2").quotaCode("L-1216C47A")).quota().value()),
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
                // Athena and Glue: the archive catalog's inventory search
                new ConformanceCase("AthenaApi.startQuery", CannedAnswer.json(200, "application/x-amz-json-1.1", """
                        {"QueryExecutionId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"}""", Map.of()),
                        aws -> aws.athena().startQuery(REGION, "records-search", "records_inventory",
                                "SELECT key FROM \"records_inventory\".\"archive\" WHERE dt = '2026-11-24-01-00' AND key = 'it''s.pdf'"),
                        sdk -> sdk.athena.startQueryExecution(r -> r.workGroup("records-search")
                                .queryExecutionContext(c -> c.database("records_inventory"))
                                .queryString("SELECT key FROM \"records_inventory\".\"archive\" WHERE dt = '2026-11-24-01-00' AND key = 'it''s.pdf'"))
                                .queryExecutionId(),
                        Set.of("ClientRequestToken")),
                new ConformanceCase("AthenaApi.query", CannedAnswer.json(200, "application/x-amz-json-1.1", """
                        {"QueryExecution": {"QueryExecutionId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111", "Query": "SELECT 1",
                          "StatementType": "DML", "WorkGroup": "records-search",
                          "ResultConfiguration": {"OutputLocation": "s3://records-results/athena/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111.csv",
                            "EncryptionConfiguration": {"EncryptionOption": "SSE_S3"}},
                          "QueryExecutionContext": {"Database": "records_inventory", "Catalog": "awsdatacatalog"},
                          "Status": {"State": "CANCELLED", "StateChangeReason": "Query cancelled! : Bytes scanned limit was exceeded",
                            "SubmissionDateTime": 1.764817200E9, "CompletionDateTime": 1.764817212E9,
                            "AthenaError": {"ErrorCategory": 2, "ErrorType": 1004, "Retryable": false,
                              "ErrorMessage": "Bytes scanned limit was exceeded"}},
                          "Statistics": {"EngineExecutionTimeInMillis": 11800, "DataScannedInBytes": 10485760,
                            "TotalExecutionTimeInMillis": 12000, "QueryQueueTimeInMillis": 120}}}""", Map.of()),
                        aws -> aws.athena().query(REGION, "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"),
                        sdk -> {
                            QueryExecution q = sdk.athena.getQueryExecution(r -> r.queryExecutionId("a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"))
                                    .queryExecution();
                            return new AthenaQuery(q.queryExecutionId(), q.status().stateAsString(), q.status().stateChangeReason(),
                                    q.statistics().dataScannedInBytes(), q.status().athenaError().errorType(),
                                    q.resultConfiguration().outputLocation());
                        }),
                new ConformanceCase("AthenaApi.results", CannedAnswer.json(200, "application/x-amz-json-1.1", """
                        {"UpdateCount": 0, "NextToken": "AU4xNzY0ODE3MjAwRVhBTVBMRQ==",
                         "ResultSet": {"Rows": [
                            {"Data": [{"VarCharValue": "key"}, {"VarCharValue": "version_id"}, {"VarCharValue": "size"}]},
                            {"Data": [{"VarCharValue": "contracts/2019/acme supply.pdf"}, {}, {"VarCharValue": "1048576"}]}],
                          "ResultSetMetadata": {"ColumnInfo": [
                            {"CatalogName": "hive", "Name": "key", "Label": "key", "Type": "varchar", "Precision": 1024, "Scale": 0,
                             "Nullable": "UNKNOWN", "CaseSensitive": true},
                            {"CatalogName": "hive", "Name": "version_id", "Label": "version_id", "Type": "varchar", "Nullable": "UNKNOWN"},
                            {"CatalogName": "hive", "Name": "size", "Label": "size", "Type": "bigint", "Nullable": "UNKNOWN"}]}}}""",
                        Map.of()),
                        aws -> aws.athena().results(REGION, "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111", "AU4xNzY0ODE3MTAwRVhBTVBMRQ==", 101),
                        sdk -> {
                            GetQueryResultsResponse r = sdk.athena.getQueryResults(q -> q.queryExecutionId("a1b2c3d4-5678-90ab-cdef-EXAMPLE11111")
                                    .nextToken("AU4xNzY0ODE3MTAwRVhBTVBMRQ==").maxResults(101));
                            return new AthenaResultPage(r.resultSet().resultSetMetadata().columnInfo().stream().map(ColumnInfo::name).toList(),
                                    r.resultSet().rows().stream().map(row -> row.data().stream().map(Datum::varCharValue).toList()).toList(),
                                    r.nextToken());
                        }),
                new ConformanceCase("AthenaApi.stopQuery", CannedAnswer.json(200, "application/x-amz-json-1.1", "{}", Map.of()),
                        aws -> {
                            aws.athena().stopQuery(REGION, "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111");
                            return "sent";
                        },
                        sdk -> {
                            sdk.athena.stopQueryExecution(r -> r.queryExecutionId("a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"));
                            return "sent";
                        }),
                new ConformanceCase("GlueApi.table", CannedAnswer.json(200, "application/x-amz-json-1.1", """
                        {"Table": {"Name": "archive", "DatabaseName": "records_inventory", "CatalogId": "123456789012",
                          "TableType": "EXTERNAL_TABLE", "CreateTime": 1.764817200E9,
                          "StorageDescriptor": {"Location": "s3://records-inventory/inventory/records-archive/catalog/hive/",
                            "Columns": [{"Name": "bucket", "Type": "string"}, {"Name": "key", "Type": "string"},
                                        {"Name": "version_id", "Type": "string"}, {"Name": "size", "Type": "bigint"}],
                            "InputFormat": "org.apache.hadoop.hive.ql.io.SymlinkTextInputFormat",
                            "OutputFormat": "org.apache.hadoop.hive.ql.io.IgnoreKeyTextOutputFormat",
                            "SerdeInfo": {"SerializationLibrary": "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe"}},
                          "PartitionKeys": [{"Name": "dt", "Type": "string"}]}}""", Map.of()),
                        aws -> aws.glue().table(REGION, "records_inventory", "archive"),
                        sdk -> {
                            Table t = sdk.glue.getTable(r -> r.databaseName("records_inventory").name("archive")).table();
                            return new GlueTable(t.databaseName(), t.name(), t.storageDescriptor().location(),
                                    t.storageDescriptor().columns().stream().map(Column::name).toList(),
                                    t.partitionKeys().stream().map(Column::name).toList());
                        }),
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
                // STS, signed: a session of a role in another account, tagged
                new ConformanceCase("StsApi.assumeRole", CannedAnswer.xml(200, """
                        <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                          <AssumeRoleResult>
                            <SourceIdentity>drkit</SourceIdentity>
                            <AssumedRoleUser><Arn>arn:aws:sts::222222222222:assumed-role/drkit-workload/drkit-web</Arn>
                              <AssumedRoleId>AROA3XFRBF535PLBIFPI4:drkit-web</AssumedRoleId></AssumedRoleUser>
                            <Credentials><AccessKeyId>ASIAJEXAMPLEXEG2JICEA</AccessKeyId>
                              <SecretAccessKey>9drTJvcXLB89EXAMPLELB8923FB892xMFI</SecretAccessKey>
                              <SessionToken>AQoXdzELDDY//////////wEaoAK1wvxJY12r2IrDFT2IvAzTCn3zHoZ7YNtpiQLF0MqZye/qwjzP2iEXAMPLE</SessionToken>
                              <Expiration>2026-12-04T10:40:00Z</Expiration></Credentials>
                            <PackedPolicySize>11</PackedPolicySize>
                          </AssumeRoleResult>
                          <ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>
                        </AssumeRoleResponse>"""),
                        aws -> aws.sts().assumeRole(REGION, "arn:aws:iam::222222222222:role/drkit-workload", "drkit-web", "drkit-web-7f3a",
                                tags("drkit:application", "web", "team", "dr"), 3600),
                        sdk -> {
                            var c = sdk.sts.assumeRole(r -> r.roleArn("arn:aws:iam::222222222222:role/drkit-workload")
                                    .roleSessionName("drkit-web").externalId("drkit-web-7f3a").durationSeconds(3600)
                                    .tags(software.amazon.awssdk.services.sts.model.Tag.builder().key("drkit:application").value("web").build(),
                                            software.amazon.awssdk.services.sts.model.Tag.builder().key("team").value("dr").build()))
                                    .credentials();
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
                // ECS and EKS
                ContainerConformanceCases.describeServices(), ContainerConformanceCases.updateService(),
                ContainerConformanceCases.describeClusters(), ContainerConformanceCases.describeTaskDefinition(),
                ContainerConformanceCases.describeNodegroup(), ContainerConformanceCases.updateNodegroupConfig(),
                ContainerConformanceCases.describeUpdate(),
                // AWS Backup
                BackupConformanceCases.recoveryPoints(), BackupConformanceCases.restoreJobs(), BackupConformanceCases.startRestoreJob(),
                BackupConformanceCases.describeRestoreJob(),
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

    /** Session tags in the order given. */
    private static Map<String, String> tags(String... keysAndValues) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            tags.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return tags;
    }
}
