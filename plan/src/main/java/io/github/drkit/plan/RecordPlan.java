package io.github.drkit.plan;

/**
 * One DNS record the runtime changes. Which fields are set depends on {@link #routing()}:
 * WEIGHTED has {@code setIdentifier}, {@code normalWeight} and {@code failoverWeight}; SIMPLE has
 * {@code normal} and {@code recovery}; FAILOVER has all three of {@code setIdentifier}, {@code normal} and
 * {@code recovery}.
 *
 * @param name fully qualified, lower case, with the trailing dot
 * @param ttl  for value targets; null keeps the live record's TTL
 */
public record RecordPlan(Routing routing, String name, String type, String setIdentifier,
                         Integer normalWeight, Integer failoverWeight, Integer ttl,
                         RecordTarget normal, RecordTarget recovery, String path) {
    /** A record written by a construct, before it has a place in a plan. */
    public RecordPlan(Routing routing, String name, String type, String setIdentifier, Integer normalWeight,
                      Integer failoverWeight, Integer ttl, RecordTarget normal, RecordTarget recovery) {
        this(routing, name, type, setIdentifier, normalWeight, failoverWeight, ttl, normal, recovery, null);
    }


    /** The record's identity inside its zone, as Route 53 keys it. */
    public String key() {
        return name + " " + type + (setIdentifier == null ? "" : " [" + setIdentifier + "]");
    }
}
