package io.github.drkit.runtime.aws.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;

/**
 * The canned answers follow the service models: every element (or JSON member) of an answer is a member of the
 * operation's output shape as the SDK's generated model classes carry it (their marshalling names), or one of the
 * protocol's wrappers. A misspelt element would otherwise be ignored alike by both readers and pass unnoticed.
 */
class ConformanceModelsTest {
    private static final Set<String> WRAPPERS = Set.of("ResponseMetadata", "RequestId", "requestId", "member", "item", "entry");

    /** The SDK's output shape of each case's operation. */
    private static final Map<String, String> OUTPUTS = Map.ofEntries(
            Map.entry("Ec2Api.instanceStates", "software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse"),
            Map.entry("Ec2Api.startInstances", "software.amazon.awssdk.services.ec2.model.StartInstancesResponse"),
            Map.entry("Ec2Api.stopInstances", "software.amazon.awssdk.services.ec2.model.StopInstancesResponse"),
            Map.entry("Ec2Api.launchTemplateVersion", "software.amazon.awssdk.services.ec2.model.DescribeLaunchTemplateVersionsResponse"),
            Map.entry("Ec2Api.imageStates", "software.amazon.awssdk.services.ec2.model.DescribeImagesResponse"),
            Map.entry("Ec2Api.instanceTypeVCpus", "software.amazon.awssdk.services.ec2.model.DescribeInstanceTypesResponse"),
            Map.entry("S3Api.putObject", "software.amazon.awssdk.services.s3.model.PutObjectResponse"),
            Map.entry("ServiceQuotasApi.quotaValue", "software.amazon.awssdk.services.servicequotas.model.GetServiceQuotaResponse"),
            Map.entry("Ec2Api.createLaunchTemplateVersion", "software.amazon.awssdk.services.ec2.model.CreateLaunchTemplateVersionResponse"),
            Map.entry("AutoScalingApi.describe", "software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingGroupsResponse"),
            Map.entry("AutoScalingApi.update", "software.amazon.awssdk.services.autoscaling.model.UpdateAutoScalingGroupResponse"),
            Map.entry("ElbApi.targetStates", "software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetHealthResponse"),
            Map.entry("RdsApi.describe", "software.amazon.awssdk.services.rds.model.DescribeDbInstancesResponse"),
            Map.entry("RdsApi.addTag", "software.amazon.awssdk.services.rds.model.AddTagsToResourceResponse"),
            Map.entry("RdsApi.promoteReadReplica", "software.amazon.awssdk.services.rds.model.PromoteReadReplicaResponse"),
            Map.entry("RdsApi.find", "software.amazon.awssdk.services.rds.model.DescribeDbInstancesResponse"),
            Map.entry("RdsApi.snapshots", "software.amazon.awssdk.services.rds.model.DescribeDbSnapshotsResponse"),
            Map.entry("RdsApi.restoreFromSnapshot", "software.amazon.awssdk.services.rds.model.RestoreDbInstanceFromDbSnapshotResponse"),
            Map.entry("Ec2Api.createLaunchTemplateVersionWithImage", "software.amazon.awssdk.services.ec2.model.CreateLaunchTemplateVersionResponse"),
            Map.entry("Ec2Api.imagesTagged", "software.amazon.awssdk.services.ec2.model.DescribeImagesResponse"),
            Map.entry("IamApi.simulatePrincipalPolicy", "software.amazon.awssdk.services.iam.model.SimulatePrincipalPolicyResponse"),
            Map.entry("SnsApi.checkTopic", "software.amazon.awssdk.services.sns.model.GetTopicAttributesResponse"),
            Map.entry("SnsApi.publish", "software.amazon.awssdk.services.sns.model.PublishResponse"),
            Map.entry("SsmApi.parameter", "software.amazon.awssdk.services.ssm.model.GetParameterResponse"),
            Map.entry("CloudWatchApi.putMetric", "software.amazon.awssdk.services.cloudwatch.model.PutMetricDataResponse"),
            Map.entry("CloudWatchApi.latestMaximum", "software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsResponse"),
            Map.entry("CloudWatchApi.alarmsForMetric", "software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsForMetricResponse"),
            Map.entry("StsApi.assumeRoleWithWebIdentity", "software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityResponse"),
            Map.entry("StsApi.assumeRole", "software.amazon.awssdk.services.sts.model.AssumeRoleResponse"),
            Map.entry("Route53Api.records", "software.amazon.awssdk.services.route53.model.ListResourceRecordSetsResponse"),
            Map.entry("Route53Api.allRecords", "software.amazon.awssdk.services.route53.model.ListResourceRecordSetsResponse"),
            Map.entry("Route53Api.upsert", "software.amazon.awssdk.services.route53.model.ChangeResourceRecordSetsResponse"),
            Map.entry("Route53Api.change", "software.amazon.awssdk.services.route53.model.GetChangeResponse"),
            Map.entry("AthenaApi.startQuery", "software.amazon.awssdk.services.athena.model.StartQueryExecutionResponse"),
            Map.entry("AthenaApi.query", "software.amazon.awssdk.services.athena.model.GetQueryExecutionResponse"),
            Map.entry("AthenaApi.results", "software.amazon.awssdk.services.athena.model.GetQueryResultsResponse"),
            Map.entry("AthenaApi.stopQuery", "software.amazon.awssdk.services.athena.model.StopQueryExecutionResponse"),
            Map.entry("GlueApi.table", "software.amazon.awssdk.services.glue.model.GetTableResponse"),
            Map.entry("Route53Api.healthCheckStatuses", "software.amazon.awssdk.services.route53.model.GetHealthCheckStatusResponse"),
            Map.entry("RdsApi.cluster", "software.amazon.awssdk.services.rds.model.DescribeDbClustersResponse"),
            Map.entry("RdsApi.globalCluster", "software.amazon.awssdk.services.rds.model.DescribeGlobalClustersResponse"),
            Map.entry("RdsApi.switchoverGlobalCluster", "software.amazon.awssdk.services.rds.model.SwitchoverGlobalClusterResponse"),
            Map.entry("RdsApi.failoverGlobalCluster", "software.amazon.awssdk.services.rds.model.FailoverGlobalClusterResponse"),
            Map.entry("RdsApi.removeFromGlobalCluster", "software.amazon.awssdk.services.rds.model.RemoveFromGlobalClusterResponse"),
            Map.entry("DynamoDbApi.describeTable", "software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse"),
            Map.entry("EcsApi.describeServices", "software.amazon.awssdk.services.ecs.model.DescribeServicesResponse"),
            Map.entry("EcsApi.updateDesiredCount", "software.amazon.awssdk.services.ecs.model.UpdateServiceResponse"),
            Map.entry("EcsApi.clusterStatuses", "software.amazon.awssdk.services.ecs.model.DescribeClustersResponse"),
            Map.entry("EcsApi.taskDefinitionStatus", "software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse"),
            Map.entry("EksApi.describeNodegroup", "software.amazon.awssdk.services.eks.model.DescribeNodegroupResponse"),
            Map.entry("EksApi.updateScaling", "software.amazon.awssdk.services.eks.model.UpdateNodegroupConfigResponse"),
            Map.entry("EksApi.describeUpdate", "software.amazon.awssdk.services.eks.model.DescribeUpdateResponse"),
            Map.entry("BackupApi.recoveryPoints", "software.amazon.awssdk.services.backup.model.ListRecoveryPointsByBackupVaultResponse"),
            Map.entry("BackupApi.restoreJobs", "software.amazon.awssdk.services.backup.model.ListRestoreJobsResponse"),
            Map.entry("BackupApi.startRestoreJob", "software.amazon.awssdk.services.backup.model.StartRestoreJobResponse"),
            Map.entry("BackupApi.describeRestoreJob", "software.amazon.awssdk.services.backup.model.DescribeRestoreJobResponse"),
            Map.entry("LambdaApi.functionConfiguration", "software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse"),
            Map.entry("LambdaApi.invoke", "software.amazon.awssdk.services.lambda.model.InvokeResponse"),
            Map.entry("BackupApi.putRestoreValidationResult", "software.amazon.awssdk.services.backup.model.PutRestoreValidationResultResponse"),
            Map.entry("S3Api.firstKeyCount", "software.amazon.awssdk.services.s3.model.ListObjectsV2Response"),
            Map.entry("DynamoDbApi.tableStatistics", "software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse"),
            Map.entry("Ec2VolumesApi.snapshotsTagged", "software.amazon.awssdk.services.ec2.model.DescribeSnapshotsResponse"),
            Map.entry("Ec2VolumesApi.volumesTagged", "software.amazon.awssdk.services.ec2.model.DescribeVolumesResponse"),
            Map.entry("Ec2VolumesApi.volume", "software.amazon.awssdk.services.ec2.model.DescribeVolumesResponse"),
            Map.entry("Ec2VolumesApi.createVolume", "software.amazon.awssdk.services.ec2.model.CreateVolumeResponse"),
            Map.entry("Ec2VolumesApi.attachVolume", "software.amazon.awssdk.services.ec2.model.AttachVolumeResponse"),
            Map.entry("Ec2VolumesApi.instanceZone", "software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse"),
            Map.entry("RdsPointInTimeApi.automatedBackups",
                    "software.amazon.awssdk.services.rds.model.DescribeDbInstanceAutomatedBackupsResponse"),
            Map.entry("RdsPointInTimeApi.restoreToPointInTime",
                    "software.amazon.awssdk.services.rds.model.RestoreDbInstanceToPointInTimeResponse"));
    /** Operations whose answer body is not a shape but the caller's own document (the function's answer to Invoke). */
    private static final Set<String> RAW_BODIES = Set.of("LambdaApi.invoke");

