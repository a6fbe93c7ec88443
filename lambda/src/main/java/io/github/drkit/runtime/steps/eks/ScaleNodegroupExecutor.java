package io.github.drkit.runtime.steps.eks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import io.github.drkit.plan.Capacity;
import io.github.drkit.plan.NodegroupPlan;
import io.github.drkit.plan.PlanValidationException;
import io.github.drkit.plan.ScaleNodegroupKind;
import io.github.drkit.runtime.aws.AwsServiceError;
import io.github.drkit.runtime.aws.api.EksNodegroup;
import io.github.drkit.runtime.aws.api.EksUpdate;
import io.github.drkit.runtime.engine.Execution;
import io.github.drkit.runtime.engine.Inspection;
import io.github.drkit.runtime.engine.Position;
import io.github.drkit.runtime.engine.StateReport;
import io.github.drkit.runtime.engine.Step;
import io.github.drkit.runtime.engine.StepExecutor;
import io.github.drkit.runtime.engine.StepLive;

/**
 * Sets an EKS managed node group's scaling configuration to recovery on failover and back to standby on failback, and
 * waits until the update is done and the node group is ACTIVE with that configuration.
 */
public final class ScaleNodegroupExecutor implements StepExecutor<NodegroupPlan> {
    @Override
    public String kind() {
        return ScaleNodegroupKind.NAME;
    }

    @Override
    public Class<NodegroupPlan> type() {
        return NodegroupPlan.class;
    }

    /** EKS reads one node group per call: the reads run at once. */
    @Override
    public Map<String, StepLive> inspect(List<NodegroupPlan> steps, Inspection inspection) {
        List<Callable<StepLive>> reads = new ArrayList<>();
        for (NodegroupPlan step : steps) {
            reads.add(() -> {
                EksNodegroup nodegroup = describe(step, inspection.aws(step).eks()::describeNodegroup);
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("minSize", nodegroup.scaling().min());
                details.put("desiredSize", nodegroup.scaling().desired());
                details.put("maxSize", nodegroup.scaling().max());
                return new StepLive(new StateReport.StepStatus(step.path(), ScaleNodegroupKind.NAME, step.region(),
                        step.clusterName() + "/" + step.nodegroupName(), nodegroup.status(), details, position(step, nodegroup.scaling())),
                        nodegroup);
            });
        }
        Map<String, StepLive> live = new LinkedHashMap<>();
        List<StepLive> answers = inspection.all(reads);
        for (int i = 0; i < steps.size(); i++) {
            live.put(steps.get(i).path(), answers.get(i));
        }
        return live;
    }

    @FunctionalInterface
    private interface Describe {
        EksNodegroup describe(String region, String cluster, String nodegroup);
    }

    private static EksNodegroup describe(NodegroupPlan step, Describe describe) {
        try {
            return describe.describe(step.region(), step.clusterName(), step.nodegroupName());
        } catch (AwsServiceError e) {
            if (e.is("ResourceNotFoundException")) {
                throw new PlanValidationException(step.path() + ".nodegroupName", "EKS node group '" + step.nodegroupName()
                        + "' not found in cluster '" + step.clusterName() + "' in " + step.region() + " (" + e.getMessage() + ")");
            }
            throw e;
        }
    }

    /** NORMAL at standby; FAILED_OVER at recovery or above in every count (failover never shrinks); EITHER when they are equal. */
    static Position position(NodegroupPlan step, Capacity live) {
        boolean normal = live.equals(step.standby());
        boolean failedOver = live.min() >= step.recovery().min() && live.desired() >= step.recovery().desired()
                && live.max() >= step.recovery().max();
        if (normal && failedOver) {
            return Position.EITHER;
        }
        return normal ? Position.NORMAL : failedOver ? Position.FAILED_OVER : Position.OTHER;
    }

    /** The larger of each live count and the recovery count: a node group scaled further by hand keeps its size. */
    @Override
    public List<Step> failover(NodegroupPlan step, Execution execution) {
        EksNodegroup live = execution.state(step, EksNodegroup.class);
        return List.of(scale(step, execution, live.scaling(), live.scaling().atLeast(step.recovery()), "recovery"));
    }

    @Override
    public List<Step> failback(NodegroupPlan step, Execution execution) {
        EksNodegroup live = execution.state(step, EksNodegroup.class);
        return List.of(scale(step, execution, live.scaling(), step.standby(), "standby"));
    }

    private static Step scale(NodegroupPlan step, Execution execution, Capacity live, Capacity target, String which) {
        String name = "scale node group " + step.clusterName() + "/" + step.nodegroupName();
        List<String> changes = live.equals(target) ? List.of()
                : List.of("scaling min/desired/max " + sizes(live) + " -> " + sizes(target) + " (" + which + ")");
        return Step.change(name, step.path(), changes, () -> {
            EksNodegroup now = describe(step, execution.aws(step).eks()::describeNodegroup);
            if (now.scaling().equals(target)) {
                return Step.Result.byAnotherRun("scaling already " + sizes(target));
            }
            EksUpdate update = execution.aws(step).eks().updateScaling(step.region(), step.clusterName(), step.nodegroupName(), target);
            return awaitUpdate(step, execution, update, target);
        }, "scaling already " + sizes(target) + " (" + which + ")");
    }

    /**
     * Done when the update is Successful (as UpdateNodegroupConfig answered, or as DescribeUpdate reads it later) and the
     * node group is ACTIVE with the target scaling; a Failed or Cancelled update fails the step with its errors.
     */
    private static Step.Result awaitUpdate(NodegroupPlan step, Execution execution, EksUpdate first, Capacity target) {
        Duration timeout = Duration.ofSeconds(step.updateTimeoutSeconds());
        AtomicReference<EksUpdate> update = new AtomicReference<>(first);
        String pending = execution.await(step.path(), timeout, () -> {
            if (!update.get().isSuccessful() && !update.get().hasFailed()) {
                update.set(execution.aws(step).eks().describeUpdate(step.region(), step.clusterName(), step.nodegroupName(), first.id()));
            }
            if (update.get().hasFailed()) {
                return null;
            }
            if (!update.get().isSuccessful()) {
                return "update " + first.id() + " of node group " + step.nodegroupName() + ": " + update.get().status();
            }
            EksNodegroup now = execution.aws(step).eks().describeNodegroup(step.region(), step.clusterName(), step.nodegroupName());
            if (!"ACTIVE".equals(now.status()) || !now.scaling().equals(target)) {
                return "node group " + step.nodegroupName() + ": " + now.status() + " at " + sizes(now.scaling()) + ", expected ACTIVE at " + sizes(target);
            }
            return null;
        });
        if (update.get().hasFailed()) {
            return Step.Result.failed("update " + first.id() + " " + update.get().status() + ": " + String.join("; ", update.get().errors()));
        }
        if (pending != null) {
            return Step.Result.failed("update " + first.id() + " sent; not done within " + timeout.toSeconds() + " s (or the run's deadline): " + pending);
        }
        return Step.Result.done("scaling set to " + sizes(target) + " (update " + first.id() + " Successful); node group ACTIVE");
    }

    private static String sizes(Capacity capacity) {
        return capacity.min() + "/" + capacity.desired() + "/" + capacity.max();
    }
}
