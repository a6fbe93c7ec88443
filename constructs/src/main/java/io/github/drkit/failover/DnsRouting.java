package io.github.drkit.failover;

/** How the switch records route between the primary and the recovery site. */
public enum DnsRouting {
    /**
     * Route 53 failover routing: a PRIMARY record on the primary (with its health check) and a
     * SECONDARY record on the recovery load balancer (evaluating its target health). Route 53 moves
     * traffic by itself once the primary is unhealthy and the recovery fleet is healthy; failover
     * also points the PRIMARY record at the recovery site, so a partial outage the health check does
     * not see is covered too.
     */
    FAILOVER,
    /** Weighted records: primary 100 and recovery 0; failover swaps the weights. */
    WEIGHTED
}
