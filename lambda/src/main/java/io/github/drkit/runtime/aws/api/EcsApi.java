package io.github.drkit.runtime.aws.api;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.drkit.runtime.aws.JsonProtocol;

/** The ECS operations a recovery needs: reading services and setting their desired count. */
public final class EcsApi {
    /** The most services one DescribeServices call reads. */
    public static final int DESCRIBE_BATCH = 10;

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
                s.path("runningCount").asInt(), s.path("pendingCount").asInt(), deployments.size(), rollout);
    }
}
