package io.github.drkit.runtime.aws;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * An error answer from an AWS service, or a failure to get an answer at all ({@link #statusCode()} 0).
 * Carries the service's error code so that callers can tell "not found" from "refused".
 */
public final class AwsServiceError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Codes AWS services use for "slow down"; every one of them is worth another attempt after a pause. */
    private static final Set<String> THROTTLING = Set.of("Throttling", "ThrottlingException", "ThrottledException",
            "RequestThrottledException", "TooManyRequestsException", "RequestLimitExceeded", "RequestThrottled",
            "BandwidthLimitExceeded", "EC2ThrottledException", "SlowDown", "PriorRequestNotComplete",
            "TransactionInProgressException", "ProvisionedThroughputExceededException");
    private static final Set<String> TRANSIENT = Set.of("RequestTimeout", "RequestTimeoutException", "InternalError",
            "InternalFailure", "ServiceUnavailable", "IDPCommunicationError");

    private final String service;
    private final String operation;
    private final int statusCode;
    private final String errorCode;
    private final String requestId;
    private final List<String> messages;
    private transient boolean clockCorrected;

    public AwsServiceError(String service, String operation, int statusCode, String errorCode, String message, String requestId) {
        this(service, operation, statusCode, errorCode, message == null || message.isBlank() ? List.<String>of() : List.of(message),
                requestId);
    }

    /** An error that carries several messages, as Route 53's {@code InvalidChangeBatch} does: one per refused change. */
    public static AwsServiceError withMessages(String service, String operation, int statusCode, String errorCode, List<String> messages,
                                               String requestId) {
        return new AwsServiceError(service, operation, statusCode, errorCode, messages, requestId);
    }

    private AwsServiceError(String service, String operation, int statusCode, String errorCode, List<String> messages, String requestId) {
        super(service + " " + operation + " failed: " + errorCode + (statusCode > 0 ? " (HTTP " + statusCode + ")" : "")
                + (messages.isEmpty() ? "" : ": " + String.join("; ", messages)));
        this.service = service;
        this.operation = operation;
        this.statusCode = statusCode;
        this.errorCode = errorCode;
        this.requestId = requestId;
        this.messages = List.copyOf(messages);
    }

    /** An error answer the protocol cannot read (a proxy's or load balancer's page): named by its status, its start quoted. */
    static AwsServiceError unreadable(String service, String operation, int status, byte[] body) {
        return new AwsServiceError(service, operation, status, "HTTP" + status,
                new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8), null);
    }

    /** A request that got no answer: the connection failed or timed out. */
    static AwsServiceError noAnswer(String service, String operation, Exception cause) {
        AwsServiceError error = new AwsServiceError(service, operation, 0, cause.getClass().getSimpleName(), cause.getMessage(), null);
        error.initCause(cause);
        return error;
    }

    public String service() {
        return service;
    }

    public String operation() {
        return operation;
    }

    /** The HTTP status of the answer; 0 when none came. */
    public int statusCode() {
        return statusCode;
    }

    /** The service's error code, e.g. {@code DBInstanceNotFound}. */
    public String errorCode() {
        return errorCode;
    }

    public String requestId() {
        return requestId;
    }

    /** The service's messages, in the order it gave them; empty when it gave none. */
    public List<String> messages() {
        return messages;
    }

    /** Marks a refused signature after which the signing clock was corrected: worth one more attempt at once. */
    void markClockCorrected() {
        clockCorrected = true;
    }

    boolean clockCorrected() {
        return clockCorrected;
    }

    /** True when the error code is one of {@code codes}. */
    public boolean is(String... codes) {
        for (String code : codes) {
            if (code.equals(errorCode)) {
                return true;
            }
        }
        return false;
    }

    /** Throttling, 5xx and no answer at all are retried; anything else is the service's considered answer. */
    boolean retryable() {
        return statusCode == 0 || statusCode >= 500 || statusCode == 429 || THROTTLING.contains(errorCode)
                || TRANSIENT.contains(errorCode);
    }
}
