package io.github.drkit.runtime.steps.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.github.drkit.plan.CheckGlobalTableKind;
import io.github.drkit.plan.GlobalTablePlan;
import io.github.drkit.runtime.aws.DeadlineExceededException;
import io.github.drkit.runtime.aws.api.TableDescription;
import io.github.drkit.runtime.readiness.Finding;
import io.github.drkit.runtime.readiness.ReadinessCheck;
import io.github.drkit.runtime.readiness.ReadinessContext;
import io.github.drkit.runtime.readiness.Severity;

/**
 * DynamoDB global tables ({@code checkGlobalTable}): what the failover gate reads, read ahead of the failover. The table
 * exists in the Region traffic moves to and is ACTIVE, it is a replica of a global table whose entry for that Region is
 * ACTIVE, and the replication latency into it from the source Region ({@code AWS/DynamoDB ReplicationLatency}, published
 * in the source Region) is within the step's RPO. The gate stops a failover that is not forced on any of these, so a
 * missing or inactive replica is CRITICAL; a latency beyond the RPO, or one that cannot be read, is a WARNING, since a
 * forced failover passes the gate. One DescribeTable and one GetMetricStatistics per step (both take one table a call).
 */
public final class GlobalTableReadiness implements ReadinessCheck<GlobalTablePlan> {

    @Override
    public String kind() {
        return CheckGlobalTableKind.NAME;
    }

    @Override
    public Class<GlobalTablePlan> type() {
        return GlobalTablePlan.class;
    }

    @Override
    public List<Finding> check(List<GlobalTablePlan> steps, ReadinessContext context) {
        List<Callable<List<Finding>>> reads = steps.stream().map(step -> (Callable<List<Finding>>) () -> table(step, context)).toList();
        return context.all(reads).stream().flatMap(List::stream).toList();
    }

    private static List<Finding> table(GlobalTablePlan step, ReadinessContext context) {
        String resource = "DynamoDB table " + step.tableName() + " (" + step.region() + ")";
        Optional<ReplicaReadiness> read;
        try {
            read = ReplicaReadiness.read(context.aws(step), step.tableName(), step.region(), step.sourceRegion());
        } catch (DeadlineExceededException e) {
            throw e;
        } catch (RuntimeException e) {
            return List.of(ReadinessContext.unchecked(step.path(), resource, "the table", e));
        }
        if (read.isEmpty()) {
            return List.of(Finding.of(Severity.CRITICAL, Finding.Category.EXISTENCE, step.path() + ".tableName", resource,
                    "DynamoDB table '" + step.tableName() + "' not found in " + step.region() + ": there is no replica to move traffic"
                            + " to, and the failover gate stops at this step", "add a replica in " + step.region() + " to the global table"
                            + " (UpdateTable with ReplicaUpdates, or the stack's AWS::DynamoDB::GlobalTable), or correct tableName"));
        }
        return findings(step, read.get());
    }

    /**
     * The findings of what was read: one per problem the failover gate would stop on ({@link ReplicaReadiness#problems}, of
     * its kind's severity), and the latency's figure when it is within the RPO.
     */
    static List<Finding> findings(GlobalTablePlan step, ReplicaReadiness replica) {
        String resource = "DynamoDB table " + step.tableName() + " (" + step.region() + ")";
        List<Finding> findings = new ArrayList<>();
        List<ReplicaReadiness.Problem> problems = replica.problems(step.rpoSeconds());
        for (ReplicaReadiness.Problem problem : problems) {
            findings.add(finding(step, replica, resource, problem.kind()));
        }
        if (replica.latencyMillis() != null && problems.stream().noneMatch(p -> p.kind() == ReplicaReadiness.Problem.Kind.LATENCY_ABOVE_RPO)) {
            findings.add(new Finding(Severity.INFO, Finding.Category.DATA, step.path(), resource, "replication latency from " + step.sourceRegion()
                    + " is " + Math.round(replica.latencyMillis()) + " ms, within the step's RPO of " + step.rpoSeconds() + " s", "none",
                    (long) Math.ceil(replica.latencyMillis() / 1000.0), null));
        }
        return findings;
    }

    /** Evaluate's words for a problem of this kind: what the gate would do on it, and what fixes it. */
    private static Finding finding(GlobalTablePlan step, ReplicaReadiness replica, String resource, ReplicaReadiness.Problem.Kind kind) {
        Severity severity = kind.severity();
        return switch (kind) {
            case TABLE_NOT_ACTIVE -> Finding.of(severity, Finding.Category.DATA, step.path(), resource, "the table is "
                    + replica.table().status() + " in " + step.region() + ", not ACTIVE: the failover gate stops until it is",
                    "wait for the table to become ACTIVE, or check its events if it stays " + replica.table().status());
            case NOT_A_REPLICA -> Finding.of(severity, Finding.Category.DATA, step.path(), resource, "no cross-Region replication: '"
                    + step.tableName() + "' in " + step.region() + " is not a replica of a global table (DescribeTable lists no"
                    + " replicas), so it does not receive " + step.sourceRegion() + "'s writes and the failover gate stops",
                    "make the table a global table with replicas in " + step.sourceRegion() + " and " + step.region()
                            + " (UpdateTable with ReplicaUpdates), or correct the plan");
            case REPLICA_NOT_ACTIVE -> Finding.of(severity, Finding.Category.DATA, step.path(), resource, "the global table's replica in "
                    + step.region() + " is " + replica.table().replica(step.region()).map(TableDescription.Replica::status).orElse("unknown")
                    + ", not ACTIVE: the failover gate stops until it is", "wait for the replica to become ACTIVE, or check the table's"
                    + " replica settings (a replica left INACCESSIBLE_ENCRYPTION_CREDENTIALS needs its KMS key)");
            // The gate refuses an unknown latency as it refuses a high one: a failover would stop here unless forced.
            case LATENCY_UNKNOWN -> Finding.of(severity, Finding.Category.UNCHECKED, step.path(), resource, "replication latency from "
                    + step.sourceRegion() + " unknown (" + replica.latencyUnknown() + "): the failover gate stops on it unless the"
                    + " run is forced", replica.latencyRefused() ? "give the function's role cloudwatch:GetMetricStatistics in "
                    + step.sourceRegion() + ", or run evaluate where the API is served"
                    : "none while the table takes no writes (DynamoDB publishes the metric only when it replicates); a failover then"
                    + " needs force");
            case LATENCY_ABOVE_RPO -> {
                long seconds = (long) Math.ceil(replica.latencyMillis() / 1000.0);
                yield new Finding(severity, Finding.Category.DATA, step.path(), resource, "replication latency from "
                        + step.sourceRegion() + " is " + Math.round(replica.latencyMillis()) + " ms, more than the step's RPO of "
                        + step.rpoSeconds() + " s: the failover gate stops unless forced, and a forced failover now would lose up to "
                        + seconds + " s of writes", "find what slows replication (write volume, throttling in " + step.region()
                        + ") before it is needed", seconds, null);
            }
        };
    }
}
