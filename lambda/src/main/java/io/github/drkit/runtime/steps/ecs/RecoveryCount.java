package io.github.drkit.runtime.steps.ecs;

import java.time.Duration;
import java.util.List;

import io.github.drkit.plan.ServicePlan;
import io.github.drkit.runtime.aws.CallLog;
import io.github.drkit.runtime.aws.Deadline;
import io.github.drkit.runtime.aws.api.EcsService;
import io.github.drkit.runtime.engine.Execution;

/**
 * The desired count failover asks of a service, and where it came from, as the report says it: the plan's share of
 * the primary service's desired count when the plan follows the primary and the primary Region answers in time, the
 * plan's {@code recoveryDesiredCount} otherwise.
 */
record RecoveryCount(int count, String source) {
    /**
     * How long failover waits for the primary Region's answer before it takes the plan's count: in an outage that
     * Region may not answer at all, and the recovery must not spend its deadline on it.
     */
    static final Duration PRIMARY_READ = Duration.ofSeconds(10);

    static RecoveryCount of(ServicePlan step, Execution execution) {
        String planCount = "the plan's recoveryDesiredCount";
        if (!step.followsPrimary()) {
            return new RecoveryCount(step.recoveryDesiredCount(), planCount);
        }
        String primary = step.primaryCluster() + "/" + step.primaryService() + " in " + step.primaryRegion();
        EcsService service;
        try {
            Deadline bounded = Deadline.after(Deadline.current().cap(PRIMARY_READ));
            service = new CallLog(bounded).bind(() -> execution.aws(step).ecs()
                    .describeServices(step.primaryRegion(), step.primaryCluster(), List.of(step.primaryService()))
                    .services().stream().filter(s -> s.name().equals(step.primaryService())).findFirst().orElse(null));
        } catch (RuntimeException unanswered) {
            return new RecoveryCount(step.recoveryDesiredCount(), planCount + ": the primary service " + primary + " could not be read ("
                    + unanswered.getClass().getSimpleName() + ": " + unanswered.getMessage() + ")");
        }
        if (service == null) {
            return new RecoveryCount(step.recoveryDesiredCount(), planCount + ": the primary service " + primary + " was not found");
        }
        if (service.desiredCount() <= 0) {
            return new RecoveryCount(step.recoveryDesiredCount(), planCount + ": the primary service " + primary + " asks for no task");
        }
        int count = step.recoveryCount(service.desiredCount());
        return new RecoveryCount(count, step.recoveryPercentOfPrimary() + "% of the primary service's desired count "
                + service.desiredCount() + ", " + primary);
    }
}
