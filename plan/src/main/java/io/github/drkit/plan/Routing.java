package io.github.drkit.plan;

/** How a record moves traffic on failover. */
public enum Routing {
    /** Only the weight changes: {@code normalWeight} and {@code failoverWeight}. */
    WEIGHTED,
    /** A plain record whose target changes from {@code normal} to {@code recovery}. */
    SIMPLE,
    /** A failover-routing record (named by its set identifier) whose target changes. */
    FAILOVER
}
