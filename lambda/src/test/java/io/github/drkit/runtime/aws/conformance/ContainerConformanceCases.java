package io.github.drkit.runtime.aws.conformance;

import static io.github.drkit.runtime.aws.conformance.ConformanceCases.REGION;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.drkit.plan.Capacity;
import io.github.drkit.runtime.aws.api.EcsService;
import io.github.drkit.runtime.aws.api.EcsServices;
import io.github.drkit.runtime.aws.api.EksNodegroup;
import io.github.drkit.runtime.aws.api.EksUpdate;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.Service;

/** The conformance cases of the ECS and EKS facades (JSON 1.1 and REST-JSON), with answers shaped as the models give them. */
final class ContainerConformanceCases {
    private static final String SERVICE = """
            {"serviceArn": "arn:aws:ecs:us-west-2:123456789012:service/shop/web", "serviceName": "web",
             "clusterArn": "arn:aws:ecs:us-west-2:123456789012:cluster/shop", "status": "ACTIVE",
             "desiredCount": 4, "runningCount": 2, "pendingCount": 2, "launchType": "FARGATE",
             "taskDefinition": "arn:aws:ecs:us-west-2:123456789012:task-definition/web:7",
             "deployments": [
               {"id": "ecs-svc/1", "status": "PRIMARY", "desiredCount": 4, "runningCount": 2, "pendingCount": 2,
                "rolloutState": "IN_PROGRESS", "createdAt": 1.7648172E9},
               {"id": "ecs-svc/0", "status": "ACTIVE", "desiredCount": 0, "runningCount": 0, "pendingCount": 0,
                "rolloutState": "COMPLETED", "createdAt": 1.7648100E9}]}""";
    private static final String NODEGROUP = """
            {"nodegroup": {"nodegroupName": "workers", "clusterName": "shop", "status": "ACTIVE",
             "nodegroupArn": "arn:aws:eks:us-west-2:123456789012:nodegroup/shop/workers/0ac6f0a2-1b2c-4d5e-8f90-123456789abc",
             "scalingConfig": {"minSize": 0, "maxSize": 2, "desiredSize": 0}, "capacityType": "ON_DEMAND",
             "createdAt": 1.7648172E9}}""";
    private static final String UPDATE = """
            {"update": {"id": "0b6f2a6e-1111-2222-3333-444455556666", "status": "%s", "type": "ConfigUpdate",
             "params": [{"type": "ScalingConfig", "value": "{\\"minSize\\":2,\\"maxSize\\":6,\\"desiredSize\\":3}"}],
             "createdAt": 1.7648172E9, "errors": %s}}""";

    private ContainerConformanceCases() {
    }

    static ConformanceCase describeServices() {
        return new ConformanceCase("EcsApi.describeServices", CannedAnswer.json(200, "application/x-amz-json-1.1",
                "{\"services\": [" + SERVICE + "], \"failures\": [{\"arn\": \"arn:aws:ecs:us-west-2:123456789012:service/shop/gone\", \"reason\": \"MISSING\"}]}",
                Map.of()),
                aws -> aws.ecs().describeServices(REGION, "shop", List.of("web", "gone")),
                sdk -> {
                    var answer = sdk.ecs.describeServices(r -> r.cluster("shop").services("web", "gone"));
                    return new EcsServices(answer.services().stream().map(ContainerConformanceCases::service).toList(),
                            answer.failures().stream().map(f -> f.arn().substring(f.arn().lastIndexOf('/') + 1)).toList());
                });
    }

    static ConformanceCase updateService() {
        return new ConformanceCase("EcsApi.updateDesiredCount", CannedAnswer.json(200, "application/x-amz-json-1.1",
                "{\"service\": " + SERVICE + "}", Map.of()),
                aws -> aws.ecs().updateDesiredCount(REGION, "shop", "web", 4),
                sdk -> service(sdk.ecs.updateService(r -> r.cluster("shop").service("web").desiredCount(4)).service()));
    }

