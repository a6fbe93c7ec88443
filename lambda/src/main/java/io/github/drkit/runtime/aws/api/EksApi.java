package io.github.drkit.runtime.aws.api;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.drkit.plan.Capacity;
import io.github.drkit.runtime.aws.RestJsonProtocol;

/** The EKS operations a recovery needs: reading a managed node group, changing its scaling, following the update. */
public final class EksApi {
    private final RestJsonProtocol json;

    public EksApi(RestJsonProtocol json) {
        this.json = json;
    }

    /** A node group; an unknown cluster or node group fails with error code {@code ResourceNotFoundException}. */
    public EksNodegroup describeNodegroup(String region, String cluster, String nodegroup) {
        JsonNode n = json.get(region, "DescribeNodegroup", path(cluster, nodegroup), Map.of()).path("nodegroup");
        JsonNode scaling = n.path("scalingConfig");
        return new EksNodegroup(n.path("nodegroupName").asText(), n.path("status").asText(),
                new Capacity(scaling.path("minSize").asInt(), scaling.path("desiredSize").asInt(), scaling.path("maxSize").asInt()));
    }

    /**
     * Sets a node group's scaling configuration; returns the update, to follow with {@link #describeUpdate}. The
     * client request token makes a retried request one update.
     */
    public EksUpdate updateScaling(String region, String cluster, String nodegroup, Capacity scaling) {
        ObjectNode input = RestJsonProtocol.object();
        input.putObject("scalingConfig").put("minSize", scaling.min()).put("maxSize", scaling.max()).put("desiredSize", scaling.desired());
        input.put("clientRequestToken", UUID.randomUUID().toString());
        return update(json.post(region, "UpdateNodegroupConfig", path(cluster, nodegroup) + "/update-config", input).path("update"));
    }

    /** An update of a node group, as it stands now. */
    public EksUpdate describeUpdate(String region, String cluster, String nodegroup, String updateId) {
        return update(json.get(region, "DescribeUpdate", "/clusters/" + cluster + "/updates/" + updateId,
                Map.of("nodegroupName", List.of(nodegroup))).path("update"));
    }

    private static EksUpdate update(JsonNode update) {
        List<String> errors = new java.util.ArrayList<>();
        update.path("errors").forEach(e -> errors.add(e.path("errorCode").asText() + ": " + e.path("errorMessage").asText()));
        return new EksUpdate(update.path("id").asText(), update.path("status").asText(), errors);
    }

    private static String path(String cluster, String nodegroup) {
        return "/clusters/" + cluster + "/node-groups/" + nodegroup;
    }
}
