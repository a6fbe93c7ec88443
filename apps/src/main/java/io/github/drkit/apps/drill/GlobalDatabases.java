package io.github.drkit.apps.drill;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.drkit.plan.FailoverGlobalDatabaseKind;
import io.github.drkit.plan.GlobalDatabasePlan;
import io.github.drkit.plan.RecoveryPlan;
import io.github.drkit.runtime.engine.Report;
import io.github.drkit.runtime.engine.StateReport;
import io.github.drkit.runtime.engine.StepReport;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.GlobalCluster;
import software.amazon.awssdk.services.rds.model.GlobalClusterMember;

/**
 * The Aurora global databases a plan promotes ({@code failoverGlobalDatabase}), made through the RDS API where moto
 * 5.2.1's CloudFormation skipped them, and the checks of what failover and failback did to them.
 *
 * <p>moto's CloudFormation creates no {@code AWS::RDS::GlobalCluster} or {@code AWS::RDS::DBCluster}, so the drill takes
 * its place with exactly the identifiers the deployed plan names: the global cluster, the writer cluster the step's
 * {@code primaryDbClusterArn} names in its Region, and the step's secondary in the recovery Region as a member. The
 * engine comes from the deployed templates. The secondary's replication lag, which Aurora publishes as
 * {@code AuroraGlobalDBReplicationLag} and which no emulator computes, is seeded as one datapoint of
 * {@link #SEEDED_LAG_MILLIS}: the RPO achieved the report shows is that value, read by the engine at promotion.
 */
public final class GlobalDatabases {
    /** A replication lag Aurora reports for a healthy global database under load: under a second. */
    public static final double SEEDED_LAG_MILLIS = 850;
    static final String LAG_METRIC = "AuroraGlobalDBReplicationLag";
    static final String RPO_ACHIEVED = "RPO achieved: replication lag at promotion";

    /** One global database as the drill made it. */
    public record Database(String step, String globalCluster, String engine, String primaryRegion, String primaryArn,
                           String secondaryRegion, String secondaryArn, boolean made) {
        String primaryIdentifier() {
            return primaryArn.substring(primaryArn.lastIndexOf(':') + 1);
        }

        String secondaryIdentifier() {
            return secondaryArn.substring(secondaryArn.lastIndexOf(':') + 1);
        }
    }

    private final List<Database> databases;
    private final List<Check> checks;

    private GlobalDatabases(List<Database> databases, List<Check> checks) {
        this.databases = List.copyOf(databases);
        this.checks = List.copyOf(checks);
    }

    /** True when the plan promotes an Aurora global database's secondary. */
    public static boolean promotes(RecoveryPlan plan) {
        return !plan.steps(GlobalDatabasePlan.class).isEmpty();
    }

