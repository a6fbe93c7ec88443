package io.github.drkit.runtime.aws;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import software.amazon.awssdk.http.SdkHttpMethod;

/**
 * The AWS REST-JSON protocol (EKS, AWS Backup): the operation is the method and path, input in the path, the query string or a
 * JSON body, answers in JSON; errors name their code in {@code X-Amzn-ErrorType} or the body's {@code __type}, as in
 * the JSON protocol.
 */
public final class RestJsonProtocol {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AwsTransport transport;
    private final AwsService service;

    public RestJsonProtocol(AwsTransport transport, AwsService service) {
        this.transport = transport;
        this.service = service;
    }

    /** A new, empty request document. */
    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    public JsonNode get(String region, String operation, String path, Map<String, List<String>> query) {
        return call(region, operation, new AwsTransport.Request(SdkHttpMethod.GET, path, query, Map.of(), null));
    }

    public JsonNode post(String region, String operation, String path, ObjectNode input) {
        return withBody(SdkHttpMethod.POST, region, operation, path, input);
    }

    /** A PUT with a JSON body (AWS Backup's operations on a restore job). */
    public JsonNode put(String region, String operation, String path, ObjectNode input) {
        return withBody(SdkHttpMethod.PUT, region, operation, path, input);
    }

    private JsonNode withBody(SdkHttpMethod method, String region, String operation, String path, ObjectNode input) {
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(input);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the " + operation + " request", e);
        }
        return call(region, operation, new AwsTransport.Request(method, path, Map.of(),
                Map.of("Content-Type", "application/json"), body));
    }

    private JsonNode call(String region, String operation, AwsTransport.Request request) {
        byte[] answer = transport.send(service, region, operation, request, JsonProtocol::decodeError).body();
        try {
            return answer.length == 0 ? object() : JSON.readTree(answer);
        } catch (IOException e) {
            throw new IllegalStateException(service.id() + " " + operation + " answered with something other than JSON", e);
        }
    }
}
