package io.github.drkit.runtime.steps.aurora;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.github.drkit.plan.FailoverGlobalDatabaseKind;
import io.github.drkit.plan.GlobalDatabasePlan;
import io.github.drkit.runtime.aws.AwsServiceError;
import io.github.drkit.runtime.aws.api.DbCluster;
import io.github.drkit.runtime.aws.api.GlobalCluster;
import io.github.drkit.runtime.readiness.Finding;
import io.github.drkit.runtime.readiness.ReadinessCheck;
import io.github.drkit.runtime.readiness.ReadinessContext;
import io.github.drkit.runtime.readiness.Severity;

/**
 * Aurora global databases ({@code failoverGlobalDatabase}): the global cluster exists, the plan's secondary is still a
 * member of it (a detached secondary no longer replicates: failover would have nothing to promote and the data has no
 * copy in the recovery Region), the writer is the cluster the plan calls primary (after a failover the plan runs the
 * other way), and the replication lag, {@code AuroraGlobalDBReplicationLag} as the failover reads it, is within the
 * step's RPO. A headless secondary is stated: promotion must add a writer instance, the estimate's "writer instance
 * creation" term.
 *
 * <p>Reads, all steps at once: one DescribeGlobalClusters, one DescribeDBClusters and one GetMetricStatistics per step (a
 * plan names each global cluster once, and the APIs take one cluster a call).
 */
public final class GlobalDatabaseReadiness implements ReadinessCheck<GlobalDatabasePlan> {

    @Override
    public String kind() {
        return FailoverGlobalDatabaseKind.NAME;
    }

    @Override
    public Class<GlobalDatabasePlan> type() {
        return GlobalDatabasePlan.class;
    }

    @Override
    public List<Finding> check(List<GlobalDatabasePlan> steps, ReadinessContext context) {
        List<Callable<List<Finding>>> reads = steps.stream().map(step -> (Callable<List<Finding>>) () -> step(step, context)).toList();
        return context.all(reads).stream().flatMap(List::stream).toList();
    }

    private static List<Finding> step(GlobalDatabasePlan step, ReadinessContext context) {
        String resource = "Aurora global cluster " + step.globalClusterIdentifier() + ", secondary " + step.dbClusterIdentifier()
                + " (" + step.region() + ")";
        Optional<GlobalCluster> read;
        try {
            read = context.aws(step).rds().globalCluster(step.region(), step.globalClusterIdentifier());
        } catch (RuntimeException e) {
            return List.of(ReadinessContext.unchecked(step.path(), resource, "the global cluster", e));
        }
        if (read.isEmpty()) {
            return List.of(Finding.of(Severity.CRITICAL, Finding.Category.EXISTENCE, step.path() + ".globalClusterIdentifier", resource,
                    "Aurora global cluster '" + step.globalClusterIdentifier() + "' not found (DescribeGlobalClusters in " + step.region()
                            + "): there is no cross-Region replication, and failover stops at this step",
                    "create the global database (or correct globalClusterIdentifier) and redeploy"));
        }
        GlobalCluster global = read.get();
        DbCluster cluster;
        try {
            cluster = context.aws(step).rds().cluster(step.region(), step.dbClusterIdentifier());
        } catch (AwsServiceError e) {
            if (e.is("DBClusterNotFoundFault")) {
                return List.of(Finding.of(Severity.CRITICAL, Finding.Category.EXISTENCE, step.path() + ".dbClusterIdentifier", resource,
                        "Aurora DB cluster '" + step.dbClusterIdentifier() + "' not found in " + step.region()
                                + ": there is no secondary to promote, and failover stops at this step",
                        "add a secondary cluster in " + step.region() + " to " + step.globalClusterIdentifier()
                                + " (CreateDBCluster with GlobalClusterIdentifier), or correct dbClusterIdentifier"));
            }
            return List.of(ReadinessContext.unchecked(step.path(), resource, "the secondary cluster", e));
        } catch (RuntimeException e) {
            return List.of(ReadinessContext.unchecked(step.path(), resource, "the secondary cluster", e));
        }
        Finding membership = membership(step, global, cluster, resource);
        if (membership != null && membership.severity() == Severity.CRITICAL) {
            return List.of(membership);
        }
        List<Finding> findings = new ArrayList<>();
        if (membership != null) {
            findings.add(membership);
        }
        if (global.failoverState() != null) {
            findings.add(Finding.of(Severity.WARNING, Finding.Category.DATA, step.path(), resource, "global cluster "
                    + step.globalClusterIdentifier() + " is " + global.failoverState().status() + " from " + global.failoverState().fromDbClusterArn()
                    + " to " + global.failoverState().toDbClusterArn() + ": a failover now waits for it or refuses a different target",
                    "let the operation finish, then run evaluate again"));
        }
        if (!"available".equals(cluster.status())) {
            findings.add(Finding.of(Severity.WARNING, Finding.Category.DATA, step.path(), resource, "the secondary cluster is "
                    + cluster.status() + ", not available: promotion waits for it", "check the cluster's events in the RDS console"));
        }
        findings.add(lag(step, cluster, resource, context));
        if (cluster.instances().isEmpty()) {
            findings.add(Finding.of(Severity.INFO, Finding.Category.DATA, step.path(), resource, "the secondary is headless (no DB"
                    + " instance): after promotion it takes no connections until a writer instance is added, the recovery estimate's"
                    + " 'writer instance creation' term; failover reports the command that adds it",
                    "none, if the RTO counts the instance creation; otherwise add a reader instance to the secondary"));
        }
        return findings;
    }

