package io.github.drkit.runtime.aws;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import software.amazon.awssdk.http.SdkHttpMethod;

/**
 * The AWS JSON protocol (SSM speaks version 1.1): a POST of a JSON document to {@code /}, the operation named by
 * {@code X-Amz-Target}; errors carry {@code __type} and {@code message}.
 */
public final class JsonProtocol {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AwsTransport transport;
    private final AwsService service;
    private final String targetPrefix;
    private final String contentType;

    /**
     * @param targetPrefix the service's target prefix, e.g. {@code AmazonSSM}
     * @param version      the protocol version, {@code 1.0} or {@code 1.1}
     */
    public JsonProtocol(AwsTransport transport, AwsService service, String targetPrefix, String version) {
        this.transport = transport;
        this.service = service;
        this.targetPrefix = targetPrefix;
        this.contentType = "application/x-amz-json-" + version;
    }

    /** A new, empty request document. */
    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    public JsonNode call(String region, String operation, ObjectNode input) {
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(input);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the " + operation + " request", e);
        }
        AwsTransport.Request request = new AwsTransport.Request(SdkHttpMethod.POST, "/", Map.of(),
                Map.of("Content-Type", contentType, "X-Amz-Target", targetPrefix + "." + operation), body);
        byte[] answer = transport.send(service, region, operation, request, JsonProtocol::decodeError).body();
        try {
            return answer.length == 0 ? object() : JSON.readTree(answer);
        } catch (IOException e) {
            throw new IllegalStateException(service.id() + " " + operation + " answered with something other than JSON", e);
        }
    }

    static AwsServiceError decodeError(String service, String operation, int status, byte[] body) {
        try {
            JsonNode error = JSON.readTree(body);
            String type = error.path("__type").asText(null);
            if (type != null) {
                // "com.amazonaws.ssm#ParameterNotFound" and "ParameterNotFound" name the same error.
                String code = type.substring(type.lastIndexOf('#') + 1);
                String message = error.has("message") ? error.get("message").asText() : error.path("Message").asText(null);
                return new AwsServiceError(service, operation, status, code, message, null);
            }
        } catch (IOException notJson) {
            // Fall through: not the service's answer.
        }
        return new AwsServiceError(service, operation, status, "HTTP" + status,
                new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8), null);
    }
}