    /**
     * Makes each global database the plan names that the emulator does not have, seeds its lag, and checks that the
     * global cluster lists the writer and the secondary.
     */
    public static GlobalDatabases create(DrillClients clients, RecoveryPlan plan, List<AssemblyStack> stacks) {
        List<Database> out = new ArrayList<>();
        List<Check> checks = new ArrayList<>();
        for (GlobalDatabasePlan step : plan.steps(GlobalDatabasePlan.class)) {
            if (step.primaryDbClusterArn() == null) {
                throw new DrillException(step.path() + ".primaryDbClusterArn: the drill makes the global database's writer from it, and the"
                        + " plan names none (got null)");
            }
            String primaryRegion = step.primaryDbClusterArn().split(":")[3];
            String engine = engine(step, stacks);
            RdsClient recovery = clients.rds(step.region());
            boolean made = globalCluster(recovery, step.globalClusterIdentifier()).isEmpty();
            if (made) {
                String primaryId = step.primaryDbClusterArn().substring(step.primaryDbClusterArn().lastIndexOf(':') + 1);
                recovery.createGlobalCluster(b -> b.globalClusterIdentifier(step.globalClusterIdentifier()).engine(engine)
                        .storageEncrypted(true));
                clients.rds(primaryRegion).createDBCluster(b -> b.dbClusterIdentifier(primaryId).engine(engine)
                        .globalClusterIdentifier(step.globalClusterIdentifier()).masterUsername("drkit").manageMasterUserPassword(true)
                        .storageEncrypted(true));
                // Headless, as the secondary construct deploys it: no credentials, the global database replicates into it.
                recovery.createDBCluster(b -> b.dbClusterIdentifier(step.dbClusterIdentifier()).engine(engine)
                        .globalClusterIdentifier(step.globalClusterIdentifier()).storageEncrypted(true));
            }
            String secondaryArn = recovery.describeDBClusters(b -> b.dbClusterIdentifier(step.dbClusterIdentifier())).dbClusters().get(0)
                    .dbClusterArn();
            clients.cloudWatch().putMetric(step.region(), "AWS/RDS", LAG_METRIC, Map.of("DBClusterIdentifier", step.dbClusterIdentifier()),
                    SEEDED_LAG_MILLIS);
            Database db = new Database(step.path(), step.globalClusterIdentifier(), engine, primaryRegion, step.primaryDbClusterArn(),
                    step.region(), secondaryArn, made);
            out.add(db);
            List<GlobalClusterMember> members = globalCluster(recovery, step.globalClusterIdentifier()).map(GlobalCluster::globalClusterMembers)
                    .orElse(List.of());
            String writer = members.stream().filter(m -> Boolean.TRUE.equals(m.isWriter())).map(GlobalClusterMember::dbClusterArn)
                    .findFirst().orElse("none");
            checks.add(new Check("global cluster " + db.globalCluster() + " writer", db.primaryArn(), writer,
                    sameCluster(writer, db.primaryArn())));
            checks.add(Check.of("global cluster " + db.globalCluster() + " lists secondary " + db.secondaryArn(), "member",
                    role(members, db.secondaryArn())));
        }
        return new GlobalDatabases(out, checks);
    }

    /** The engine the deployed templates give the global cluster (or the secondary cluster) the step names. */
    static String engine(GlobalDatabasePlan step, List<AssemblyStack> stacks) {
        for (AssemblyStack stack : stacks) {
            for (JsonNode resource : stack.resources()) {
                String type = resource.path("Type").asText();
                JsonNode props = resource.path("Properties");
                boolean global = "AWS::RDS::GlobalCluster".equals(type)
                        && step.globalClusterIdentifier().equals(props.path("GlobalClusterIdentifier").asText());
                boolean secondary = "AWS::RDS::DBCluster".equals(type)
                        && step.dbClusterIdentifier().equals(props.path("DBClusterIdentifier").asText());
                if ((global || secondary) && props.path("Engine").isTextual()) {
                    return props.path("Engine").asText();
                }
            }
        }
        throw new DrillException(step.path() + ".globalClusterIdentifier: no AWS::RDS::GlobalCluster '" + step.globalClusterIdentifier()
                + "' or AWS::RDS::DBCluster '" + step.dbClusterIdentifier() + "' with an Engine in the deployed templates");
    }

    public List<Database> databases() {
        return databases;
    }

    public List<Check> checks() {
        return checks;
    }

    /** One line per database, for the report. */
    public String describe() {
        return String.join("; ", databases.stream().map(d -> (d.made() ? "made " : "found ") + d.globalCluster() + " (" + d.engine()
                + "): writer " + d.primaryArn() + ", secondary " + d.secondaryArn() + "; " + LAG_METRIC + " "
                + Math.round(SEEDED_LAG_MILLIS) + " ms in " + d.secondaryRegion()).toList());
    }

    /**
     * The RPO achieved by each global database step of a failover run, from the step's detail, e.g. "stages[0].steps[0]
     * failoverGlobalDatabase drkit-containers-secondary: RPO achieved: replication lag at promotion 850 ms ...".
     */
    public static List<String> rpoAchieved(Report failover, RecoveryPlan plan) {
        List<String> lines = new ArrayList<>();
        for (GlobalDatabasePlan step : plan.steps(GlobalDatabasePlan.class)) {
            String detail = stepDetail(failover, step.path());
            int at = detail == null ? -1 : detail.indexOf("RPO achieved");
            lines.add(step.path() + " " + FailoverGlobalDatabaseKind.NAME + " " + step.dbClusterIdentifier() + " (" + step.region() + "): "
                    + (at < 0 ? "no RPO achieved in the step's detail: " + detail : rpoClause(detail.substring(at))));
        }
        return lines;
    }

