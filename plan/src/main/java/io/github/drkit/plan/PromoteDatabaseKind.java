package io.github.drkit.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/** {@code promoteDatabase}: promote an RDS cross-Region read replica ({@link DatabasePlan}). */
public final class PromoteDatabaseKind implements StepKind<DatabasePlan> {
    public static final String NAME = "promoteDatabase";
    private static final Pattern DB_IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,62}");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<DatabasePlan> type() {
        return DatabasePlan.class;
    }

    @Override
    public DatabasePlan read(Fields db, StepContext context) {
        String region = context.region(db, "region");
        String id = db.requiredMatching("dbInstanceIdentifier", DB_IDENTIFIER,
                "must be an RDS DB instance identifier: 1-63 letters, digits or '-', starting with a letter");
        db.finish();
        return new DatabasePlan(region, id, db.path());
    }

    @Override
    public Map<String, Object> write(DatabasePlan database) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("region", database.region());
        m.put("dbInstanceIdentifier", database.dbInstanceIdentifier());
        return m;
    }

    @Override
    public void checkAcross(List<DatabasePlan> databases) {
        Uniqueness.unique(databases, d -> d.region() + "/" + d.dbInstanceIdentifier(), DatabasePlan::path, "dbInstanceIdentifier", "database");
    }

    /** Failback never demotes a promoted database: the old primary is rebuilt from it, outside the runtime. */
    @Override
    public OptionalInt failbackRank() {
        return OptionalInt.empty();
    }

    @Override
    public String version1Field() {
        return "databases";
    }

    @Override
    public String version1Stage() {
        return "data";
    }
}
