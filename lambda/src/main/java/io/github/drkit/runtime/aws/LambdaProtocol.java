package io.github.drkit.runtime.aws;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * Lambda's REST-JSON protocol: the operation is the method and path, answers in JSON, errors named by
 * {@code X-Amzn-ErrorType} as in the JSON protocol. {@code Invoke} differs from every other operation: its request and
 * answer bodies are the function's own bytes, and whether the function failed is a header of a 200 answer.
 */
public final class LambdaProtocol {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AwsTransport transport;

    public LambdaProtocol(AwsTransport transport) {
        this.transport = transport;
    }

    /** A path label as the AWS SDK encodes it: a function ARN's colons become {@code %3A}. */
    public static String label(String value) {
        return SdkHttpUtils.urlEncode(value);
    }

    public JsonNode get(String region, String operation, String path, Map<String, List<String>> query) {
        byte[] answer = transport.send(AwsService.LAMBDA, region, operation,
                new AwsTransport.Request(SdkHttpMethod.GET, path, query, Map.of(), null), JsonProtocol::decodeError).body();
        try {
            return answer.length == 0 ? JSON.createObjectNode() : JSON.readTree(answer);
        } catch (IOException e) {
            throw new IllegalStateException("Lambda " + operation + " answered with something other than JSON", e);
        }
    }

    /** A raw answer: status, the headers named, body. */
    public record RawAnswer(int status, Map<String, String> headers, byte[] body) {
    }

    /** POSTs {@code body} as is, with {@code headers}; returns the answer's status, the {@code answerHeaders} it carries, and its body. */
    public RawAnswer post(String region, String operation, String path, Map<String, String> headers, byte[] body, List<String> answerHeaders) {
        AwsTransport.Response response = transport.send(AwsService.LAMBDA, region, operation,
                new AwsTransport.Request(SdkHttpMethod.POST, path, Map.of(), headers, body), JsonProtocol::decodeError);
        Map<String, String> named = new java.util.LinkedHashMap<>();
        for (String name : answerHeaders) {
            String value = response.header(name);
            if (value != null) {
                named.put(name, value);
            }
        }
        return new RawAnswer(response.status(), named, response.body());
    }
}
