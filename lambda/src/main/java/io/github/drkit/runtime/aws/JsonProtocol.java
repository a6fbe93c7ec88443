package io.github.drkit.runtime.aws;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import software.amazon.awssdk.http.SdkHttpMethod;

/**
 * The AWS JSON protocol (SSM speaks version 1.1, CloudWatch 1.0): a POST of a JSON document to {@code /}, the
 * operation named by {@code X-Amz-Target}; errors carry {@code __type} and {@code message}. A service that also
 * speaks the Query protocol (CloudWatch) is asked for its Query error codes, so that codes read as its
 * documentation names them.
 */
public final class JsonProtocol {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AwsTransport transport;
    private final AwsService service;
    private final String targetPrefix;
    private final String contentType;
    private final boolean queryCompatible;

    /**
     * @param targetPrefix    the service's target prefix, e.g. {@code AmazonSSM}
     * @param version         the protocol version, {@code 1.0} or {@code 1.1}
     * @param queryCompatible true for a service that also speaks Query (CloudWatch): its errors then carry the
     *                        Query code in {@code x-amzn-query-error}
     */
    public JsonProtocol(AwsTransport transport, AwsService service, String targetPrefix, String version, boolean queryCompatible) {
        this.transport = transport;
        this.service = service;
        this.targetPrefix = targetPrefix;
        this.contentType = "application/x-amz-json-" + version;
        this.queryCompatible = queryCompatible;
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
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        headers.put("X-Amz-Target", targetPrefix + "." + operation);
        if (queryCompatible) {
            headers.put("x-amzn-query-mode", "true");
        }
        AwsTransport.Request request = new AwsTransport.Request(SdkHttpMethod.POST, "/", Map.of(), headers, body);
        byte[] answer = transport.send(service, region, operation, request, JsonProtocol::decodeError).body();
        try {
            return answer.length == 0 ? object() : JSON.readTree(answer);
        } catch (IOException e) {
            throw new IllegalStateException(service.id() + " " + operation + " answered with something other than JSON", e);
        }
    }

    /**
     * The error code, in the order AWS's JSON error rules give: the Query code of {@code x-amzn-query-error}, then
     * {@code __type}, then {@code X-Amzn-ErrorType}; a namespace before {@code #} and anything after {@code :} are
     * not part of the code.
     */
    static AwsServiceError decodeError(String service, String operation, int status, Map<String, List<String>> headers, byte[] body) {
        JsonNode error = null;
        try {
            error = body.length == 0 ? null : JSON.readTree(body);
        } catch (IOException notJson) {
            // Not the service's answer; the headers may still carry the code.
        }
        String message = error == null ? null : error.has("message") ? error.get("message").asText() : error.path("Message").asText(null);
        String queryError = header(headers, "x-amzn-query-error");
        String type = queryError != null ? queryError.substring(0, queryError.indexOf(';') < 0 ? queryError.length() : queryError.indexOf(';'))
                : error != null && error.hasNonNull("__type") ? error.get("__type").asText()
                : header(headers, "x-amzn-errortype");
        if (type == null && error == null && body.length > 0 && body[0] == '<') {
            // An XML ErrorResponse where JSON was expected: what moto answers when it enforces IAM on a JSON service.
            return QueryProtocol.decodeError(service, operation, status, headers, body);
        }
        if (type == null) {
            // An XML error document where JSON was due: what an authorizing front end (moto's IAM check among them)
            // sends for a denied call. Its Code and Message read as the Query protocol's do.
            return QueryProtocol.decodeError(service, operation, status, headers, body);
        }
        // "com.amazonaws.ssm#ParameterNotFound" and "ParameterNotFound:http://internal.amazon.com/..." both name ParameterNotFound.
        String code = type.substring(type.lastIndexOf('#') + 1);
        code = code.contains(":") ? code.substring(0, code.indexOf(':')) : code;
        return new AwsServiceError(service, operation, status, code, message, header(headers, "x-amzn-requestid"));
    }

    private static String header(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
                return entry.getValue().get(0);
            }
        }
        return null;
    }
}
