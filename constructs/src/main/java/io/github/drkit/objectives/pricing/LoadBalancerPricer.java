package io.github.drkit.objectives.pricing;

import static io.github.drkit.objectives.pricing.TemplateValues.str;

import java.util.Objects;

/**
 * An application, network or gateway load balancer: its hourly charge (no LCUs: those follow traffic),
 * plus the public IPv4 addresses it holds when internet-facing.
 */
final class LoadBalancerPricer implements ResourcePricer {
    @Override
    public String resourceType() {
        return "AWS::ElasticLoadBalancingV2::LoadBalancer";
    }

    @Override
    public void price(PricedResource r) {
        String type = Objects.requireNonNullElse(str(r.property("Type")), "application");
        r.charge("elb:" + type, 1, type + " load balancer");
        if (!"gateway".equals(type)) {
            PublicIpv4.chargeInternetFacing(r, "Subnets");
        }
    }
}
