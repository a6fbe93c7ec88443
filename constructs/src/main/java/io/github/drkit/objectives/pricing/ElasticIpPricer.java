package io.github.drkit.objectives.pricing;

/** An Elastic IP: the hourly public IPv4 charge, attached or not. */
final class ElasticIpPricer implements ResourcePricer {
    @Override
    public String resourceType() {
        return "AWS::EC2::EIP";
    }

    @Override
    public void price(PricedResource r) {
        r.charge(PublicIpv4.KEY, 1, "public IPv4 address");
    }
}
