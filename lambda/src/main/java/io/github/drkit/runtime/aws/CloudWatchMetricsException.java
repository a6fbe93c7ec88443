package io.github.drkit.runtime.aws;

/**
 * A CloudWatch call that failed: AWS answered with an error, or, after the last attempt, did not answer.
 *
 * <p>{@link #errorCode()} is the AWS error code ({@code InvalidParameterValue}, {@code Throttling}, ...) when AWS
 * answered, otherwise the class name of the I/O failure, as the call report names it.
 */
public final class CloudWatchMetricsException extends RuntimeException {
    private final String operation;
    private final String errorCode;
    private final String errorMessage;
    private final int httpStatus;
    private final int attempts;

    CloudWatchMetricsException(String operation, String errorCode, String errorMessage, int httpStatus, int attempts, Throwable cause) {
        super("CloudWatch " + operation + " failed: " + errorCode + (errorMessage == null || errorMessage.isEmpty() ? "" : ": " + errorMessage)
                + " (" + (httpStatus == 0 ? "no answer" : "HTTP " + httpStatus) + ", " + attempts
                + (attempts == 1 ? " attempt)" : " attempts)"), cause);
        this.operation = operation;
        this.errorCode = errorCode;
        this.errorMessage = errorMessage;
        this.httpStatus = httpStatus;
        this.attempts = attempts;
    }

    /** {@code PutMetricData} or {@code GetMetricStatistics}. */
    public String operation() {
        return operation;
    }

    public String errorCode() {
        return errorCode;
    }

    /** AWS's message; null when the answer carried none. */
    public String errorMessage() {
        return errorMessage;
    }

    /** The last answer's HTTP status; 0 when no answer came. */
    public int httpStatus() {
        return httpStatus;
    }

    public int attempts() {
        return attempts;
    }
}
