package io.github.drkit.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/** {@code checkGlobalTable}: a gate on a DynamoDB global table's replica and its replication latency ({@link GlobalTablePlan}). */
public final class CheckGlobalTableKind implements StepKind<GlobalTablePlan> {
    public static final String NAME = "checkGlobalTable";
    /** The gate's limit on the replication latency: a day (a latency near it is no replication at all). */
    static final int MAX_RPO_SECONDS = 86_400;
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z0-9_.-]{3,255}");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<GlobalTablePlan> type() {
        return GlobalTablePlan.class;
    }

    @Override
    public GlobalTablePlan read(Fields step, StepContext context) {
        String region = context.region(step, "region");
        String table = step.requiredMatching("tableName", TABLE_NAME, "must be a DynamoDB table name: 3-255 letters, digits, '_', '-' or '.'");
        String source = step.requiredString("sourceRegion");
        if (!context.isUnresolved(source)) {
            context.knownRegion(step.child("sourceRegion"), source);
            if (source.equals(region)) {
                throw new PlanValidationException(step.child("sourceRegion"), "must differ from region (both are " + region
                        + "): the replication latency is measured from the Region that takes the writes to the replica in region");
            }
        }
        int rpo = step.requiredInt("rpoSeconds", 1, MAX_RPO_SECONDS);
        step.finish();
        return new GlobalTablePlan(region, table, source, rpo, step.path());
    }

    @Override
    public Map<String, Object> write(GlobalTablePlan step) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("region", step.region());
        m.put("tableName", step.tableName());
        m.put("sourceRegion", step.sourceRegion());
        m.put("rpoSeconds", step.rpoSeconds());
        return m;
    }

    @Override
    public void checkAcross(List<GlobalTablePlan> steps) {
        Uniqueness.unique(steps, s -> s.region() + "/" + s.tableName(), GlobalTablePlan::path, "tableName", "global table replica");
    }

    /** Failback checks the replica in the source Region before traffic moves back to it (traffic's rank is 10). */
    @Override
    public OptionalInt failbackRank() {
        return OptionalInt.of(5);
    }
}
