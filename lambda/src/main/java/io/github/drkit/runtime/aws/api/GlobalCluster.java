package io.github.drkit.runtime.aws.api;

import java.util.List;
import java.util.Optional;

/**
 * An Aurora global database as DescribeGlobalClusters reports it.
 *
 * @param status        the global cluster's status (available, failing-over, switching-over ...)
 * @param members       the clusters in it, primary and secondaries
 * @param failoverState the switchover or failover in progress; null when none is
 */
public record GlobalCluster(String identifier, String arn, String status, List<Member> members, FailoverState failoverState) {

    public GlobalCluster {
        members = List.copyOf(members);
    }

    /** A cluster of the global database; {@code writer} for the primary. */
    public record Member(String dbClusterArn, boolean writer) {
    }

    /**
     * A switchover or failover AWS is carrying out.
     *
     * @param status pending, failing-over or cancelling
     */
    public record FailoverState(String status, String fromDbClusterArn, String toDbClusterArn, Boolean dataLossAllowed) {
    }

    /** The member this ARN names ({@link #sameCluster}); empty when the cluster is not in the global database. */
    public Optional<Member> member(String dbClusterArn) {
        return members.stream().filter(m -> sameCluster(m.dbClusterArn(), dbClusterArn)).findFirst();
    }

    /**
     * Whether two cluster ARNs name the same cluster: same partition, Region and identifier (RDS compares identifiers
     * ignoring case). The account is left out: the members of a global database are all in one account, and a plan's
     * ARN may carry the deploying account's id (or an emulator its own) where RDS reports the cluster's.
     */
    public static boolean sameCluster(String a, String b) {
        String[] x = a.split(":");
        String[] y = b.split(":");
        if (x.length != 7 || y.length != 7) {
            return a.equals(b);
        }
        return x[1].equals(y[1]) && x[3].equals(y[3]) && x[5].equals(y[5]) && x[6].equalsIgnoreCase(y[6]);
    }

    /** The primary cluster; empty while the global database has none (in the middle of a failover, or no member left). */
    public Optional<Member> writer() {
        return members.stream().filter(Member::writer).findFirst();
    }
}
