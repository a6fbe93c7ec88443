package io.github.drkit.failover;

import io.github.drkit.internal.plan.Checks;
import java.util.List;
import software.amazon.awscdk.services.elasticloadbalancingv2.ILoadBalancerV2;
import software.amazon.awscdk.services.route53.IHostedZone;

/**
 * Where a site serves traffic: an IP address (an on-premises data center), a hostname, an alias
 * target (a load balancer or another record) or a record of the same hosted zone. IP addresses and
 * aliases make A records; hostnames make CNAME records.
 */
public final class Endpoint {
    /** What the endpoint is. */
    public enum Kind { IP_ADDRESS, HOSTNAME, ALIAS, ZONE_RECORD }

    private final Kind kind;
    private final String value;
    private final String aliasHostedZoneId;

    private Endpoint(Kind kind, String value, String aliasHostedZoneId) {
        this.kind = kind;
        this.value = value;
        this.aliasHostedZoneId = aliasHostedZoneId;
    }

    /** An IPv4 address, e.g. the public address of an on-premises reverse proxy. */
    public static Endpoint ipAddress(String ip) {
        Checks.required("Endpoint", "ipAddress", ip);
        if (!Checks.isToken(ip) && !ip.matches("(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}")) {
            throw new IllegalArgumentException("Endpoint: ipAddress must be an IPv4 address like 203.0.113.10 (got " + ip + ")");
        }
        return new Endpoint(Kind.IP_ADDRESS, ip, null);
    }

    /** A host name served by CNAME records, e.g. {@code www.datacenter.example.net}. */
    public static Endpoint hostname(String fqdn) {
        Checks.required("Endpoint", "hostname", fqdn);
        if (!Checks.isToken(fqdn) && !fqdn.matches("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+\\.?")) {
            throw new IllegalArgumentException("Endpoint: hostname must be a domain name like www.example.com (got " + fqdn + ")");
        }
        return new Endpoint(Kind.HOSTNAME, fqdn, null);
    }

    /** An alias target: a load balancer in another stack, a CloudFront distribution, ... */
    public static Endpoint alias(String dnsName, String hostedZoneId) {
        return new Endpoint(Kind.ALIAS, Checks.required("Endpoint", "alias dnsName", dnsName),
                Checks.required("Endpoint", "alias hostedZoneId", hostedZoneId));
    }

    /** A load balancer, by alias. */
    public static Endpoint loadBalancer(ILoadBalancerV2 loadBalancer) {
        Checks.required("Endpoint", "loadBalancer", loadBalancer);
        return alias(loadBalancer.getLoadBalancerDnsName(), loadBalancer.getLoadBalancerCanonicalHostedZoneId());
    }

    /**
     * Another record of the same hosted zone, by alias: the usual way to reach a site whose load
     * balancer lives in another Region's stack (that stack publishes e.g. {@code east.example.com}).
     */
    public static Endpoint zoneRecord(String name) {
        return new Endpoint(Kind.ZONE_RECORD, Checks.required("Endpoint", "zoneRecord", name), null);
    }

    public Kind kind() {
        return kind;
    }

    /** The IP address, host name or alias DNS name. */
    public String value() {
        return value;
    }

    /** The record type this endpoint needs. */
    public String recordType() {
        return kind == Kind.HOSTNAME ? "CNAME" : "A";
    }

    public boolean isAlias() {
        return kind == Kind.ALIAS || kind == Kind.ZONE_RECORD;
    }

    /** The alias's DNS name, made absolute within {@code zone} for zone records. */
    public String aliasDnsName(IHostedZone zone) {
        return kind == Kind.ZONE_RECORD ? DnsNames.qualify(value, zone) : value;
    }

    public String aliasHostedZoneId(IHostedZone zone) {
        return kind == Kind.ZONE_RECORD ? zone.getHostedZoneId() : aliasHostedZoneId;
    }

    /** The endpoint as a plan target. */
    public PlanDnsTarget planTarget(IHostedZone zone) {
        return isAlias() ? PlanDnsTarget.alias(aliasDnsName(zone), aliasHostedZoneId(zone)) : PlanDnsTarget.values(List.of(value));
    }

    /** The name a health check asks for, or null for an IP address. */
    public String healthCheckFqdn(IHostedZone zone) {
        switch (kind) {
            case IP_ADDRESS:
                return null;
            case ZONE_RECORD:
                String q = DnsNames.qualify(value, zone);
                return Checks.isToken(q) ? q : q.substring(0, q.length() - 1);
            default:
                return value;
        }
    }

    @Override
    public String toString() {
        return kind + " " + value;
    }
}