    /**
     * Null when the plan's secondary replicates from the plan's primary; otherwise the finding that says why a failover (a
     * CRITICAL one: the rest is not weighed) or a failback (a WARNING) now would not do what the plan means.
     */
    private static Finding membership(GlobalDatabasePlan step, GlobalCluster global, DbCluster cluster, String resource) {
        GlobalDatabaseState.Role role = new GlobalDatabaseState(global, cluster, null).role();
        List<String> members = global.members().stream().map(m -> m.dbClusterArn() + (m.writer() ? " (writer)" : "")).toList();
        if (role == GlobalDatabaseState.Role.DETACHED) {
            return Finding.of(Severity.CRITICAL, Finding.Category.DATA, step.path() + ".dbClusterIdentifier", resource,
                    "no cross-Region replication: " + cluster.arn() + " is not a member of global cluster " + step.globalClusterIdentifier()
                            + " (members: " + members + "), detached by an earlier failover or never added. A failover would have"
                            + " nothing to promote, and the data is not protected in " + step.region(),
                    "if the application writes to " + cluster.identifier() + " now, create a global database from it (CreateGlobalCluster"
                            + " with SourceDBClusterIdentifier " + cluster.arn() + "), add a secondary cluster in the primary Region and"
                            + " point the plan at them; otherwise delete or keep the standalone cluster by hand and add a new secondary in "
                            + step.region() + " to " + step.globalClusterIdentifier() + " (CreateDBCluster with GlobalClusterIdentifier)."
                            + " Then redeploy and run evaluate again");
        }
        Optional<String> writer = global.writer().map(GlobalCluster.Member::dbClusterArn);
        if (role == GlobalDatabaseState.Role.WRITER) {
            return Finding.of(Severity.CRITICAL, Finding.Category.DATA, step.path(), resource, "the plan now runs the other way: "
                    + cluster.arn() + ", the plan's secondary in " + step.region() + ", is the writer of " + step.globalClusterIdentifier()
                    + " (members: " + members + "), after a switchover or failover. A failover now has nothing to promote, and the"
                    + " Region the plan calls primary is not the one that takes the writes",
                    "once the old primary is a secondary again, run failback to switch the writer back with no data lost; or, if "
                            + step.region() + " is to stay the writer, redeploy with the Regions swapped so that the plan fails over"
                            + " to the other Region");
        }
        if (writer.isEmpty()) {
            return Finding.of(Severity.CRITICAL, Finding.Category.DATA, step.path(), resource, "global cluster "
                    + step.globalClusterIdentifier() + " reports no writer (members: " + members + "): nothing replicates into "
                    + cluster.identifier(), "check the global database in the RDS console; a failover in progress ends with a writer");
        }
        if (step.primaryDbClusterArn() != null && !GlobalCluster.sameCluster(step.primaryDbClusterArn(), writer.get())) {
            // Failover promotes the plan's secondary whichever cluster writes: only failback's target is wrong.
            return Finding.of(Severity.WARNING, Finding.Category.DATA, step.path() + ".primaryDbClusterArn", resource,
                    "the writer of " + step.globalClusterIdentifier() + " is " + writer.get() + ", not the plan's primary "
                            + step.primaryDbClusterArn() + " (members: " + members + "): a failover now still promotes "
                            + cluster.identifier() + ", but failback would switch the writer to the plan's primary (or stop if it is no"
                            + " member), not back to the cluster that writes now",
                    "switch the writer back to " + step.primaryDbClusterArn() + " (a planned switchover), or set primaryClusterArn"
                            + " to " + writer.get() + " and redeploy");
        }
        return null;
    }

    /** The lag into the secondary against the step's RPO (or, for a step without one, the RPO evaluate weighs by). */
    private static Finding lag(GlobalDatabasePlan step, DbCluster cluster, String resource, ReadinessContext context) {
        Optional<Double> millis;
        try {
            millis = ReplicationLag.newest(context.aws(step), step.region(), cluster.identifier());
        } catch (RuntimeException e) {
            return ReadinessContext.unchecked(step.path(), resource, "the replication lag (" + ReplicationLag.METRIC + ")", e);
        }
        if (millis.isEmpty()) {
            return Finding.of(Severity.INFO, Finding.Category.UNCHECKED, step.path(), resource, "no " + ReplicationLag.METRIC
                    + " datapoint for " + cluster.identifier() + " in the last " + ReplicationLag.LOOK_BACK.toMinutes()
                    + " minutes: the data a failover would lose is not known", "none");
        }
        long seconds = (long) Math.ceil(millis.get() / 1000.0);
        long rounded = Math.round(millis.get());
        Long rpo = step.rpoSeconds() != null ? Long.valueOf(step.rpoSeconds())
                : Optional.ofNullable(context.objectives().rpo()).map(Duration::toSeconds).orElse(null);
        if (rpo != null && millis.get() > rpo * 1000.0) {
            return new Finding(Severity.WARNING, Finding.Category.DATA, step.path(), resource, "the secondary lags " + rounded
                    + " ms behind the writer (" + ReplicationLag.METRIC + "), more than the step's RPO of " + rpo
                    + " s: an unplanned failover now would lose up to " + seconds + " s of writes",
                    "find what slows replication (write volume, the secondary's capacity, the link) before it is needed", seconds, null);
        }
        return new Finding(Severity.INFO, Finding.Category.DATA, step.path(), resource, "the secondary lags " + rounded + " ms"
                + (rpo == null ? " (no RPO declared)" : ", within the step's RPO of " + rpo + " s"), "none", seconds, null);
    }
}
