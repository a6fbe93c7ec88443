package io.github.drkit.runtime.aws.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.drkit.runtime.aws.JsonProtocol;

/**
 * The ECS operations a recovery needs: reading services and setting their desired count; and what evaluate reads of
 * them: the clusters' and task definitions' status.
 */
public final class EcsApi {
    /** The most services one DescribeServices call reads. */
    public static final int DESCRIBE_BATCH = 10;
    /** The most clusters one DescribeClusters call reads. */
    public static final int CLUSTERS_BATCH = 100;

    private final JsonProtocol json;

    public EcsApi(JsonProtocol json) {
        this.json = json;
    }

    /**
     * The services of one cluster, at most {@value #DESCRIBE_BATCH} per call; an unknown cluster fails with error code
     * {@code ClusterNotFoundException}.
     */
    public EcsServices describeServices(String region, String cluster, List<String> services) {
        if (services.isEmpty() || services.size() > DESCRIBE_BATCH) {
            throw new IllegalArgumentException("DescribeServices reads 1 to " + DESCRIBE_BATCH + " services (got " + services.size() + ")");
        }
        ObjectNode input = JsonProtocol.object().put("cluster", cluster);
        services.forEach(input.putArray("services")::add);
        JsonNode answer = json.call(region, "DescribeServices", input);
        List<EcsService> found = new ArrayList<>();
        answer.path("services").forEach(s -> found.add(service(s)));
        List<String> missing = new ArrayList<>();
        answer.path("failures").forEach(f -> {
            String arn = f.path("arn").asText();
            missing.add(arn.substring(arn.lastIndexOf('/') + 1));
        });
        return new EcsServices(found, missing);
    }

    /**
     * The status of each named cluster ({@code ACTIVE}, {@code PROVISIONING}, {@code DEPROVISIONING}, {@code FAILED},
     * {@code INACTIVE}) by the name asked for, at most {@value #CLUSTERS_BATCH} per call; a cluster ECS does not know is
     * absent from the map (ECS reports it as a failure, {@code MISSING}).
     */
    public Map<String, String> clusterStatuses(String region, List<String> clusters) {
        if (clusters.isEmpty() || clusters.size() > CLUSTERS_BATCH) {
            throw new IllegalArgumentException("DescribeClusters reads 1 to " + CLUSTERS_BATCH + " clusters (got " + clusters.size() + ")");
        }
        ObjectNode input = JsonProtocol.object();
        clusters.forEach(input.putArray("clusters")::add);
        Map<String, String> statuses = new LinkedHashMap<>();
        for (JsonNode cluster : json.call(region, "DescribeClusters", input).path("clusters")) {
            String name = cluster.path("clusterName").asText();
            String arn = cluster.path("clusterArn").asText();
            // Asked by name or by ARN: keyed as asked.
            String asked = clusters.contains(arn) ? arn : name;
            statuses.put(asked, cluster.path("status").asText());
        }
        return statuses;
    }

    /**
     * The status of a task definition ({@code ACTIVE}, {@code INACTIVE} once deregistered, {@code DELETE_IN_PROGRESS}); one
     * per call. One that does not exist fails with error code {@code ClientException}.
     */
    public String taskDefinitionStatus(String region, String taskDefinition) {
        ObjectNode input = JsonProtocol.object().put("taskDefinition", taskDefinition);
        return json.call(region, "DescribeTaskDefinition", input).path("taskDefinition").path("status").asText(null);
    }

    /** Sets a service's desired count and returns the service as ECS answered. */
    public EcsService updateDesiredCount(String region, String cluster, String service, int desiredCount) {
        ObjectNode input = JsonProtocol.object().put("cluster", cluster).put("service", service).put("desiredCount", desiredCount);
        return service(json.call(region, "UpdateService", input).path("service"));
    }

    private static EcsService service(JsonNode s) {
        JsonNode deployments = s.path("deployments");
        String rollout = null;
        for (JsonNode deployment : deployments) {
            if ("PRIMARY".equals(deployment.path("status").asText())) {
                rollout = deployment.path("rolloutState").asText(null);
            }
        }
        return new EcsService(s.path("serviceName").asText(), s.path("status").asText(), s.path("desiredCount").asInt(),
                s.path("runningCount").asInt(), s.path("pendingCount").asInt(), deployments.size(), rollout, s.path("taskDefinition").asText(null));
    }
}
