package io.github.drkit.objectives;

import io.github.drkit.internal.protection.Durations;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awscdk.Stack;

/**
 * One stack's line of the DR summary: its strategy, RTO and RPO estimates against its objectives,
 * and what its standby costs a month.
 */
public final class StackSummary {
    private final String stackName;
    private final String path;
    private final String region;
    private final ObjectivesAssessment assessment;
    private final StandbyCost standbyCost;
    private final List<Map<String, Object>> protections;

    StackSummary(String stackName, String path, String region, ObjectivesAssessment assessment, StandbyCost standbyCost,
            List<Map<String, Object>> protections) {
        this.stackName = stackName;
        this.path = path;
        this.region = region;
        this.assessment = assessment;
        this.standbyCost = standbyCost;
        this.protections = List.copyOf(protections);
    }

    /** Summarizes one stack; synthesizes its app to price it. */
    public static StackSummary of(Stack stack, PriceTable prices) {
        return new StackSummary(stack.getStackName(), stack.getNode().getPath(), stack.getRegion(),
                ObjectivesAssessment.of(stack), StandbyCost.of(stack, prices), DataProtections.of(stack));
    }

    /** Summarizes one stack without pricing it, for an app that does not synthesize. */
    static StackSummary unpriced(Stack stack) {
        return new StackSummary(stack.getStackName(), stack.getNode().getPath(), stack.getRegion(),
                ObjectivesAssessment.of(stack), null, DataProtections.of(stack));
    }

    /** What protects the stack's data, as its constructs declare it (see {@link DataProtections}). */
    public List<Map<String, Object>> protections() {
        return protections;
    }

    public String stackName() {
        return stackName;
    }

    public String path() {
        return path;
    }

    public String region() {
        return region;
    }

    /** The strategy of the stack (the fastest of its estimators), or null when nothing in it estimates. */
    public DrStrategy strategy() {
        return assessment.strategy();
    }

    public ObjectivesAssessment assessment() {
        return assessment;
    }

    public Duration rtoEstimate() {
        return assessment.rto();
    }

    public Duration rtoObjective() {
        return assessment.objectives() == null ? null : Durations.knownOrNull("RecoveryObjectives", "rto", assessment.objectives().getRto());
    }

    public Duration rpoEstimate() {
        return assessment.rpo();
    }

    public Duration rpoObjective() {
        return assessment.objectives() == null ? null : Durations.knownOrNull("RecoveryObjectives", "rpo", assessment.objectives().getRpo());
    }

    /** The standby cost, or null when the app did not synthesize (see {@link DrSummary#write}). */
    public StandbyCost standbyCost() {
        return standbyCost;
    }

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stack", stackName);
        m.put("path", path);
        m.put("region", region);
        m.put("strategy", strategy() == null ? null : strategy().name());

        RecoveryEstimate rtoBy = assessment.rtoEstimate();
        Map<String, Object> rto = new LinkedHashMap<>();
        rto.put("objective", text(rtoObjective()));
        rto.put("objectiveSeconds", seconds(rtoObjective()));
        rto.put("estimate", text(rtoEstimate()));
        rto.put("estimateSeconds", seconds(rtoEstimate()));
        rto.put("met", assessment.rtoMet());
        rto.put("decidedBy", rtoBy == null ? null : rtoBy.source());
        rto.put("terms", rtoBy == null ? List.of() : terms(rtoBy.rtoTerms()));
        m.put("rto", rto);

        RecoveryEstimate rpoBy = assessment.rpoEstimate();
        Map<String, Object> rpo = new LinkedHashMap<>();
        rpo.put("objective", text(rpoObjective()));
        rpo.put("objectiveSeconds", seconds(rpoObjective()));
        rpo.put("estimate", rpoBy != null && !rpoBy.rpoBounded() ? "unbounded" : text(rpoEstimate()));
        rpo.put("estimateSeconds", seconds(rpoEstimate()));
        rpo.put("bounded", assessment.rpoBounded());
        rpo.put("unboundedReason", rpoBy == null ? null : rpoBy.rpoUnboundedReason());
        rpo.put("met", assessment.rpoMet());
        rpo.put("decidedBy", rpoBy == null ? null : rpoBy.source());
        rpo.put("terms", rpoBy == null ? List.of() : terms(rpoBy.rpoTerms()));
        m.put("rpo", rpo);

        if (standbyCost == null) {
            m.put("standbyCost", null);
        } else {
            m.put("standbyCost", costMap());
        }

        m.put("estimators", assessment.estimates().stream().map(e -> {
            Map<String, Object> est = new LinkedHashMap<>();
            est.put("source", e.source());
            est.put("strategy", e.strategy().name());
            est.put("rto", e.rtoTerms().isEmpty() ? null : text(e.rto()));
            est.put("rpo", !e.rpoBounded() ? "unbounded" : e.rpoTerms().isEmpty() ? null : text(e.rpo()));
            return est;
        }).collect(Collectors.toList()));
        m.put("violations", assessment.violations());
        m.put("protections", protections);
        return m;
    }

    private Map<String, Object> costMap() {
        Map<String, Object> cost = new LinkedHashMap<>();
        cost.put("monthlyUsd", cents(standbyCost.monthlyUsd()));
        cost.put("pricedRegion", standbyCost.pricedRegion());
        cost.put("lines", standbyCost.lines().stream().map(l -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("logicalId", l.logicalId());
            line.put("type", l.resourceType());
            line.put("description", l.description());
            line.put("monthlyUsd", cents(l.monthlyUsd()));
            return line;
        }).collect(Collectors.toList()));
        cost.put("unpriced", standbyCost.unpriced());
        return cost;
    }

    private static List<Map<String, Object>> terms(List<EstimateTerm> terms) {
        return terms.stream().map(t -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", t.name());
            m.put("seconds", t.duration().getSeconds());
            m.put("basis", t.basis());
            m.put("prop", t.prop());
            return m;
        }).collect(Collectors.toList());
    }

    private static String text(Duration d) {
        return d == null ? null : Format.duration(d);
    }

    private static Long seconds(Duration d) {
        return d == null ? null : d.getSeconds();
    }

    static double cents(double usd) {
        return Math.round(usd * 100) / 100.0;
    }
}
