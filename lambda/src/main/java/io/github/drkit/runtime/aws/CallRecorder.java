package io.github.drkit.runtime.aws;

import java.util.Optional;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.awscore.AwsExecutionAttribute;

/** Records every call, with its attempts and outcome, into the {@link CallLog} bound to the calling thread. */
final class CallRecorder implements ExecutionInterceptor {
    private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("drkit.started");
    private static final ExecutionAttribute<Integer> ATTEMPTS = new ExecutionAttribute<>("drkit.attempts");
    private static final ExecutionAttribute<Integer> STATUS = new ExecutionAttribute<>("drkit.status");

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(STARTED, System.nanoTime());
        attributes.putAttribute(ATTEMPTS, 0);
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        attributes.putAttribute(ATTEMPTS, attributes.getAttribute(ATTEMPTS) + 1);
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        attributes.putAttribute(STATUS, context.httpResponse().statusCode());
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        record(attributes, null);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        Throwable failure = context.exception();
        String error = failure instanceof AwsServiceException service && service.awsErrorDetails() != null
                ? service.awsErrorDetails().errorCode()
                : failure.getClass().getSimpleName();
        record(attributes, error == null ? "Unknown" : error);
    }

    private static void record(ExecutionAttributes attributes, String error) {
        CallLog log = CallLog.current();
        if (log == null) {
            return;
        }
        Long started = attributes.getAttribute(STARTED);
        Integer attempts = attributes.getAttribute(ATTEMPTS);
        Integer status = attributes.getAttribute(STATUS);
        String region = Optional.ofNullable(attributes.getAttribute(AwsExecutionAttribute.AWS_REGION))
                .map(Object::toString).orElse("");
        log.add(new AwsCall(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
                attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), region,
                attempts == null ? 0 : attempts, status == null ? 0 : status,
                started == null ? 0 : (System.nanoTime() - started) / 1_000_000, error));
    }
}
