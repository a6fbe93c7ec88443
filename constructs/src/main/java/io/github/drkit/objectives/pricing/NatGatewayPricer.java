package io.github.drkit.objectives.pricing;

import static io.github.drkit.objectives.pricing.TemplateValues.str;

/** A NAT gateway: its hourly charge (its public address is the EIP it names, priced on its own). */
final class NatGatewayPricer implements ResourcePricer {
    @Override
    public String resourceType() {
        return "AWS::EC2::NatGateway";
    }

    @Override
    public void price(PricedResource r) {
        boolean isPrivate = "private".equals(str(r.property("ConnectivityType")));
        r.charge("vpc:nat-gateway", 1, isPrivate ? "private NAT gateway" : "NAT gateway");
    }
}
