package io.github.drkit.runtime.scenario;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Replaces the emulator's answer to one operation with an error, for the first {@code times} attempts:
 * how a test sees the runtime meet throttling and 5xx answers. The request still reaches the emulator (as a
 * request AWS processed but answered badly would), and the SDK's real retry logic handles the error.
 */
public final class FaultInjector implements ExecutionInterceptor {
    private static final ExecutionAttribute<Boolean> THIS_ATTEMPT = new ExecutionAttribute<>("drkit.test.inject");

    private final String operation;
    private final int times;
    private final int status;
    private final String body;
    private final AtomicInteger injected = new AtomicInteger();

    private FaultInjector(String operation, int times, int status, String body) {
        this.operation = operation;
        this.times = times;
        this.status = status;
        this.body = body;
    }

    /** A query-protocol (Auto Scaling, EC2-style XML) throttling answer. */
    public static FaultInjector throttling(String operation, int times) {
        return new FaultInjector(operation, times, 400, "<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code>"
                + "<Message>Rate exceeded</Message></Error><RequestId>drkit-test</RequestId></ErrorResponse>");
    }

    /** A 500 Internal Failure answer in Route 53's XML. */
    public static FaultInjector serverError(String operation, int times) {
        return new FaultInjector(operation, times, 500, "<ErrorResponse><Error><Type>Receiver</Type><Code>InternalFailure</Code>"
                + "<Message>We encountered an internal error</Message></Error><RequestId>drkit-test</RequestId></ErrorResponse>");
    }

    public int injected() {
        return injected.get();
    }

    private boolean applies(ExecutionAttributes attributes) {
        return operation.equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    }

    @Override
    public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        if (applies(attributes) && injected.get() < times) {
            attributes.putAttribute(THIS_ATTEMPT, true);
            return context.httpResponse().toBuilder().statusCode(status).build();
        }
        attributes.putAttribute(THIS_ATTEMPT, false);
        return context.httpResponse();
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        if (Boolean.TRUE.equals(attributes.getAttribute(THIS_ATTEMPT))) {
            injected.incrementAndGet();
            return Optional.of(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
        }
        return context.responseBody();
    }
}
