package io.github.drkit.runtime.steps.dynamodb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.github.drkit.plan.CheckGlobalTableKind;
import io.github.drkit.plan.GlobalTablePlan;
import io.github.drkit.plan.PlanValidationException;
import io.github.drkit.runtime.engine.Execution;
import io.github.drkit.runtime.engine.Inspection;
import io.github.drkit.runtime.engine.Position;
import io.github.drkit.runtime.engine.StateReport;
import io.github.drkit.runtime.engine.Step;
import io.github.drkit.runtime.engine.StepExecutor;
import io.github.drkit.runtime.engine.StepLive;

/**
 * A gate before traffic moves: the global table's replica in the Region traffic moves to is ACTIVE and its replication
 * latency is within the RPO, or the stage fails (unless the run is forced, which passes the gate and says what it
 * passed). On failover it checks the replica in the step's Region, fed from {@code sourceRegion}; on failback the other
 * way round. It changes nothing.
 */
public final class CheckGlobalTableExecutor implements StepExecutor<GlobalTablePlan> {

    @Override
    public String kind() {
        return CheckGlobalTableKind.NAME;
    }

    @Override
    public Class<GlobalTablePlan> type() {
        return GlobalTablePlan.class;
    }

    @Override
    public Map<String, StepLive> inspect(List<GlobalTablePlan> steps, Inspection inspection) {
        List<Callable<StepLive>> reads = new ArrayList<>();
        for (GlobalTablePlan step : steps) {
            reads.add(() -> {
                ReplicaReadiness replica = ReplicaReadiness.read(inspection.aws(step), step.tableName(), step.region(), step.sourceRegion())
                        .orElseThrow(() -> new PlanValidationException(step.path() + ".tableName", "DynamoDB table '" + step.tableName()
                                + "' not found in " + step.region()));
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("sourceRegion", step.sourceRegion());
                details.put("replicaRegions", replica.table().replicas().stream().map(r -> r.regionName() + " " + r.status()).toList().toString());
                if (replica.latencyMillis() != null) {
                    details.put("replicationLatencyMs", replica.latencyMillis());
                }
                details.put("rpoSeconds", step.rpoSeconds());
                details.put("ready", replica.problems(step.rpoSeconds()).isEmpty());
                // A gate has no side: it reads the same in normal operation and after failover.
                return new StepLive(new StateReport.StepStatus(step.path(), CheckGlobalTableKind.NAME, step.region(), step.tableName(),
                        replica.table().status(), details, Position.EITHER), replica);
            });
        }
        List<StepLive> answers = inspection.all(reads);
        Map<String, StepLive> live = new LinkedHashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            live.put(steps.get(i).path(), answers.get(i));
        }
        return live;
    }

    @Override
    public List<Step> failover(GlobalTablePlan step, Execution execution) {
        return List.of(gate(step, execution, step.region(), step.sourceRegion()));
    }

    @Override
    public List<Step> failback(GlobalTablePlan step, Execution execution) {
        return List.of(gate(step, execution, step.sourceRegion(), step.region()));
    }

    private static Step gate(GlobalTablePlan step, Execution execution, String region, String source) {
        return Step.gate("check global table " + step.tableName() + " in " + region, step.path(),
                List.of("replica " + step.tableName() + " in " + region + " ACTIVE", "replication latency from " + source + " within "
                        + step.rpoSeconds() + " s"),
                () -> {
                    // Read again: the preflight's answer may be minutes old by the time the stage runs.
                    ReplicaReadiness replica = ReplicaReadiness.read(execution.aws(step), step.tableName(), region, source).orElse(null);
                    if (replica == null) {
                        return Step.Result.failed("DynamoDB table '" + step.tableName() + "' not found in " + region);
                    }
                    List<String> problems = replica.problems(step.rpoSeconds()).stream().map(ReplicaReadiness.Problem::message).toList();
                    if (problems.isEmpty()) {
                        return Step.Result.done(replica.summary(step.rpoSeconds()));
                    }
                    if (execution.force()) {
                        return Step.Result.done("forced past: " + String.join("; ", problems));
                    }
                    return Step.Result.failed(String.join("; ", problems) + "; run again with force to move traffic anyway");
                });
    }
}