    static ConformanceCase describeClusters() {
        return new ConformanceCase("EcsApi.clusterStatuses", CannedAnswer.json(200, "application/x-amz-json-1.1", """
                {"clusters": [
                  {"clusterArn": "arn:aws:ecs:us-west-2:123456789012:cluster/shop", "clusterName": "shop", "status": "ACTIVE",
                   "registeredContainerInstancesCount": 0, "runningTasksCount": 2, "pendingTasksCount": 0, "activeServicesCount": 1},
                  {"clusterArn": "arn:aws:ecs:us-west-2:123456789012:cluster/old", "clusterName": "old", "status": "INACTIVE",
                   "registeredContainerInstancesCount": 0, "runningTasksCount": 0, "pendingTasksCount": 0, "activeServicesCount": 0}],
                 "failures": [{"arn": "arn:aws:ecs:us-west-2:123456789012:cluster/gone", "reason": "MISSING"}]}""", Map.of()),
                aws -> aws.ecs().clusterStatuses(REGION, List.of("shop", "old", "gone")),
                sdk -> {
                    Map<String, String> statuses = new java.util.LinkedHashMap<>();
                    sdk.ecs.describeClusters(r -> r.clusters("shop", "old", "gone")).clusters().forEach(c -> statuses.put(c.clusterName(), c.status()));
                    return statuses;
                });
    }

    static ConformanceCase describeTaskDefinition() {
        return new ConformanceCase("EcsApi.taskDefinitionStatus", CannedAnswer.json(200, "application/x-amz-json-1.1", """
                {"taskDefinition": {"taskDefinitionArn": "arn:aws:ecs:us-west-2:123456789012:task-definition/web:7", "family": "web",
                  "revision": 7, "status": "INACTIVE", "networkMode": "awsvpc", "cpu": "256", "memory": "512",
                  "requiresCompatibilities": ["FARGATE"], "registeredAt": 1.7648100E9, "deregisteredAt": 1.7648172E9,
                  "containerDefinitions": [{"name": "web", "image": "public.ecr.aws/nginx/nginx:stable", "essential": true}]},
                 "tags": []}""", Map.of()),
                aws -> aws.ecs().taskDefinitionStatus(REGION, "arn:aws:ecs:us-west-2:123456789012:task-definition/web:7"),
                sdk -> sdk.ecs.describeTaskDefinition(r -> r.taskDefinition("arn:aws:ecs:us-west-2:123456789012:task-definition/web:7"))
                        .taskDefinition().statusAsString());
    }

    static ConformanceCase describeNodegroup() {
        return new ConformanceCase("EksApi.describeNodegroup", CannedAnswer.json(200, "application/json", NODEGROUP, Map.of()),
                aws -> aws.eks().describeNodegroup(REGION, "shop", "workers"),
                sdk -> {
                    var n = sdk.eks.describeNodegroup(r -> r.clusterName("shop").nodegroupName("workers")).nodegroup();
                    return new EksNodegroup(n.nodegroupName(), n.statusAsString(),
                            new Capacity(n.scalingConfig().minSize(), n.scalingConfig().desiredSize(), n.scalingConfig().maxSize()));
                });
    }

    static ConformanceCase updateNodegroupConfig() {
        return new ConformanceCase("EksApi.updateScaling", CannedAnswer.json(200, "application/json", UPDATE.formatted("InProgress", "[]"), Map.of()),
                aws -> aws.eks().updateScaling(REGION, "shop", "workers", new Capacity(2, 3, 6)),
                sdk -> update(sdk.eks.updateNodegroupConfig(r -> r.clusterName("shop").nodegroupName("workers")
                        .scalingConfig(s -> s.minSize(2).desiredSize(3).maxSize(6))).update()),
                Set.of("clientRequestToken"));
    }

    static ConformanceCase describeUpdate() {
        return new ConformanceCase("EksApi.describeUpdate", CannedAnswer.json(200, "application/json", UPDATE.formatted("Failed",
                        "[{\"errorCode\": \"AsgInstanceLaunchFailures\", \"errorMessage\": \"Could not launch On-Demand Instances\", \"resourceIds\": [\"eks-workers\"]}]"),
                        Map.of()),
                aws -> aws.eks().describeUpdate(REGION, "shop", "workers", "0b6f2a6e-1111-2222-3333-444455556666"),
                sdk -> update(sdk.eks.describeUpdate(r -> r.name("shop").nodegroupName("workers").updateId("0b6f2a6e-1111-2222-3333-444455556666")).update()));
    }

    private static EcsService service(Service s) {
        String rollout = s.deployments().stream().filter(d -> "PRIMARY".equals(d.status())).findFirst()
                .map(Deployment::rolloutStateAsString).orElse(null);
        return new EcsService(s.serviceName(), s.status(), s.desiredCount(), s.runningCount(), s.pendingCount(), s.deployments().size(), rollout,
                s.taskDefinition());
    }

    private static EksUpdate update(software.amazon.awssdk.services.eks.model.Update u) {
        return new EksUpdate(u.id(), u.statusAsString(), u.errors().stream().map(e -> e.errorCodeAsString() + ": " + e.errorMessage()).toList());
    }
}
