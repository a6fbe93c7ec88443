package io.github.drkit.runtime.steps.ecs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.github.drkit.plan.PlanValidationException;
import io.github.drkit.plan.ScaleServiceKind;
import io.github.drkit.plan.ServicePlan;
import io.github.drkit.runtime.aws.AwsServiceError;
import io.github.drkit.runtime.aws.api.EcsApi;
import io.github.drkit.runtime.aws.api.EcsService;
import io.github.drkit.runtime.aws.api.EcsServices;
import io.github.drkit.runtime.engine.Execution;
import io.github.drkit.runtime.engine.Inspection;
import io.github.drkit.runtime.engine.Position;
import io.github.drkit.runtime.engine.StateReport;
import io.github.drkit.runtime.engine.Step;
import io.github.drkit.runtime.engine.StepExecutor;
import io.github.drkit.runtime.engine.StepLive;

/**
 * Scales an ECS service to its recovery desired count on failover (or to the plan's share of the primary service's
 * desired count, read from the primary Region when it answers) and back to standby on failback; each waits for steady
 * state: as many tasks running as desired, none pending, one deployment.
 */
public final class ScaleServiceExecutor implements StepExecutor<ServicePlan> {
    @Override
    public String kind() {
        return ScaleServiceKind.NAME;
    }

    @Override
    public Class<ServicePlan> type() {
        return ServicePlan.class;
    }

    /** One DescribeServices per account, cluster and batch of ten services, all at once. */
    @Override
    public Map<String, StepLive> inspect(List<ServicePlan> steps, Inspection inspection) {
        // The clients are per account (a step in another account reads through its role's session): a batch shares them.
        Map<List<Object>, List<ServicePlan>> byCluster = new LinkedHashMap<>();
        for (ServicePlan step : steps) {
            byCluster.computeIfAbsent(List.of(inspection.aws(step), step.region(), step.cluster()), k -> new ArrayList<>()).add(step);
        }
        List<List<ServicePlan>> batches = new ArrayList<>();
        for (List<ServicePlan> cluster : byCluster.values()) {
            for (int i = 0; i < cluster.size(); i += EcsApi.DESCRIBE_BATCH) {
                batches.add(cluster.subList(i, Math.min(cluster.size(), i + EcsApi.DESCRIBE_BATCH)));
            }
        }
        List<Callable<Map<String, StepLive>>> reads = new ArrayList<>();
        for (List<ServicePlan> batch : batches) {
            reads.add(() -> read(batch, inspection));
        }
        Map<String, StepLive> live = new LinkedHashMap<>();
        inspection.all(reads).forEach(live::putAll);
        return live;
    }

    private static Map<String, StepLive> read(List<ServicePlan> batch, Inspection inspection) {
        ServicePlan first = batch.get(0);
        EcsServices answer;
        try {
            answer = inspection.aws(first).ecs().describeServices(first.region(), first.cluster(), batch.stream().map(ServicePlan::service).toList());
        } catch (AwsServiceError e) {
            if (e.is("ClusterNotFoundException")) {
                throw new PlanValidationException(first.path() + ".cluster", "ECS cluster '" + first.cluster() + "' not found in " + first.region());
            }
            throw e;
        }
        Map<String, StepLive> live = new LinkedHashMap<>();
        for (ServicePlan step : batch) {
            EcsService service = answer.services().stream()
                    .filter(s -> s.name().equals(step.service()) && !"INACTIVE".equals(s.status())).findFirst()
                    .orElseThrow(() -> new PlanValidationException(step.path() + ".service", "ECS service '" + step.service()
                            + "' not found in cluster '" + step.cluster() + "' in " + step.region()));
            live.put(step.path(), new StepLive(status(step, service), service));
        }
        return live;
    }

