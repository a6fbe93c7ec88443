package io.github.drkit.objectives.pricing;

import static io.github.drkit.objectives.pricing.TemplateValues.asList;
import static io.github.drkit.objectives.pricing.TemplateValues.str;

import java.util.Objects;

/**
 * The public IPv4 addresses of an internet-facing load balancer: AWS charges each one by the hour, and
 * the load balancer holds one per Availability Zone (subnet) it is enabled in, idle or not.
 */
final class PublicIpv4 {
    static final String KEY = "vpc:public-ipv4";

    private PublicIpv4() {
    }

    static void chargeInternetFacing(PricedResource r, String zonesProperty) {
        String scheme = Objects.requireNonNullElse(str(r.property("Scheme")), "internet-facing");
        if (!"internet-facing".equals(scheme)) {
            return;
        }
        if ("dualstack-without-public-ipv4".equals(str(r.property("IpAddressType")))) {
            return;
        }
        int zones = asList(r.property(zonesProperty)).size();
        if (zones == 0) {
            zones = asList(r.property("SubnetMappings")).size();
        }
        if (zones == 0) {
            r.unpriced("internet-facing: its public IPv4 addresses (one per zone) not priced; " + zonesProperty
                    + " is not a literal list");
            return;
        }
        r.charge(KEY, zones, zones + " public IPv4 address(es) (internet-facing, one per zone)");
    }
}
