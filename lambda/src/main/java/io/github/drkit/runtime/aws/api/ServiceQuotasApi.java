package io.github.drkit.runtime.aws.api;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.drkit.runtime.aws.JsonProtocol;

/** The Service Quotas operation readiness needs: the applied value of one quota in one Region. */
public final class ServiceQuotasApi {
    private final JsonProtocol json;

    public ServiceQuotasApi(JsonProtocol json) {
        this.json = json;
    }

    /**
     * The quota's applied value (the account's value, raised or not); an unknown code fails with {@code NoSuchResourceException}.
     *
     * @param serviceCode e.g. {@code ec2}
     * @param quotaCode   e.g. {@code L-1216C47A} (Running On-Demand Standard instances, in vCPUs)
     */
    public double quotaValue(String region, String serviceCode, String quotaCode) {
        JsonNode answer = json.call(region, "GetServiceQuota", JsonProtocol.object().put("ServiceCode", serviceCode).put("QuotaCode", quotaCode));
        return answer.path("Quota").path("Value").asDouble();
    }
}
