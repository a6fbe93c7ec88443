package io.github.drkit.runtime.aws;

/**
 * One AWS API call as the report shows it.
 *
 * @param attempts   HTTP attempts, more than 1 when throttling or 5xx answers were retried
 * @param httpStatus the last answer's status; 0 when no answer came
 * @param error      the error code of a failed call; null on success
 * @param account    the AWS account the call was made in: the assumed role's for a step in another account, the
 *                   runtime's own when its clients know it; null when they do not
 */
public record AwsCall(String service, String operation, String region, int attempts, int httpStatus,
                      long millis, String error, String account) {

    /** A call whose account is not known. */
    public AwsCall(String service, String operation, String region, int attempts, int httpStatus, long millis, String error) {
        this(service, operation, region, attempts, httpStatus, millis, error, null);
    }

    /**
     * True for calls that change something; the read-only prefixes are the AWS naming convention, and assuming a
     * role (web identity credentials, fetched while a step runs) changes nothing either.
     */
    public boolean mutating() {
        return !(operation.startsWith("Describe") || operation.startsWith("List") || operation.startsWith("Get")
                || operation.startsWith("AssumeRole"));
    }
}
