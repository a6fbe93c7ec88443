package io.github.drkit.objectives.pricing;

import static io.github.drkit.objectives.pricing.TemplateValues.str;

/** An SSM parameter: standard ones are free; an advanced one is charged monthly. */
final class SsmParameterPricer implements ResourcePricer {
    @Override
    public String resourceType() {
        return "AWS::SSM::Parameter";
    }

    @Override
    public void price(PricedResource r) {
        if ("Advanced".equals(str(r.property("Tier")))) {
            r.charge("ssm:advanced-parameter", 1, "advanced parameter");
        }
    }
}
