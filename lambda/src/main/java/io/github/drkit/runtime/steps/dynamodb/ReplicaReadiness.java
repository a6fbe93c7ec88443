package io.github.drkit.runtime.steps.dynamodb;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.drkit.runtime.aws.AwsClients;
import io.github.drkit.runtime.aws.DeadlineExceededException;
import io.github.drkit.runtime.aws.api.TableDescription;
import io.github.drkit.runtime.readiness.Severity;

/**
 * Whether a global table's replica in one Region is ready to take the traffic: the table there is ACTIVE, it is a
 * replica of a global table whose entry for that Region (when listed) is ACTIVE, and the replication latency into it
 * from the Region that takes the writes is within the RPO. CloudWatch publishes {@code ReplicationLatency}
 * (milliseconds, dimensions {@code TableName} and {@code ReceivingRegion}) in the sending Region.
 *
 * @param table           the table as the receiving Region describes it
 * @param latencyMillis   the newest one-minute maximum of the last {@link #LOOK_BACK}; null when unknown
 * @param latencyUnknown  why the latency is unknown; null when it is known
 * @param latencyRefused  the latency read failed (rather than finding no datapoint)
 */
record ReplicaReadiness(String region, String sourceRegion, TableDescription table, Double latencyMillis, String latencyUnknown,
                        boolean latencyRefused) {
    static final String NAMESPACE = "AWS/DynamoDB";
    static final String METRIC = "ReplicationLatency";
    static final Duration LOOK_BACK = Duration.ofMinutes(10);

    /** Reads the replica in {@code region} and the latency from {@code sourceRegion}; the table is empty when {@code region} has none. */
    static Optional<ReplicaReadiness> read(AwsClients aws, String tableName, String region, String sourceRegion) {
        Optional<TableDescription> table = aws.dynamoDb().describeTable(region, tableName);
        if (table.isEmpty()) {
            return Optional.empty();
        }
        Double latency = null;
        String unknown = null;
        boolean refused = false;
        try {
            Optional<Double> newest = aws.cloudWatch().latestMaximum(sourceRegion, NAMESPACE, METRIC,
                    Map.of("TableName", tableName, "ReceivingRegion", region), LOOK_BACK);
            latency = newest.orElse(null);
            unknown = newest.isPresent() ? null : "no " + METRIC + " datapoint from " + sourceRegion + " to " + region + " in the last "
                    + LOOK_BACK.toMinutes() + " minutes";
        } catch (DeadlineExceededException e) {
            throw e;
        } catch (RuntimeException e) {
            // The source Region may be the one that is down: the latency is then unknown, not a failure of the read.
            unknown = METRIC + " could not be read in " + sourceRegion + ": " + e.getMessage();
            refused = true;
        }
        return Optional.of(new ReplicaReadiness(region, sourceRegion, table.get(), latency, unknown, refused));
    }

    /**
     * One thing that keeps the replica from taking traffic within the RPO: the failover gate stops on every one (unless the
     * run is forced), and evaluate reports each as a finding of its kind's severity. One rule for both, so evaluate never
     * passes what the gate would stop on.
     *
     * @param message the gate's words for it
     */
    record Problem(Kind kind, String message) {
        /** What is wrong, and how much evaluate makes of it. */
        enum Kind {
            /** The table in the Region is not ACTIVE: nothing moves traffic to it, forced or not. */
            TABLE_NOT_ACTIVE(Severity.CRITICAL),
            /** The table is no replica of a global table: it receives no writes from the source Region. */
            NOT_A_REPLICA(Severity.CRITICAL),
            /** The global table's replica in the Region is not ACTIVE. */
            REPLICA_NOT_ACTIVE(Severity.CRITICAL),
            /** The latency is unknown: the gate stops, a forced failover still works. */
            LATENCY_UNKNOWN(Severity.WARNING),
            /** The latency is above the RPO: the gate stops, a forced failover works and loses up to the latency. */
            LATENCY_ABOVE_RPO(Severity.WARNING);

            private final Severity severity;

            Kind(Severity severity) {
                this.severity = severity;
            }

            /** The severity of evaluate's finding on it. */
            Severity severity() {
                return severity;
            }
        }
    }

    /** What keeps the replica from taking traffic within {@code rpoSeconds}; empty when nothing does. */
    List<Problem> problems(int rpoSeconds) {
        List<Problem> problems = new ArrayList<>();
        if (!"ACTIVE".equals(table.status())) {
            problems.add(new Problem(Problem.Kind.TABLE_NOT_ACTIVE, "table " + table.tableName() + " in " + region + " is " + table.status()
                    + ", not ACTIVE"));
        }
        if (table.replicas().isEmpty()) {
            problems.add(new Problem(Problem.Kind.NOT_A_REPLICA, "table " + table.tableName() + " in " + region
                    + " is not a replica of a global table (DescribeTable lists no replicas)"));
        }
        table.replica(region).filter(r -> !"ACTIVE".equals(r.status())).ifPresent(r -> problems.add(new Problem(
                Problem.Kind.REPLICA_NOT_ACTIVE, "replica " + region + " is " + r.status() + ", not ACTIVE")));
        if (latencyMillis == null) {
            problems.add(new Problem(Problem.Kind.LATENCY_UNKNOWN, "replication latency unknown (" + latencyUnknown + ")"));
        } else if (latencyMillis > rpoSeconds * 1000.0) {
            problems.add(new Problem(Problem.Kind.LATENCY_ABOVE_RPO, "replication latency " + Math.round(latencyMillis) + " ms from "
                    + sourceRegion + " exceeds the RPO of " + rpoSeconds + " s"));
        }
        return problems;
    }

    /** The report's line on the replica. */
    String summary(int rpoSeconds) {
        return "replica " + region + " " + table.status() + ", replication latency from " + sourceRegion + " "
                + (latencyMillis == null ? "unknown" : Math.round(latencyMillis) + " ms") + " (RPO " + rpoSeconds + " s)";
    }
}
