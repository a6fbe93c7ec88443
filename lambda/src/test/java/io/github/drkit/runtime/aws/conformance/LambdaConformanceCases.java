package io.github.drkit.runtime.aws.conformance;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import io.github.drkit.runtime.aws.api.LambdaApi;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;

/** The Lambda operations of custom actions: a function's configuration, and Invoke answered with and without a function error. */
final class LambdaConformanceCases {
    static final String ARN = "arn:aws:lambda:us-west-2:123456789012:function:shop-flags:live";
    private static final String PAYLOAD = "{\"flag\":\"read-only\",\"drkit\":{\"idempotencyKey\":\"6b86b273ff34fce1\",\"action\":\"failover\"}}";
    private static final String LOG = "START RequestId: 1f2e Version: 7\nflag read-only set\nEND RequestId: 1f2e\n";

    private LambdaConformanceCases() {
    }

    static ConformanceCase functionConfiguration() {
        return new ConformanceCase("LambdaApi.functionConfiguration", CannedAnswer.json(200, "application/json", """
                {"FunctionName": "shop-flags", "FunctionArn": "%s", "Runtime": "java21", "Role": "arn:aws:iam::123456789012:role/flags",
                 "Handler": "flags.Handler", "Timeout": 30, "MemorySize": 512, "Version": "7", "State": "Active",
                 "StateReason": "The function is ready", "LastUpdateStatus": "Successful", "PackageType": "Zip"}""".formatted(ARN), Map.of()),
                aws -> aws.lambda().functionConfiguration(ConformanceCases.REGION, ARN),
                sdk -> {
                    GetFunctionConfigurationResponse c = sdk.lambda.getFunctionConfiguration(r -> r.functionName(ARN));
                    return new LambdaApi.FunctionConfiguration(c.functionArn(), c.stateAsString(), c.stateReason(),
                            c.lastUpdateStatusAsString(), c.version(), c.timeout());
                });
    }

    static ConformanceCase invoke() {
        return invokeCase(CannedAnswer.json(200, "application/json", "{\"changed\": true, \"flag\": \"read-only\"}",
                Map.of("X-Amz-Executed-Version", "7", "X-Amz-Log-Result", Base64.getEncoder().encodeToString(LOG.getBytes(StandardCharsets.UTF_8)))));
    }

    /** A function that threw: still HTTP 200, the error in a header and the error document as the payload. */
    static ConformanceCase invokeFunctionError() {
        return invokeCase(CannedAnswer.json(200, "application/json",
                "{\"errorMessage\": \"queue still has 12 messages\", \"errorType\": \"IllegalStateException\"}",
                Map.of("X-Amz-Function-Error", "Unhandled", "X-Amz-Executed-Version", "7")));
    }

    private static ConformanceCase invokeCase(CannedAnswer answer) {
        return new ConformanceCase("LambdaApi.invoke", answer,
                aws -> aws.lambda().invoke(ConformanceCases.REGION, ARN, PAYLOAD),
                sdk -> {
                    InvokeResponse r = sdk.lambda.invoke(b -> b.functionName(ARN).invocationType(InvocationType.REQUEST_RESPONSE)
                            .logType(LogType.TAIL).payload(SdkBytes.fromUtf8String(PAYLOAD)));
                    return new LambdaApi.Invocation(r.statusCode(), r.functionError(), r.executedVersion(),
                            r.logResult() == null ? null : new String(Base64.getDecoder().decode(r.logResult()), StandardCharsets.UTF_8),
                            r.payload().asUtf8String());
                });
    }
}
