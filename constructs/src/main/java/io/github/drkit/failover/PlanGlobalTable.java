package io.github.drkit.failover;

import io.github.drkit.internal.plan.Checks;
import io.github.drkit.internal.plan.GlobalTablePermissions;
import io.github.drkit.internal.plan.PlanRules;
import io.github.drkit.plan.GlobalTablePlan;

/** A DynamoDB global table replica that must be ready before traffic moves to {@code region} ({@code checkGlobalTable}). */
public final class PlanGlobalTable implements RecoveryStep {
    private final String region;
    private final String tableName;
    private final String sourceRegion;
    private final int rpoSeconds;

    private PlanGlobalTable(String region, String tableName, String sourceRegion, int rpoSeconds) {
        String owner = "PlanGlobalTable";
        this.region = Checks.required(owner, "region", region);
        this.tableName = Checks.required(owner, "tableName", tableName);
        this.sourceRegion = Checks.required(owner, "sourceRegion (GlobalTableOptions.sourceRegion or the construct's primaryRegion)", sourceRegion);
        this.rpoSeconds = rpoSeconds;
        PlanRules.check(owner, () -> PlanRules.reader().check(toPlan()));
    }

    public static PlanGlobalTable of(String region, String tableName, String sourceRegion, int rpoSeconds) {
        return new PlanGlobalTable(region, tableName, sourceRegion, rpoSeconds);
    }

    /** The step for {@code options} in {@code region}; {@code primaryRegion} when the options name no source Region. */
    public static PlanGlobalTable of(String region, GlobalTableOptions options, String primaryRegion) {
        String source = options.getSourceRegion() != null ? options.getSourceRegion() : primaryRegion;
        return of(region, options.getTableName(), source, options.getMaxReplicationLatency().toSeconds().intValue());
    }

    public String region() {
        return region;
    }

    public String tableName() {
        return tableName;
    }

    public String sourceRegion() {
        return sourceRegion;
    }

    @Override
    public GlobalTablePlan toPlan() {
        return new GlobalTablePlan(region, tableName, sourceRegion, rpoSeconds);
    }

    /** In the {@code data} stage: checked before traffic moves. */
    @Override
    public String stage() {
        return "data";
    }

    @Override
    public StepPermissions permissions() {
        return GlobalTablePermissions.INSTANCE;
    }
}
