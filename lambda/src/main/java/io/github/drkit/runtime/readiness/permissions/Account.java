package io.github.drkit.runtime.readiness.permissions;

/**
 * The partition and account the failover role's grants name, read from the role's ARN: the constructs scope every
 * resource to the stack's account.
 */
public record Account(String partition, String id) {
    /** {@code arn:<partition>:<service>:<region>:<account>:<resource>}. */
    public String arn(String service, String region, String resource) {
        return "arn:" + partition + ":" + service + ":" + region + ":" + id + ":" + resource;
    }

    /** An ARN that names no account, as EC2 snapshots and images and Route 53 resources do. */
    public String arnWithoutAccount(String service, String region, String resource) {
        return "arn:" + partition + ":" + service + ":" + region + "::" + resource;
    }
}
