package io.github.drkit.runtime.extension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.github.drkit.runtime.engine.Execution;
import io.github.drkit.runtime.engine.Inspection;
import io.github.drkit.runtime.engine.Position;
import io.github.drkit.runtime.engine.StateReport;
import io.github.drkit.runtime.engine.Step;
import io.github.drkit.runtime.engine.StepExecutor;
import io.github.drkit.runtime.engine.StepLive;

/** The runtime side of {@link FlagStep}: reads the flag's last value, publishes 1 on failover and 0 on failback. */
public final class FlagExecutor implements StepExecutor<FlagStep> {
    private static final Duration LOOK_BACK = Duration.ofMinutes(15);

    @Override
    public String kind() {
        return FlagKind.NAME;
    }

    @Override
    public Class<FlagStep> type() {
        return FlagStep.class;
    }

    @Override
    public Map<String, StepLive> inspect(List<FlagStep> steps, Inspection inspection) {
        List<Callable<StepLive>> reads = new ArrayList<>();
        for (FlagStep step : steps) {
            reads.add(() -> {
                Optional<Double> value = inspection.aws().cloudWatch()
                        .latestMaximum(step.region(), step.namespace(), step.metricName(), Map.of(), LOOK_BACK);
                Position position = value.isEmpty() || value.get() == 0 ? Position.NORMAL
                        : value.get() == 1 ? Position.FAILED_OVER : Position.OTHER;
                Map<String, Object> details = new LinkedHashMap<>();
                value.ifPresent(v -> details.put("value", v));
                return new StepLive(new StateReport.StepStatus(step.path(), FlagKind.NAME, step.region(),
                        step.namespace() + "/" + step.metricName(), null, details, position), value.orElse(0.0));
            });
        }
        Map<String, StepLive> live = new LinkedHashMap<>();
        List<StepLive> answers = inspection.all(reads);
        for (int i = 0; i < steps.size(); i++) {
            live.put(steps.get(i).path(), answers.get(i));
        }
        return live;
    }

    @Override
    public List<Step> failover(FlagStep step, Execution execution) {
        return List.of(set(step, execution, 1));
    }

    @Override
    public List<Step> failback(FlagStep step, Execution execution) {
        return List.of(set(step, execution, 0));
    }

    private static Step set(FlagStep step, Execution execution, double value) {
        double now = execution.state(step, Double.class);
        List<String> changes = now == value ? List.of() : List.of("publish " + step.metricName() + " = " + value);
        return Step.change("set flag " + step.metricName(), step.path(), changes, () -> {
            execution.aws().cloudWatch().putMetric(step.region(), step.namespace(), step.metricName(), Map.of(), value);
            return Step.Result.done("published " + value);
        }, "flag already " + value);
    }
}
