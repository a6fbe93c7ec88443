package io.github.drkit.runtime.aws.api;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.drkit.runtime.aws.JsonProtocol;

/** The SSM operation a recovery needs: reading the plan parameter. */
public final class SsmApi {
    private final JsonProtocol json;

    public SsmApi(JsonProtocol json) {
        this.json = json;
    }

    /** A parameter's value, decrypted; an unknown name fails with error code {@code ParameterNotFound}. */
    public String parameter(String region, String name) {
        JsonNode answer = json.call(region, "GetParameter", JsonProtocol.object().put("Name", name).put("WithDecryption", true));
        return answer.path("Parameter").path("Value").asText();
    }
}
