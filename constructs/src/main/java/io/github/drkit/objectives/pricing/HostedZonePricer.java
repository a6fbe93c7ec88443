package io.github.drkit.objectives.pricing;

/** A Route 53 hosted zone: its monthly charge (queries are usage). */
final class HostedZonePricer implements ResourcePricer {
    @Override
    public String resourceType() {
        return "AWS::Route53::HostedZone";
    }

    @Override
    public void price(PricedResource r) {
        r.charge("route53:hosted-zone", 1, "hosted zone");
    }
}