    @Test
    void answers_whenCompared_withTheModelsOutputShapes_useOnlyTheirMembers() throws Exception {
        List<String> unknown = new ArrayList<>();
        for (ConformanceCase conformance : ConformanceCases.all()) {
            String output = OUTPUTS.get(conformance.facadeMethod());
            assertTrue(output != null, "no output shape named for " + conformance.facadeMethod());
            Class<?> response = Class.forName(output);
            SdkPojo pojo = (SdkPojo) response.getMethod("builder").invoke(null);
            Set<String> members = new HashSet<>(WRAPPERS);
            collect(pojo.sdkFields(), members, new HashSet<>());
            String operation = response.getSimpleName().replace("Response", "");
            Set<String> found = new TreeSet<>();
            String contentType = conformance.answer().headers().get("Content-Type");
            if (conformance.answer().body().length == 0 || RAW_BODIES.contains(conformance.facadeMethod())) {
                // An answer in headers only (S3 PutObject), or the caller's own document (Lambda's Invoke), has no element to check.
                continue;
            } else if (contentType.contains("json")) {
                names(new ObjectMapper().readTree(conformance.answer().body()), found);
            } else {
                Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                        .parse(new ByteArrayInputStream(conformance.answer().body())).getDocumentElement();
                names(root, found);
                found.remove(root.getTagName());
                // The query protocol's result wrapper, named as the service spells the operation (DescribeDBSnapshotsResult).
                found.remove(operation.replace("DbInstances", "DBInstances").replace("DbClusters", "DBClusters") + "Result");
                found.remove(root.getTagName().replaceFirst("Response$", "Result"));
            }
            found.removeAll(members);
            if (!found.isEmpty()) {
                unknown.add(conformance.facadeMethod() + ": " + found);
            }
        }

        assertEquals(List.of(), unknown, "elements the output shapes do not have");
    }