    /** The RPO clause alone, without the operations refused before it (bracketed after it). */
    private static String rpoClause(String fromRpo) {
        int refused = fromRpo.indexOf(" [");
        return refused < 0 ? fromRpo : fromRpo.substring(0, refused);
    }

    /**
     * After failover: each secondary is a writer (a member no more, or the global database's writer), and the step
     * reported the RPO it achieved within the declared one.
     */
    public List<Check> verifyPromoted(DrillClients clients, Report failover) {
        List<Check> out = new ArrayList<>();
        for (Database db : databases) {
            List<GlobalClusterMember> members = globalCluster(clients.rds(db.secondaryRegion()), db.globalCluster())
                    .map(GlobalCluster::globalClusterMembers).orElse(List.of());
            String role = role(members, db.secondaryArn());
            out.add(new Check("secondary " + db.secondaryArn() + " after failover", "standalone writer (not a member of " + db.globalCluster()
                    + ") or its writer", role.equals("absent") ? "standalone writer" : role, !role.equals("member")));
            out.add(Check.of("cluster " + db.secondaryIdentifier() + " (" + db.secondaryRegion() + ") status", "available",
                    cluster(clients, db.secondaryRegion(), db.secondaryIdentifier()).map(DBCluster::status).orElse("absent")));
            String detail = stepDetail(failover, db.step());
            out.add(new Check("failover step " + db.step() + " detail", RPO_ACHIEVED + " ... within the declared RPO", detail,
                    detail != null && detail.contains(RPO_ACHIEVED) && detail.contains("within the declared RPO")));
        }
        return out;
    }

    /**
     * The global database steps failover left detached: their secondary is a standalone writer that AWS cannot attach
     * again, so failback stops there by design. Read from the failover run's state after.
     */
    public static List<String> detached(Report failover, RecoveryPlan plan) {
        List<String> out = new ArrayList<>();
        List<StateReport.StepStatus> after = failover.stateAfter() == null ? List.of() : failover.stateAfter().steps();
        for (GlobalDatabasePlan step : plan.steps(GlobalDatabasePlan.class)) {
            after.stream().filter(s -> s.path().equals(step.path()) && "DETACHED".equals(String.valueOf(s.details().get("role"))))
                    .findFirst().ifPresent(s -> out.add(step.path()));
        }
        return out;
    }

    /**
     * Evaluate after a failover that detached secondaries: each detached step is a CRITICAL finding that says no
     * cross-Region replication is left, since a failover now would have nothing to promote.
     */
    public static List<Check> detachedReported(io.github.drkit.runtime.readiness.ReadinessReport report, List<String> detachedSteps) {
        List<Check> out = new ArrayList<>();
        for (String path : detachedSteps) {
            Optional<io.github.drkit.runtime.readiness.Finding> finding = report.findings().stream()
                    .filter(f -> f.path().startsWith(path) && f.severity() == io.github.drkit.runtime.readiness.Severity.CRITICAL
                            && f.problem().startsWith("no cross-Region replication")).findFirst();
            out.add(new Check("evaluate finding for detached " + path, "CRITICAL DATA: no cross-Region replication ...",
                    finding.map(f -> f.severity() + " " + f.category() + ": " + f.problem()).orElse("none among " + report.findings().size()
                            + " finding(s)"), finding.isPresent()));
        }
        return out;
    }

