package io.github.drkit.objectives.pricing;

import static io.github.drkit.objectives.pricing.TemplateValues.asList;
import static io.github.drkit.objectives.pricing.TemplateValues.str;

/** An interface VPC endpoint: hourly per subnet (Availability Zone). Gateway endpoints (S3, DynamoDB) are free. */
final class VpcEndpointPricer implements ResourcePricer {
    @Override
    public String resourceType() {
        return "AWS::EC2::VPCEndpoint";
    }

    @Override
    public void price(PricedResource r) {
        if (!"Interface".equals(str(r.property("VpcEndpointType")))) {
            return; // gateway endpoints (S3, DynamoDB) are free
        }
        int azs = Math.max(1, asList(r.property("SubnetIds")).size());
        r.charge("vpc:interface-endpoint-az", azs, "interface endpoint in " + azs + " subnet(s)");
    }
}
