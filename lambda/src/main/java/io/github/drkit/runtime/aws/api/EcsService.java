package io.github.drkit.runtime.aws.api;

/**
 * An ECS service as DescribeServices and UpdateService report it.
 *
 * @param deployments how many deployments the service has: one when no deployment is in progress
 * @param rolloutState the primary deployment's rollout state ({@code COMPLETED}, {@code IN_PROGRESS}, {@code FAILED});
 *                     null when ECS reports none (services without the circuit breaker in older accounts)
 * @param taskDefinition the ARN of the task definition the service runs; null when the answer names none
 */
public record EcsService(String name, String status, int desiredCount, int runningCount, int pendingCount, int deployments,
                         String rolloutState, String taskDefinition) {

    /** A service whose task definition is not known. */
    public EcsService(String name, String status, int desiredCount, int runningCount, int pendingCount, int deployments, String rolloutState) {
        this(name, status, desiredCount, runningCount, pendingCount, deployments, rolloutState, null);
    }

    /**
     * What steady state still waits for, in words; null when the service is at steady state: ACTIVE, as many tasks
     * running as desired, none pending, one deployment, and that deployment not failed.
     */
    public String notSteady() {
        if (!"ACTIVE".equals(status)) {
            return "service " + name + " is " + status;
        }
        if ("FAILED".equals(rolloutState)) {
            return "service " + name + ": its deployment FAILED";
        }
        if (runningCount != desiredCount || pendingCount != 0) {
            return "service " + name + ": " + runningCount + " of " + desiredCount + " tasks running, " + pendingCount + " pending";
        }
        if (deployments != 1) {
            return "service " + name + ": " + deployments + " deployments, waiting for one";
        }
        return null;
    }
}
