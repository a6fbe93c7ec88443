package io.github.drkit.runtime.extension;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Pattern;

import io.github.drkit.plan.Fields;
import io.github.drkit.plan.StepContext;
import io.github.drkit.plan.StepKind;
import io.github.drkit.plan.Uniqueness;

/** The plan side of {@link FlagStep}: its fields, rules and failback place. */
public final class FlagKind implements StepKind<FlagStep> {
    static final String NAME = "setFlag";
    private static final Pattern NAME_PATTERN = Pattern.compile("[A-Za-z0-9/_.-]{1,255}");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<FlagStep> type() {
        return FlagStep.class;
    }

    @Override
    public FlagStep read(Fields step, StepContext context) {
        String region = context.region(step, "region");
        String namespace = step.requiredMatching("namespace", NAME_PATTERN, "must be a CloudWatch namespace");
        String metricName = step.requiredMatching("metricName", NAME_PATTERN, "must be a CloudWatch metric name");
        step.finish();
        return new FlagStep(region, namespace, metricName, step.path());
    }

    @Override
    public Map<String, Object> write(FlagStep step) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("region", step.region());
        m.put("namespace", step.namespace());
        m.put("metricName", step.metricName());
        return m;
    }

    @Override
    public void checkAcross(List<FlagStep> steps) {
        Uniqueness.unique(steps, s -> s.region() + "/" + s.namespace() + "/" + s.metricName(), FlagStep::path, "metricName", "flag");
    }

    /** Back with the traffic. */
    @Override
    public OptionalInt failbackRank() {
        return OptionalInt.of(10);
    }
}
