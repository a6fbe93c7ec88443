package io.github.drkit.runtime.aws.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.drkit.runtime.aws.LambdaProtocol;

/** The Lambda operations a custom action needs: read a function's configuration, invoke it and wait for its answer. */
public final class LambdaApi {
    private static final String API = "/2015-03-31/functions/";

    private final LambdaProtocol lambda;

    public LambdaApi(LambdaProtocol lambda) {
        this.lambda = lambda;
    }

    /** What a function's configuration says about whether it can run: an unknown function fails with {@code ResourceNotFoundException}. */
    public record FunctionConfiguration(String functionArn, String state, String stateReason, String lastUpdateStatus, String version,
                                        Integer timeoutSeconds) {
    }

    /**
     * What an invocation answered.
     *
     * @param statusCode      the HTTP status, 200 for a synchronous invocation that ran
     * @param functionError   {@code Unhandled} or {@code Handled} when the function failed; null when it returned
     * @param executedVersion the version that ran
     * @param logTail         the last 4 KB of the invocation's log, decoded; null when Lambda sent none
     * @param payload         the function's answer (or its error document), as the function wrote it
     */
    public record Invocation(int statusCode, String functionError, String executedVersion, String logTail, String payload) {
    }

    /** {@code functionArn} may carry a version or alias: that is the configuration read. */
    public FunctionConfiguration functionConfiguration(String region, String functionArn) {
        JsonNode answer = lambda.get(region, "GetFunctionConfiguration", API + LambdaProtocol.label(functionArn) + "/configuration", Map.of());
        return new FunctionConfiguration(answer.path("FunctionArn").asText(null), answer.path("State").asText(null),
                answer.path("StateReason").asText(null), answer.path("LastUpdateStatus").asText(null), answer.path("Version").asText(null),
                answer.hasNonNull("Timeout") ? answer.get("Timeout").asInt() : null);
    }

    /** Invokes the function synchronously ({@code RequestResponse}) with {@code payload}, asking for the tail of its log. */
    public Invocation invoke(String region, String functionArn, String payload) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Amz-Invocation-Type", "RequestResponse");
        headers.put("X-Amz-Log-Type", "Tail");
        headers.put("Content-Type", "application/json");
        LambdaProtocol.RawAnswer answer = lambda.post(region, "Invoke", API + LambdaProtocol.label(functionArn) + "/invocations", headers,
                payload.getBytes(StandardCharsets.UTF_8), List.of("X-Amz-Function-Error", "X-Amz-Executed-Version", "X-Amz-Log-Result"));
        String log = answer.headers().get("X-Amz-Log-Result");
        return new Invocation(answer.status(), answer.headers().get("X-Amz-Function-Error"), answer.headers().get("X-Amz-Executed-Version"),
                log == null ? null : new String(Base64.getMimeDecoder().decode(log), StandardCharsets.UTF_8),
                new String(answer.body(), StandardCharsets.UTF_8));
    }
}
