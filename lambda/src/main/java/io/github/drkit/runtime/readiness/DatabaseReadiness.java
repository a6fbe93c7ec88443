package io.github.drkit.runtime.readiness;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.github.drkit.plan.DatabasePlan;
import io.github.drkit.plan.PromoteDatabaseKind;
import io.github.drkit.runtime.aws.AwsServiceError;
import io.github.drkit.runtime.aws.api.DbInstance;
import io.github.drkit.runtime.engine.Tags;

/**
 * Databases: the replica exists, is available and still a replica (a promoted one no longer receives the primary's
 * writes), and its lag, the {@code AWS/RDS ReplicaLag} metric's newest maximum, is within the declared RPO: a failover
 * now would lose that much data. One DescribeDBInstances and one GetMetricStatistics per database.
 */
public final class DatabaseReadiness implements ReadinessCheck<DatabasePlan> {
    /** How far back the newest lag datapoint is looked for. */
    static final Duration LAG_LOOK_BACK = Duration.ofMinutes(15);

    @Override
    public String kind() {
        return PromoteDatabaseKind.NAME;
    }

    @Override
    public Class<DatabasePlan> type() {
        return DatabasePlan.class;
    }

    @Override
    public List<Finding> check(List<DatabasePlan> databases, ReadinessContext context) {
        List<Callable<List<Finding>>> reads = databases.stream().map(db -> (Callable<List<Finding>>) () -> database(db, context)).toList();
        return context.all(reads).stream().flatMap(List::stream).toList();
    }

    private static List<Finding> database(DatabasePlan db, ReadinessContext context) {
        String resource = "DB instance " + db.dbInstanceIdentifier() + " (" + db.region() + ")";
        DbInstance live;
        try {
            live = context.aws(db).rds().describe(db.region(), db.dbInstanceIdentifier());
        } catch (AwsServiceError e) {
            if (e.is("DBInstanceNotFound", "DBInstanceNotFoundFault")) {
                return List.of(Finding.of(Severity.CRITICAL, Finding.Category.EXISTENCE, db.path() + ".dbInstanceIdentifier", resource,
                        "DB instance '" + db.dbInstanceIdentifier() + "' not found in " + db.region() + ": there is nothing to promote",
                        "recreate the cross-Region read replica, or correct the plan"));
            }
            return List.of(ReadinessContext.unchecked(db.path(), resource, "the replica", e));
        } catch (RuntimeException e) {
            return List.of(ReadinessContext.unchecked(db.path(), resource, "the replica", e));
        }
        // The engine's rule: no source, or promoted by failover (its tag), is no longer a replica.
        if (live.readReplicaSource() == null || live.tags().containsKey(Tags.PROMOTED)) {
            return List.of(Finding.of(Severity.WARNING, Finding.Category.DATA, db.path(), resource, "'" + db.dbInstanceIdentifier()
                    + "' is a standalone instance, not a replica (promoted by an earlier failover, or never one): it no longer receives"
                    + " the primary's writes, and failover has nothing to promote", "create a new cross-Region read replica of the"
                    + " primary and point the plan at it"));
        }
        if (!"available".equals(live.status())) {
            return List.of(Finding.of(Severity.WARNING, Finding.Category.DATA, db.path(), resource, "the replica is " + live.status()
                    + ", not available: promotion waits for it", "check the replica's events in the RDS console"));
        }
        return lag(db, resource, context);
    }

    private static List<Finding> lag(DatabasePlan db, String resource, ReadinessContext context) {
        Optional<Double> lag;
        try {
            lag = context.aws(db).cloudWatch().latestMaximum(db.region(), "AWS/RDS", "ReplicaLag",
                    Map.of("DBInstanceIdentifier", db.dbInstanceIdentifier()), LAG_LOOK_BACK);
        } catch (RuntimeException e) {
            return List.of(ReadinessContext.unchecked(db.path(), resource, "the replica lag", e));
        }
        if (lag.isEmpty()) {
            return List.of(Finding.of(Severity.INFO, Finding.Category.UNCHECKED, db.path(), resource, "no ReplicaLag datapoint in the last "
                    + LAG_LOOK_BACK.toMinutes() + " minutes: the data a failover would lose is not known", "none"));
        }
        long seconds = (long) Math.ceil(lag.get());
        Duration rpo = context.objectives().rpo();
        if (rpo != null && seconds > rpo.toSeconds()) {
            return List.of(new Finding(Severity.CRITICAL, Finding.Category.DATA, db.path(), resource, "the replica lags " + seconds
                    + " s behind its source, more than the declared RPO of " + rpo.toSeconds() + " s: a failover now would lose up to "
                    + seconds + " s of writes", "find what slows replication (write volume, the replica's size, the link) before it is needed",
                    seconds, null));
        }
        return List.of(new Finding(Severity.INFO, Finding.Category.DATA, db.path(), resource, "the replica lags " + seconds + " s"
                + (rpo == null ? " (no RPO declared)" : ", within the declared RPO of " + rpo.toSeconds() + " s"), "none", seconds, null));
    }
}
