package io.github.drkit.runtime.steps.aurora;

import io.github.drkit.runtime.aws.api.DbCluster;
import io.github.drkit.runtime.aws.api.GlobalCluster;
import io.github.drkit.runtime.engine.Position;

/**
 * What one read of a global database says about the plan's secondary cluster.
 *
 * @param global  the global cluster
 * @param cluster the plan's secondary cluster
 * @param lag     the replication lag into the secondary, as CloudWatch last reported it
 */
record GlobalDatabaseState(GlobalCluster global, DbCluster cluster, ReplicationLag lag) {

    /** The secondary's part in the global database. */
    enum Role {
        /** A secondary that replicates from the writer: normal operation. */
        SECONDARY,
        /** The global database's writer: failed over by a switchover or a managed failover. */
        WRITER,
        /** No longer in the global database: detached, a standalone cluster that takes writes. */
        DETACHED
    }

    Role role() {
        return global.member(cluster.arn()).map(m -> m.writer() ? Role.WRITER : Role.SECONDARY).orElse(Role.DETACHED);
    }

    /** A switchover or failover in progress, or a global database without a writer, is neither state. */
    Position position() {
        if (global.failoverState() != null) {
            return Position.OTHER;
        }
        return switch (role()) {
            case SECONDARY -> global.writer().isPresent() ? Position.NORMAL : Position.OTHER;
            case WRITER, DETACHED -> Position.FAILED_OVER;
        };
    }
}
