package io.github.drkit.runtime.aws.api;

import java.util.List;

/**
 * A Route 53 resource record set. The fields of the routings a recovery plan changes (simple, weighted, failover)
 * are components of their own; every other routing field Route 53 has (latency, geolocation, geoproximity,
 * multivalue answer, CIDR, traffic policy) travels in {@link #routing()}, so that a record read and written back
 * keeps its routing.
 *
 * @param weight        null unless the record is weighted
 * @param failover      {@code PRIMARY} or {@code SECONDARY} for a failover record; null otherwise
 * @param ttl           null for an alias
 * @param values        the record's values; empty for an alias
 * @param aliasTarget   null unless the record is an alias
 * @param routing       the record's other routing fields; {@link Routing#NONE} when it has none
 */
public record RecordSet(String name, String type, String setIdentifier, Long weight, String failover, String healthCheckId,
                        Long ttl, List<String> values, AliasTarget aliasTarget, Routing routing) {

    public RecordSet {
        values = values == null ? List.of() : List.copyOf(values);
        routing = routing == null ? Routing.NONE : routing;
    }

    /** A record without routing fields beyond weight and failover. */
    public RecordSet(String name, String type, String setIdentifier, Long weight, String failover, String healthCheckId,
                     Long ttl, List<String> values, AliasTarget aliasTarget) {
        this(name, type, setIdentifier, weight, failover, healthCheckId, ttl, values, aliasTarget, Routing.NONE);
    }

    /** The same record with another weight. */
    public RecordSet withWeight(Long weight) {
        return new RecordSet(name, type, setIdentifier, weight, failover, healthCheckId, ttl, values, aliasTarget, routing);
    }

    /** The same record pointing at values instead of its current target. */
    public RecordSet withValues(long ttl, List<String> values) {
        return new RecordSet(name, type, setIdentifier, weight, failover, healthCheckId, ttl, values, null, routing);
    }

    /** The same record as an alias of {@code alias} instead of its current target. */
    public RecordSet withAlias(AliasTarget alias) {
        return new RecordSet(name, type, setIdentifier, weight, failover, healthCheckId, null, List.of(), alias, routing);
    }

    /** An alias record's target. */
    public record AliasTarget(String dnsName, String hostedZoneId, boolean evaluateTargetHealth) {
    }

    /**
     * The routing fields of a record other than weight and failover; each null when the record does not use it.
     *
     * @param region                  latency routing: the Region of the resource
     * @param multiValueAnswer        multivalue answer routing
     * @param trafficPolicyInstanceId set when a traffic policy instance created the record; Route 53 then owns it
     */
    public record Routing(String region, GeoLocation geoLocation, GeoProximity geoProximity, Boolean multiValueAnswer,
                          CidrRouting cidrRouting, String trafficPolicyInstanceId) {
        public static final Routing NONE = new Routing(null, null, null, null, null, null);
    }

    /** Geolocation routing: a continent, or a country and optionally a subdivision. */
    public record GeoLocation(String continentCode, String countryCode, String subdivisionCode) {
    }

    /**
     * Geoproximity routing: an AWS Region, a Local Zone group or coordinates (kept as Route 53 writes them), and
     * a bias.
     */
    public record GeoProximity(String awsRegion, String localZoneGroup, String latitude, String longitude, Integer bias) {
    }

    /** CIDR routing: a location of a CIDR collection. */
    public record CidrRouting(String collectionId, String locationName) {
    }
}
