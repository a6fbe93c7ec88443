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

    private PlanGlobalDatabase(String region, String globalClusterIdentifier, String dbClusterIdentifier, String primaryDbClusterArn,
                               Integer rpoSeconds) {
        String owner = "PlanGlobalDatabase";
        this.region = Checks.required(owner, "region", region);
        this.globalClusterIdentifier = Checks.required(owner, "globalClusterIdentifier", globalClusterIdentifier);
        this.dbClusterIdentifier = Checks.required(owner, "dbClusterIdentifier", dbClusterIdentifier);
        this.primaryDbClusterArn = primaryDbClusterArn;
        this.rpoSeconds = rpoSeconds;
        PlanRules.check(owner, () -> PlanRules.reader().check(toPlan()));
    }

    /**
     * @param primaryDbClusterArn the primary cluster; null to take the global database's writer
     * @param rpoSeconds          the RPO the report compares the lag at promotion with; null for none
     */
    public static PlanGlobalDatabase of(String region, String globalClusterIdentifier, String dbClusterIdentifier, String primaryDbClusterArn,
                                        Integer rpoSeconds) {
        return new PlanGlobalDatabase(region, globalClusterIdentifier, dbClusterIdentifier, primaryDbClusterArn, rpoSeconds);
    }

    /** The step for {@code options} in {@code region}, comparing the lag at promotion with the option's expected lag. */
    public static PlanGlobalDatabase of(String region, GlobalDatabaseOptions options) {
        long lag = options.getExpectedReplicationLag().toSeconds().longValue();
        return of(region, options.getGlobalClusterIdentifier(), options.getSecondaryClusterIdentifier(), options.getPrimaryClusterArn(),
                (int) Math.max(lag, 1));
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

    @Override
    public GlobalDatabasePlan toPlan() {
        return new GlobalDatabasePlan(region, globalClusterIdentifier, dbClusterIdentifier, primaryDbClusterArn, rpoSeconds,
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
