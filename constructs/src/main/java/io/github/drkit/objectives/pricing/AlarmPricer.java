package io.github.drkit.objectives.pricing;

import static io.github.drkit.objectives.pricing.TemplateValues.num;

/** A CloudWatch metric alarm: monthly, standard or high resolution (period under 60 s). */
final class AlarmPricer implements ResourcePricer {
    @Override
    public String resourceType() {
        return "AWS::CloudWatch::Alarm";
    }

    @Override
    public void price(PricedResource r) {
        Double period = num(r.property("Period"));
        boolean highResolution = period != null && period < 60;
        r.charge(highResolution ? "cloudwatch:alarm-high-resolution" : "cloudwatch:alarm-standard", 1,
                highResolution ? "high-resolution alarm" : "standard alarm");
    }
}
