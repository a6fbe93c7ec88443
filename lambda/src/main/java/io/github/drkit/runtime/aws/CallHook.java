package io.github.drkit.runtime.aws;

/**
 * Sees every HTTP attempt the runtime makes. Used to observe calls (which operations ran) and, in tests, to
 * stand in for the service's answer by throwing an {@link AwsServiceError}, which the runtime then handles
 * exactly as if the service had sent it: retried when retryable, reported otherwise.
 */
public interface CallHook {

    /**
     * Called before each attempt is sent, on the calling thread. Throwing {@link AwsServiceError} answers in the
     * service's place; the request is then not sent (a service that throttles does not act on the request).
     */
    default void beforeAttempt(Attempt attempt) {
    }

    /**
     * Called after an attempt the service answered with success. Throwing {@link AwsServiceError} replaces that
     * answer: the service acted on the request but its answer was lost, as with a 5xx from a proxy.
     */
    default void afterAttempt(Attempt attempt) {
    }

    /**
     * One attempt of one call.
     *
     * @param number 1 for the first attempt
     */
    record Attempt(String service, String operation, String region, int number) {
    }
}