    /** Every marshalling name reachable from {@code fields}: members, list members, map keys and values. */
    private static void collect(List<SdkField<?>> fields, Set<String> names, Set<Class<?>> seen) {
        for (SdkField<?> field : fields) {
            names.add(field.locationName());
            names.add(field.unmarshallLocationName());
            collectField(field, names, seen);
        }
    }

    private static void collectField(SdkField<?> field, Set<String> names, Set<Class<?>> seen) {
        if (field.marshallingType() == MarshallingType.SDK_POJO) {
            SdkPojo nested = field.constructor().get();
            if (seen.add(nested.getClass())) {
                collect(nested.sdkFields(), names, seen);
            }
        } else if (field.marshallingType() == MarshallingType.LIST) {
            ListTrait list = field.getTrait(ListTrait.class);
            names.add(list.memberLocationName());
            names.add(list.memberFieldInfo().locationName());
            collectField(list.memberFieldInfo(), names, seen);
        } else if (field.marshallingType() == MarshallingType.MAP) {
            MapTrait map = field.getTrait(MapTrait.class);
            names.add(map.keyLocationName());
            names.add(map.valueLocationName());
            collectField(map.valueFieldInfo(), names, seen);
        }
    }

    private static void names(Element element, Set<String> found) {
        found.add(element.getTagName());
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                names(e, found);
            }
        }
    }

    private static void names(JsonNode node, Set<String> found) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                found.add(e.getKey());
                names(e.getValue(), found);
            });
        } else if (node.isArray()) {
            node.forEach(item -> names(item, found));
        }
    }
}
