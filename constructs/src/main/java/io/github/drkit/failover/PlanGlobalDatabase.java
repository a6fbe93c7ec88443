package io.github.drkit.failover;

import io.github.drkit.internal.plan.Checks;
import io.github.drkit.internal.plan.GlobalDatabasePermissions;
import io.github.drkit.internal.plan.PlanRules;
import io.github.drkit.plan.GlobalDatabasePlan;

/** An Aurora global database whose secondary in {@code region} failover makes the writer ({@code failoverGlobalDatabase}). */
public final class PlanGlobalDatabase implements RecoveryStep {
    private final String region;
    private final String globalClusterIdentifier;
    private final String dbClusterIdentifier;
    private final String primaryDbClusterArn;
    private final Integer rpoSeconds;
    private final boolean followsDeclaredRpo;

    private PlanGlobalDatabase(String region, String globalClusterIdentifier, String dbClusterIdentifier, String primaryDbClusterArn,
                               Integer rpoSeconds, boolean followsDeclaredRpo) {
        String owner = "PlanGlobalDatabase";
        this.region = Checks.required(owner, "region", region);
        this.globalClusterIdentifier = Checks.required(owner, "globalClusterIdentifier", globalClusterIdentifier);
        this.dbClusterIdentifier = Checks.required(owner, "dbClusterIdentifier", dbClusterIdentifier);
        this.primaryDbClusterArn = primaryDbClusterArn;
        this.rpoSeconds = rpoSeconds;
        this.followsDeclaredRpo = followsDeclaredRpo;
        PlanRules.check(owner, () -> PlanRules.reader().check(toPlan()));
    }

    /**
     * A step with an RPO of its own, whatever the plan declares.
     *
     * @param primaryDbClusterArn the primary cluster; null to take the global database's writer
     * @param rpoSeconds          the RPO the report compares the lag at promotion with; null for none
     */
    public static PlanGlobalDatabase of(String region, String globalClusterIdentifier, String dbClusterIdentifier, String primaryDbClusterArn,
                                        Integer rpoSeconds) {
        return new PlanGlobalDatabase(region, globalClusterIdentifier, dbClusterIdentifier, primaryDbClusterArn, rpoSeconds, false);
    }

    /**
     * The step for {@code options} in {@code region}. Its RPO, which the failover report and evaluate compare the
     * replication lag with, is the plan's declared RPO (the application's {@code RecoveryObjectives}); in a plan that
     * declares none, the option's expected lag (at least 1 s). The expected lag stays the RPO estimate's term.
     */
    public static PlanGlobalDatabase of(String region, GlobalDatabaseOptions options) {
        long lag = options.getExpectedReplicationLag().toSeconds().longValue();
        return new PlanGlobalDatabase(region, options.getGlobalClusterIdentifier(), options.getSecondaryClusterIdentifier(),
                options.getPrimaryClusterArn(), (int) Math.max(lag, 1), true);
    }

    public String region() {
        return region;
    }

    public String globalClusterIdentifier() {
        return globalClusterIdentifier;
    }

    public String dbClusterIdentifier() {
        return dbClusterIdentifier;
    }

    public String primaryDbClusterArn() {
        return primaryDbClusterArn;
    }

    /** The RPO the step carries in a plan that declares none: the one given, or the option's expected lag. */
    public Integer rpoSeconds() {
        return rpoSeconds;
    }

    @Override
    public GlobalDatabasePlan toPlan() {
        return new GlobalDatabasePlan(region, globalClusterIdentifier, dbClusterIdentifier, primaryDbClusterArn, rpoSeconds,
                GlobalDatabasePlan.DEFAULT_TIMEOUT_SECONDS);
    }

    /** Carries {@code declaredRpo} in place of the expected lag when the step was made from {@link GlobalDatabaseOptions}. */
    @Override
    public GlobalDatabasePlan toPlan(java.time.Duration declaredRpo) {
        if (!followsDeclaredRpo || declaredRpo == null) {
            return toPlan();
        }
        return new GlobalDatabasePlan(region, globalClusterIdentifier, dbClusterIdentifier, primaryDbClusterArn, (int) declaredRpo.toSeconds(),
                GlobalDatabasePlan.DEFAULT_TIMEOUT_SECONDS);
    }

    /** In the {@code data} stage: the writer moves before compute and traffic. */
    @Override
    public String stage() {
        return "data";
    }

    @Override
    public StepPermissions permissions() {
        return GlobalDatabasePermissions.INSTANCE;
    }
}