    private static StateReport.StepStatus status(ServicePlan step, EcsService service) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("desiredCount", service.desiredCount());
        details.put("runningCount", service.runningCount());
        details.put("pendingCount", service.pendingCount());
        details.put("deployments", service.deployments());
        if (service.rolloutState() != null) {
            details.put("rolloutState", service.rolloutState());
        }
        return new StateReport.StepStatus(step.path(), ScaleServiceKind.NAME, step.region(), step.cluster() + "/" + step.service(),
                service.status(), details, position(step, service.desiredCount()));
    }

    /**
     * NORMAL at the standby count; FAILED_OVER at the recovery count or above (at any count above standby when failover
     * follows the primary, whose count it cannot know in advance); EITHER when both counts are the same.
     */
    static Position position(ServicePlan step, int desired) {
        int failedOver = step.followsPrimary() ? step.standbyDesiredCount() + 1 : step.recoveryDesiredCount();
        if (!step.followsPrimary() && step.standbyDesiredCount() == step.recoveryDesiredCount() && desired == failedOver) {
            return Position.EITHER;
        }
        if (desired == step.standbyDesiredCount()) {
            return Position.NORMAL;
        }
        return desired >= failedOver ? Position.FAILED_OVER : Position.OTHER;
    }

    /**
     * Never shrinks a service that already runs more tasks than the target (someone scaled it out during the
     * outage): the target is the larger of the live count and the recovery count.
     */
    @Override
    public List<Step> failover(ServicePlan step, Execution execution) {
        EcsService live = execution.state(step, EcsService.class);
        RecoveryCount target = RecoveryCount.of(step, execution);
        int desired = Math.max(live.desiredCount(), target.count());
        return List.of(scale(step, execution, live, desired, target.source(), true));
    }

    @Override
    public List<Step> failback(ServicePlan step, Execution execution) {
        EcsService live = execution.state(step, EcsService.class);
        return List.of(scale(step, execution, live, step.standbyDesiredCount(), "standbyDesiredCount", false));
    }

    private static Step scale(ServicePlan step, Execution execution, EcsService live, int desired, String source, boolean failover) {
        String name = "scale service " + step.cluster() + "/" + step.service();
        if (live.desiredCount() == desired) {
            if (live.notSteady() == null) {
                return Step.change(name, step.path(), List.of(), () -> Step.Result.noChange("already at " + desired + " desired"),
                        "desiredCount already " + desired + " (" + source + ") and at steady state");
            }
            // The count is right but the service has not settled (an earlier run's change still rolling out): wait for it.
            return Step.gate("wait for service " + step.cluster() + "/" + step.service(), step.path(),
                    List.of("steady state at " + desired + " tasks"), () -> awaitSteady(step, execution, desired, "desired count already " + desired));
        }
        List<String> changes = List.of("desiredCount " + live.desiredCount() + " -> " + desired + " (" + source + ")");
        return Step.change(name, step.path(), changes, () -> {
            EcsService now = describe(step, execution);
            boolean done = failover ? now.desiredCount() >= desired : now.desiredCount() == desired;
            if (done) {
                Step.Result steady = awaitSteady(step, execution, now.desiredCount(), "desiredCount " + now.desiredCount());
                return steady.outcome() == io.github.drkit.runtime.engine.StepReport.Outcome.FAILED ? steady
                        : Step.Result.byAnotherRun("desiredCount already " + now.desiredCount() + "; " + steady.detail());
            }
            execution.aws(step).ecs().updateDesiredCount(step.region(), step.cluster(), step.service(), desired);
            return awaitSteady(step, execution, desired, "desiredCount set to " + desired + " (" + source + ")");
        }, null);
    }

    private static Step.Result awaitSteady(ServicePlan step, Execution execution, int desired, String done) {
        Duration timeout = Duration.ofSeconds(step.steadyStateTimeoutSeconds());
        String pending = execution.await(step.path(), timeout, () -> {
            EcsService now = describe(step, execution);
            String notSteady = now.notSteady();
            if (notSteady == null && now.desiredCount() != desired) {
                return "service " + step.service() + ": desired count " + now.desiredCount() + ", expected " + desired;
            }
            return notSteady;
        });
        if (pending != null) {
            return Step.Result.failed(done + "; steady state not reached within " + timeout.toSeconds() + " s (or the run's deadline): " + pending);
        }
        return Step.Result.done(done + "; steady state: " + desired + " of " + desired + " tasks running, one deployment");
    }

    private static EcsService describe(ServicePlan step, Execution execution) {
        EcsServices answer = execution.aws(step).ecs().describeServices(step.region(), step.cluster(), List.of(step.service()));
        return answer.services().stream().filter(s -> s.name().equals(step.service())).findFirst()
                .orElseThrow(() -> new IllegalStateException("ECS service '" + step.service() + "' is no longer in cluster '"
                        + step.cluster() + "' in " + step.region()));
    }
}
