package io.github.drkit.failover;

import io.github.drkit.internal.plan.Checks;
import io.github.drkit.plan.RecordPlan;

/**
 * One record failover changes. {@code WEIGHTED}: only its weight changes. {@code SIMPLE}: its target
 * changes. {@code FAILOVER}: the record with this set identifier gets the recovery target.
 */
public final class PlanDnsRecord {
    /** How the record is routed, as named in the plan. */
    public enum Routing { WEIGHTED, SIMPLE, FAILOVER }

    private final Routing routing;
    private final String name;
    private final String type;
    private final String setIdentifier;
    private final Integer normalWeight;
    private final Integer failoverWeight;
    private final Integer ttl;
    private final PlanDnsTarget normal;
    private final PlanDnsTarget recovery;

    private PlanDnsRecord(Routing routing, String name, String type, String setIdentifier, Integer normalWeight,
            Integer failoverWeight, Integer ttl, PlanDnsTarget normal, PlanDnsTarget recovery) {
        String owner = "PlanDnsRecord";
        this.routing = routing;
        this.name = absolute(Checks.required(owner, "name", name));
        this.type = Checks.required(owner, "type", type);
        this.setIdentifier = setIdentifier;
        this.normalWeight = normalWeight;
        this.failoverWeight = failoverWeight;
        this.ttl = ttl;
        this.normal = normal;
        this.recovery = recovery;
        if (ttl != null) {
            Checks.range(owner, "ttl of " + this.name, ttl, 0, 60);
        }
    }

    public static PlanDnsRecord weighted(String name, String type, String setIdentifier, int normalWeight, int failoverWeight) {
        // Weights (0-255) and the other record rules are the plan model's, checked with the zone (PlanDnsZone).
        Checks.required("PlanDnsRecord", "setIdentifier", setIdentifier);
        return new PlanDnsRecord(Routing.WEIGHTED, name, type, setIdentifier, normalWeight, failoverWeight, null, null, null);
    }

    /** @param ttl seconds, used with value targets; null for alias targets */
    public static PlanDnsRecord simple(String name, String type, Integer ttl, PlanDnsTarget normal, PlanDnsTarget recovery) {
        return new PlanDnsRecord(Routing.SIMPLE, name, type, null, null, null, ttl,
                Checks.required("PlanDnsRecord", "normal", normal), Checks.required("PlanDnsRecord", "recovery", recovery));
    }

    /** @param ttl seconds, used with value targets; null for alias targets */
    public static PlanDnsRecord failover(String name, String type, String setIdentifier, Integer ttl, PlanDnsTarget normal,
            PlanDnsTarget recovery) {
        return new PlanDnsRecord(Routing.FAILOVER, name, type, Checks.required("PlanDnsRecord", "setIdentifier", setIdentifier),
                null, null, ttl, Checks.required("PlanDnsRecord", "normal", normal),
                Checks.required("PlanDnsRecord", "recovery", recovery));
    }

    /** Route 53 names in the plan are absolute: they end with a dot. */
    static String absolute(String name) {
        return Checks.isToken(name) || name.endsWith(".") ? name : name + ".";
    }

    public Routing routing() {
        return routing;
    }

    public String name() {
        return name;
    }

    public String type() {
        return type;
    }

    public String setIdentifier() {
        return setIdentifier;
    }

    public Integer normalWeight() {
        return normalWeight;
    }

    public Integer failoverWeight() {
        return failoverWeight;
    }

    /** The record as the plan carries it. */
    public RecordPlan toPlan() {
        return new RecordPlan(io.github.drkit.plan.Routing.valueOf(routing.name()), name, type, setIdentifier, normalWeight, failoverWeight,
                ttl, normal == null ? null : normal.toPlan(), recovery == null ? null : recovery.toPlan());
    }
}
