package io.github.drkit.objectives.pricing;

/** A classic load balancer: its hourly charge, plus its public IPv4 addresses when internet-facing. */
final class ClassicLoadBalancerPricer implements ResourcePricer {
    @Override
    public String resourceType() {
        return "AWS::ElasticLoadBalancing::LoadBalancer";
    }

    @Override
    public void price(PricedResource r) {
        r.charge("elb:classic", 1, "classic load balancer");
        PublicIpv4.chargeInternetFacing(r, r.getProperties().containsKey("Subnets") ? "Subnets" : "AvailabilityZones");
    }
}
