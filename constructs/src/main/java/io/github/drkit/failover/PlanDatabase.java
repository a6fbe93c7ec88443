package io.github.drkit.failover;

import io.github.drkit.internal.plan.DatabasePermissions;
import io.github.drkit.internal.plan.Checks;
import io.github.drkit.internal.plan.PlanRules;
import io.github.drkit.plan.DatabasePlan;

/** An RDS cross-Region read replica that failover promotes (it is never demoted on failback). */
public final class PlanDatabase implements RecoveryStep {
    private final String region;
    private final String dbInstanceIdentifier;

    private PlanDatabase(String region, String dbInstanceIdentifier) {
        this.region = Checks.required("PlanDatabase", "region", region);
        this.dbInstanceIdentifier = Checks.required("PlanDatabase", "dbInstanceIdentifier", dbInstanceIdentifier);
        PlanRules.check("PlanDatabase", () -> PlanRules.reader().check(toPlan()));
    }

    public static PlanDatabase of(String region, String dbInstanceIdentifier) {
        return new PlanDatabase(region, dbInstanceIdentifier);
    }

    public String region() {
        return region;
    }

    public String dbInstanceIdentifier() {
        return dbInstanceIdentifier;
    }

    /** The database as the plan carries it. */
    @Override
    public DatabasePlan toPlan() {
        return new DatabasePlan(region, dbInstanceIdentifier);
    }

    /** In the {@code data} stage. */
    @Override
    public String stage() {
        return "data";
    }

    @Override
    public StepPermissions permissions() {
        return DatabasePermissions.INSTANCE;
    }
}
