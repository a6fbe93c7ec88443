package io.github.drkit.failover;

import io.github.drkit.internal.plan.Checks;
import java.util.LinkedHashMap;
import java.util.Map;

/** An RDS cross-Region read replica that failover promotes (it is never demoted on failback). */
public final class PlanDatabase {
    private final String region;
    private final String dbInstanceIdentifier;

    private PlanDatabase(String region, String dbInstanceIdentifier) {
        this.region = Checks.required("PlanDatabase", "region", region);
        this.dbInstanceIdentifier = Checks.required("PlanDatabase", "dbInstanceIdentifier", dbInstanceIdentifier);
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

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("region", region);
        m.put("dbInstanceIdentifier", dbInstanceIdentifier);
        return m;
    }
}
