package io.github.drkit.runtime.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.drkit.plan.DatabasePlan;
import io.github.drkit.plan.RecoveryPlan;
import io.github.drkit.runtime.aws.AwsServiceError;
import io.github.drkit.runtime.aws.api.DbInstance;

/** Promotes cross-Region read replicas on failover. Nothing on failback: a promoted database is never demoted. */
final class DatabaseSteps {
    private final StepClients clients;
    private final Inspector inspector;

    DatabaseSteps(StepClients clients, Inspector inspector) {
        this.clients = clients;
        this.inspector = inspector;
    }

    List<Step> failover(List<DatabasePlan> databases, LiveState live) {
        List<Step> steps = new ArrayList<>();
        for (DatabasePlan db : databases) {
            StateReport.DatabaseStatus status = Inspector.databaseStatus(db, live.databases().get(db.path()));
            String name = "promote database " + db.dbInstanceIdentifier() + " (" + db.region() + ")";
            List<String> changes = status.promoted() || promoting(live.databases().get(db.path())) ? List.of()
                    : List.of("PromoteReadReplica " + db.dbInstanceIdentifier() + " (replica of " + status.replicaSource() + ")",
                              "tag " + db.dbInstanceIdentifier() + " " + Tags.PROMOTED + "=<now>");
            steps.add(Step.change(name, db.path(), changes, () -> promote(db),
                    status.promoted() ? "already promoted" : "promotion already in progress"));
        }
        return steps;
    }

    /** A replica failover already asked to promote, still applying it. */
    private static boolean promoting(DbInstance db) {
        return db.tags().containsKey(Tags.PROMOTED);
    }

    private Step.Result promote(DatabasePlan db) {
        DbInstance live = inspector.readDatabase(db);
        if (live.readReplicaSource() == null) {
            return Step.Result.byAnotherRun("already promoted");
        }
        if (promoting(live)) {
            return Step.Result.byAnotherRun("promotion already asked for at " + live.tags().get(Tags.PROMOTED));
        }
        // Tag only once AWS has taken the promotion: a tag on a replica whose promotion was refused (its state, a
        // missing permission, the deadline) would make every later run skip it and the health gate call it promoted.
        try {
            String status = clients.of(db).rds().promoteReadReplica(db.region(), db.dbInstanceIdentifier());
            clients.of(db).rds().addTag(db.region(), live.arn(), Tags.PROMOTED, Instant.now().toString());
            return Step.Result.done("promotion started; status " + status + "; the health gate waits until it is available");
        } catch (AwsServiceError e) {
            // Another run (or a person) promoted it between our read and our call.
            if (e.is("InvalidDBInstanceState", "InvalidDBInstanceStateFault")
                    && inspector.readDatabase(db).readReplicaSource() == null) {
                return Step.Result.byAnotherRun("promoted between this run's read and its call");
            }
            throw e;
        }
    }

    /** What failback leaves for a person, one line per promoted database. */
    static List<String> leftForOperator(RecoveryPlan plan, StateReport state) {
        List<String> left = new ArrayList<>();
        for (StateReport.DatabaseStatus db : state.databases()) {
            if (db.promoted()) {
                left.add(db.path() + ": database " + db.dbInstanceIdentifier() + " (" + db.region() + ") was promoted and is"
                        + " standalone; it is not demoted. Once the primary Region" + (plan.primaryRegion() == null ? "" : " "
                        + plan.primaryRegion()) + " is back, decide which copy holds the newest data, re-create replication"
                        + " (a new cross-Region read replica) and update the plan before the next failover.");
            }
        }
        return left;
    }
}
