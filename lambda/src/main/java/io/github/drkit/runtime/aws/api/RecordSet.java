package io.github.drkit.runtime.aws.api;

import java.util.List;

/**
 * A Route 53 resource record set, with the fields of the routings a recovery plan uses (simple, weighted,
 * failover).
 *
 * @param weight        null unless the record is weighted
 * @param failover      {@code PRIMARY} or {@code SECONDARY} for a failover record; null otherwise
 * @param ttl           null for an alias
 * @param values        the record's values; empty for an alias
 * @param aliasTarget   null unless the record is an alias
 */
public record RecordSet(String name, String type, String setIdentifier, Long weight, String failover, String healthCheckId,
                        Long ttl, List<String> values, AliasTarget aliasTarget) {

    public RecordSet {
        values = values == null ? List.of() : List.copyOf(values);
    }

    /** The same record with another weight. */
    public RecordSet withWeight(Long weight) {
        return new RecordSet(name, type, setIdentifier, weight, failover, healthCheckId, ttl, values, aliasTarget);
    }

    /** The same record pointing at values instead of its current target. */
    public RecordSet withValues(long ttl, List<String> values) {
        return new RecordSet(name, type, setIdentifier, weight, failover, healthCheckId, ttl, values, null);
    }

    /** The same record as an alias of {@code alias} instead of its current target. */
    public RecordSet withAlias(AliasTarget alias) {
        return new RecordSet(name, type, setIdentifier, weight, failover, healthCheckId, null, List.of(), alias);
    }

    /** An alias record's target. */
    public record AliasTarget(String dnsName, String hostedZoneId, boolean evaluateTargetHealth) {
    }
}