    /**
     * After a failback that the detached global databases stopped: it failed at each of them naming what a person must
     * do, and both clusters of each still exist (failback deletes nothing).
     */
    public List<Check> verifyFailbackRefused(DrillClients clients, Report failback, List<String> detachedSteps) {
        List<Check> out = new ArrayList<>();
        out.add(Check.of("failback outcome", Report.RunOutcome.FAILED, failback.outcome()));
        for (Database db : databases) {
            if (!detachedSteps.contains(db.step())) {
                continue;
            }
            Optional<StepReport> step = failback.steps().stream().filter(s -> db.step().equals(s.resource())).findFirst();
            String detail = step.map(StepReport::detail).orElse("no step report");
            out.add(new Check("failback step " + db.step() + " detail", "cannot fail back: ... A person must: ...", detail,
                    detail.startsWith("cannot fail back: " + db.secondaryArn() + " was detached") && detail.contains("A person must")));
            out.add(Check.of("failback step " + db.step() + " outcome", StepReport.Outcome.FAILED,
                    step.map(StepReport::outcome).orElse(null)));
            out.add(Check.of("cluster " + db.secondaryIdentifier() + " (" + db.secondaryRegion() + ") after failback", "available",
                    cluster(clients, db.secondaryRegion(), db.secondaryIdentifier()).map(DBCluster::status).orElse("deleted")));
            out.add(Check.of("cluster " + db.primaryIdentifier() + " (" + db.primaryRegion() + ") after failback", "available",
                    cluster(clients, db.primaryRegion(), db.primaryIdentifier()).map(DBCluster::status).orElse("deleted")));
        }
        return out;
    }

    /**
     * Deletes what {@link #create} made, secondary first: the emulator's CloudFormation does not know these clusters.
     * Returns what could not be deleted.
     */
    public List<String> delete(DrillClients clients) {
        List<String> left = new ArrayList<>();
        for (Database db : databases) {
            if (!db.made()) {
                continue;
            }
            attempt(left, "cluster " + db.secondaryArn(), () -> clients.rds(db.secondaryRegion()).deleteDBCluster(b -> b
                    .dbClusterIdentifier(db.secondaryIdentifier()).skipFinalSnapshot(true)));
            attempt(left, "cluster " + db.primaryArn(), () -> clients.rds(db.primaryRegion()).deleteDBCluster(b -> b
                    .dbClusterIdentifier(db.primaryIdentifier()).skipFinalSnapshot(true)));
            attempt(left, "global cluster " + db.globalCluster(), () -> clients.rds(db.secondaryRegion()).deleteGlobalCluster(b -> b
                    .globalClusterIdentifier(db.globalCluster())));
        }
        return left;
    }

    private static void attempt(List<String> left, String what, Runnable delete) {
        try {
            delete.run();
        } catch (RuntimeException e) {
            left.add(what + " (the drill made it; delete failed: " + e.getMessage() + ")");
        }
    }

    private static String stepDetail(Report run, String path) {
        return run.steps().stream().filter(s -> path.equals(s.resource()) && s.detail() != null).map(StepReport::detail)
                .filter(d -> d.contains("RPO achieved") || d.contains("cannot fail back")).findFirst()
                .orElse(run.steps().stream().filter(s -> path.equals(s.resource())).map(StepReport::detail).findFirst().orElse(null));
    }

    /**
     * Same Region and cluster name: moto 5.2.1 writes its default account into every RDS ARN, whatever account the
     * caller signs for, so the account of the plan's ARN and of the emulator's can differ.
     */
    static boolean sameCluster(String a, String b) {
        String[] x = a.split(":");
        String[] y = b.split(":");
        return x.length == 7 && y.length == 7 && x[3].equals(y[3]) && x[5].equals(y[5]) && x[6].equals(y[6]);
    }

    private static String role(List<GlobalClusterMember> members, String arn) {
        return members.stream().filter(m -> arn.equals(m.dbClusterArn())).findFirst()
                .map(m -> Boolean.TRUE.equals(m.isWriter()) ? "writer" : "member").orElse("absent");
    }

    private static Optional<GlobalCluster> globalCluster(RdsClient rds, String id) {
        return rds.describeGlobalClusters().globalClusters().stream().filter(g -> id.equals(g.globalClusterIdentifier())).findFirst();
    }

    private static Optional<DBCluster> cluster(DrillClients clients, String region, String id) {
        return clients.rds(region).describeDBClusters().dbClusters().stream().filter(c -> id.equals(c.dbClusterIdentifier())).findFirst();
    }
}
